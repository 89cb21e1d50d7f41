// The one place the seed's configuration is read and changed: config.yaml next to foundry.db. A
// change is checked (schema, then safety), written with the file's comments kept, and audited.
// The learning settings that used to be stored in the settings table move here once, audited.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../../shared/contract/records.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import {
  CONFIG_KEYS, CONFIG_KEY_NAMES, isConfigKey, type ConfigKey, type ConfigValue, type ConfigView,
} from '../../../shared/contract/config-records.ts';
import type { FoundryStore } from '../../store/index.ts';
import { CONFIG_MESSAGES } from './config-messages.ts';
import { keyValueProblem } from './config-schema.ts';
import { DEFAULT_CONFIG_TEXT, defaultValues, parseConfigText, withValue, type ParsedConfig } from './config-file.ts';
import { weakeningReason } from './safety.ts';

export const CONFIG_FILE_NAME = 'config.yaml';

export type ConfigErrorCode = 'unknown-key' | 'invalid-value' | 'weakens-safety' | 'only-in-file' | 'file-invalid' | 'write-failed';

/** A change refused before anything was written. `code` is the envelope code; `reason` says which refusal. */
export class ConfigError extends Error {
  readonly code: 'bad-request' | 'conflict';
  readonly reason: ConfigErrorCode;
  readonly userMessage: Localized;
  constructor(reason: ConfigErrorCode, userMessage: Localized) {
    super(userMessage.en);
    this.name = 'ConfigError';
    this.reason = reason;
    this.code = reason === 'file-invalid' || reason === 'write-failed' ? 'conflict' : 'bad-request';
    this.userMessage = userMessage;
  }
}

type ConfigStore = Pick<FoundryStore, 'dataDir' | 'auditLog' | 'settings'>;

/** The learning settings' old home (settings table, key `learning`) and their keys here. */
const LEGACY_LEARNING_KEY = 'learning';
const LEGACY_LEARNING_FIELDS: Record<string, ConfigKey> = {
  modes: 'skills.learning.mode',
  requireApproval: 'skills.learning.requireApproval',
  maxProposedPerDay: 'skills.learning.maxProposedPerDay',
};

