// Per-skill settings, host-bound secrets and local-address allowances (issue 11 §1, §3): what the
// owner enters in a skill's Settings, and what each execution reads of it (`forRun`).
export { createSkillSettings, MAX_SECRET_CHARS, MAX_VALUE_CHARS, type SkillRunSettings, type SkillSettings, type SkillSettingsDeps } from './skill-settings.ts';
export { settingsForm, isSecretProperty, type SettingsForm, type SecretSpec } from './settings-form.ts';
export { checkLocalAllowance, formatAllowance, parseAllowanceText, type AllowanceCheck } from './local-address.ts';
export { SETTINGS_MESSAGES } from './settings-messages.ts';
