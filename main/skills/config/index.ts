// Seed 004's configuration file: config.yaml in the data directory, checked, safe, audited.
export { createSkillsConfig, ConfigError, CONFIG_FILE_NAME, type SkillsConfig, type ConfigErrorCode, type ConfigValueOf } from './config-service.ts';
export { DEFAULT_CONFIG_TEXT } from './config-file.ts';
export { CONFIG_MESSAGES } from './config-messages.ts';