export function createSkillsConfig(store: ConfigStore) {
  const file = join(store.dataDir, CONFIG_FILE_NAME);
  let cache: { stamp: string; text: string; parsed: ParsedConfig } | null = null;

  function readText(): string | null {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** The file as parsed; re-read only when it changed on disk (the owner may edit it by hand). */
  function load(): { text: string | null; parsed: ParsedConfig } {
    migrateLearningSettings();
    let stamp: string;
    try {
      const stat = statSync(file);
      stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return { text: null, parsed: { values: defaultValues(), written: {}, problems: [] } };
    }
    if (cache?.stamp !== stamp) {
      const text = readText() ?? '';
      cache = { stamp, text, parsed: parseConfigText(text) };
    }
    return { text: cache.text, parsed: cache.parsed };
  }

  function writeText(text: string): void {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, text, { mode: 0o600 });
      renameSync(temporary, file);
    } catch (error) {
      throw new ConfigError('write-failed', CONFIG_MESSAGES.notWritten(error instanceof Error ? error.message : String(error)));
    }
    cache = null;
  }

  /** Schema first, then safety: a weakening value is refused with the safety it would take away. */
  function check(key: unknown, value: unknown): asserts key is ConfigKey {
    if (!isConfigKey(key)) throw new ConfigError('unknown-key', CONFIG_MESSAGES.unknownKeyToSet(String(key).slice(0, 100), CONFIG_KEY_NAMES));
    const invalid = keyValueProblem(key, value);
    if (invalid) throw new ConfigError('invalid-value', CONFIG_MESSAGES.invalid(key, { en: '', pl: '' }, invalid));
    const weakening = weakeningReason(key, value);
    if (weakening) throw new ConfigError('weakens-safety', weakening);
    // Whoever can call set() (the API's token, the command line) may be the assistant: only an
    // edit of the file turns shell actions on, and the owner confirms it in the window.
    if (key === 'skills.execution.shell' && value === true) throw new ConfigError('only-in-file', CONFIG_MESSAGES.shellOnlyInFile);
  }

  /** `changes` applied to the file's text (the seed's text when there is none yet), in one write. */
  function applyAll(changes: [ConfigKey, ConfigValue][]): void {
    const { text, parsed } = load();
    const syntax = parsed.problems.find((p) => p.kind === 'syntax');
    if (syntax) throw new ConfigError('file-invalid', CONFIG_MESSAGES.fileBroken(syntax.message));
    writeText(changes.reduce((next, [key, value]) => withValue(next, key, value), text ?? DEFAULT_CONFIG_TEXT));
  }

  /**
   * Once: learning settings stored by an earlier version move into config.yaml and leave the
   * settings table. A stored value config.yaml would refuse (a weakening one included) is not
   * moved; the audit entry says which.
   */
  function migrateLearningSettings(): void {
    const stored = store.settings.readValue(LEGACY_LEARNING_KEY);
    if (stored === null) return;
    let legacy: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(stored);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) legacy = parsed as Record<string, unknown>;
    } catch {
      // A damaged value moves nothing; the entry below records that.
    }
    const moved: [ConfigKey, ConfigValue][] = [];
    const refused: string[] = [];
    for (const [field, key] of Object.entries(LEGACY_LEARNING_FIELDS)) {
      if (!(field in legacy)) continue;
      const value = legacy[field];
      if (keyValueProblem(key, value) === null && weakeningReason(key, value) === null) moved.push([key, value as ConfigValue]);
      else refused.push(key);
    }
    store.settings.deleteValue(LEGACY_LEARNING_KEY);
    try {
      if (moved.length > 0) applyAll(moved);
    } catch (error) {
      // A config.yaml that is not YAML is never written over: the stored values are not moved.
      if (!(error instanceof ConfigError)) throw error;
      refused.push(...moved.splice(0).map(([key]) => key));
    }
    store.auditLog.append({
      actor: 'system',
      event: 'config.migrated',
      data: { from: `settings.${LEGACY_LEARNING_KEY}`, to: CONFIG_FILE_NAME, moved: Object.fromEntries(moved), refused },
    });
  }

  function view(): ConfigView {
    const { text, parsed } = load();
    return {
      file,
      exists: text !== null,
      entries: CONFIG_KEY_NAMES.map((key) => {
        const spec = CONFIG_KEYS[key] as (typeof CONFIG_KEYS)[ConfigKey] & { range?: [number, number]; later?: true };
        return { key, value: parsed.values[key], defaultValue: spec.defaultValue, control: spec.control, range: spec.range ?? null, later: spec.later === true };
      }),
      problems: parsed.problems,
    };
  }

  return {
    file,
    view,
    /** The value the app uses for `key` (a refused or invalid file value is never returned). */
    get<K extends ConfigKey>(key: K): ConfigValueOf<K> {
      return load().parsed.values[key] as ConfigValueOf<K>;
    },
    /** Checks, writes and audits one change; a refused change throws ConfigError and writes nothing. */
    set(key: unknown, value: unknown, actor: Actor): ConfigView {
      check(key, value);
      const before = load().parsed;
      const from = key in before.written ? before.written[key] : null;
      if (JSON.stringify(from) === JSON.stringify(value)) return view();
      applyAll([[key, value as ConfigValue]]);
      store.auditLog.append({ actor, event: 'config.changed', data: { key, from, to: value, file: CONFIG_FILE_NAME } });
      return view();
    },
    /** What is wrong with the file as it is (empty when it is valid, or missing). */
    problems: () => load().parsed.problems,
  };
}
export type SkillsConfig = ReturnType<typeof createSkillsConfig>;

type ValueOfControl<C> = C extends 'switch' ? boolean : C extends 'integer' ? number : C extends 'modes' ? string[] : string;
export type ConfigValueOf<K extends ConfigKey> = ValueOfControl<(typeof CONFIG_KEYS)[K]['control']>;
