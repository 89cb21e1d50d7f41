export * from './methods.ts';
export * from './records.ts';
export { buildFoundryApi, type Transport } from './client.ts';
export * from './notification-records.ts';
export * from './skill-settings-records.ts';
export * from './consent-records.ts';
export * from './dependency-records.ts';
export * from './shell-records.ts';
export * from './today-records.ts';
