// Built-in mods (the seed's lib/mods/executors): trusted executors shipped with the app. The
// registry looks here first, then at approved generated skills.
import type { BuiltinModSlug, IModExecutor } from '../../shared/skills/mod-types.ts';
import type { BuiltinModDeps } from './builtin-mod.ts';
import { createEnergyMonitor } from './energy-monitor.ts';
import { createSleepTracker } from './sleep-tracker.ts';

export type { BuiltinModDeps } from './builtin-mod.ts';
export { ActionParamsError, assertActionParams } from './checked-params.ts';

export const BUILTIN_EXECUTORS: Readonly<Record<BuiltinModSlug, (deps: BuiltinModDeps) => IModExecutor>> = Object.freeze({
  'sleep-tracker': createSleepTracker,
  'energy-monitor': createEnergyMonitor,
});

export function isBuiltinModSlug(value: unknown): value is BuiltinModSlug {
  return typeof value === 'string' && Object.hasOwn(BUILTIN_EXECUTORS, value);
}
