// Seed 004's configuration file (config.yaml in the data directory): its keys, their defaults and
// bounds, and what Settings, the CLI and the API show of it. The engine builds its JSON Schema from
// this table, so the form, the validator and the README describe the same keys.
import type { Localized } from '../i18n-types.ts';

export type ConfigControl = 'switch' | 'integer' | 'modes' | 'registry-urls';

export interface ConfigKeySpec {
  control: ConfigControl;
  defaultValue: ConfigValue;
  /** Inclusive bounds of an integer key. */
  range?: [number, number];
  /** Stored and validated now, used by a later version (marketplace, schedules). */
  later?: true;
}

export type ConfigValue = boolean | number | string | string[];

export const LEARNING_MODE_NAMES = ['user_authored', 'ai_proposed', 'autonomous'] as const;

export const CONFIG_KEYS = {
  'skills.enabled': { control: 'switch', defaultValue: true },
  'skills.execution.sandbox': { control: 'switch', defaultValue: true },
  'skills.execution.timeoutMs': { control: 'integer', defaultValue: 30_000, range: [1_000, 600_000] },
  'skills.execution.maxRetries': { control: 'integer', defaultValue: 2, range: [0, 5] },
  'skills.execution.maxParallel': { control: 'integer', defaultValue: 8, range: [1, 32] },
  'skills.execution.maxParallelPerSkill': { control: 'integer', defaultValue: 1, range: [1, 8] },
  'skills.execution.consentTimeoutSeconds': { control: 'integer', defaultValue: 120, range: [10, 3_600] },
  'skills.execution.shell': { control: 'switch', defaultValue: false },
  'skills.execution.http.maxRequests': { control: 'integer', defaultValue: 20, range: [0, 200] },
  'skills.execution.http.maxResponseKb': { control: 'integer', defaultValue: 1_024, range: [1, 16_384] },
  'skills.learning.mode': { control: 'modes', defaultValue: ['user_authored', 'ai_proposed'] },
  'skills.learning.requireApproval': { control: 'switch', defaultValue: true },
  'skills.learning.maxProposedPerDay': { control: 'integer', defaultValue: 5, range: [0, 100] },
  'skills.marketplace.enabled': { control: 'switch', defaultValue: false },
  /** One or more registries, separated by spaces: https:// addresses or file:// folders. */
  'skills.marketplace.registryUrl': { control: 'registry-urls', defaultValue: 'https://skills.friday.ai' },
  'skills.marketplace.autoUpdate': { control: 'switch', defaultValue: false },
  'skills.scheduled.enabled': { control: 'switch', defaultValue: true },
  'skills.scheduled.maxScheduled': { control: 'integer', defaultValue: 20, range: [0, 1_000] },
  'skills.scheduled.maxFailures': { control: 'integer', defaultValue: 5, range: [1, 100] },
} as const satisfies Record<string, ConfigKeySpec>;

export type ConfigKey = keyof typeof CONFIG_KEYS;
export const CONFIG_KEY_NAMES = Object.keys(CONFIG_KEYS) as ConfigKey[];

export function isConfigKey(value: unknown): value is ConfigKey {
  return typeof value === 'string' && Object.hasOwn(CONFIG_KEYS, value);
}

/** `syntax`: the file is not YAML; `invalid`: a value the schema refuses; `weakens-safety`: refused, the safe value is used. */
export type ConfigProblemKind = 'syntax' | 'invalid' | 'unknown-key' | 'weakens-safety';

export interface ConfigProblem {
  kind: ConfigProblemKind;
  /** The key it is about (null for the file as a whole or a key the file should not have). */
  key: ConfigKey | null;
  /** 1-based position in config.yaml, where the file has one. */
  line: number | null;
  column: number | null;
  message: Localized;
}

export interface ConfigEntry {
  key: ConfigKey;
  /** What the app uses: the file's value, or the default / safe value where the file's is refused. */
  value: ConfigValue;
  defaultValue: ConfigValue;
  control: ConfigControl;
  range: [number, number] | null;
  later: boolean;
}

export interface ConfigView {
  /** Absolute path of config.yaml. */
  file: string;
  /** False until the first change writes it: until then every key has its default. */
  exists: boolean;
  entries: ConfigEntry[];
  problems: ConfigProblem[];
}
