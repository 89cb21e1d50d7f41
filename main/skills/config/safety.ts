// The values of config.yaml that would weaken safety. They are refused when set, and a hand-edited
// file holding one is not obeyed: the safe value is used and the problem is shown (Settings,
// `foundry config validate`). Never silently weaker.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { ConfigKey, ConfigValue } from '../../../shared/contract/config-records.ts';
import { SAFETY_REASONS } from './config-messages.ts';

/** Why `value` may not be used for `key`, or null when it keeps every safety. */
export function weakeningReason(key: ConfigKey, value: unknown): Localized | null {
  if (key === 'skills.execution.sandbox' && value === false) return SAFETY_REASONS.sandbox;
  if (key === 'skills.learning.requireApproval' && value === false) return SAFETY_REASONS.requireApproval;
  if (key === 'skills.learning.mode' && Array.isArray(value) && value.includes('autonomous')) return SAFETY_REASONS.autonomous;
  return null;
}

/** What is used instead of a weakening value: the same list without `autonomous`, the switch on. */
export function safeValueFor(key: ConfigKey, value: ConfigValue): ConfigValue {
  if (key === 'skills.learning.mode' && Array.isArray(value)) return value.filter((mode) => mode !== 'autonomous');
  return true;
}
