// What the window, the CLI and the API see of a skill's settings (issue 11 §3): the form built from
// the running version's config_schema, the values the owner entered, and, for host-bound secrets and
// local-address allowances, only whether they exist. A secret's value never appears here.
import type { Localized } from '../i18n-types.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** How the form shows a field; `json` for nested objects, arrays and anything else. */
export type SettingsControl = 'text' | 'number' | 'integer' | 'boolean' | 'select' | 'json';

export interface SettingsField {
  key: string;
  control: SettingsControl;
  /** The schema's `title` (and `x-title-pl`); the key where the schema gives none. */
  label: Localized;
  /** The schema's `description` (and `x-description-pl`); null where it gives none. */
  help: Localized | null;
  required: boolean;
  /** The schema's default, used while the owner has set nothing. */
  defaultValue: JsonValue | null;
  hasDefault: boolean;
  /** For `select`: the allowed values. */
  options: JsonValue[] | null;
  minimum: number | null;
  maximum: number | null;
}

export interface SecretStatus {
  name: string;
  label: Localized;
  help: Localized | null;
  /** Where the engine may send it (the manifest's `secrets[].hosts`). */
  hosts: string[];
  set: boolean;
  /** When the owner last entered it; null when it is not set. */
  updatedAt: string | null;
}

/** One non-public address and port the owner lets this skill reach (e.g. a home-automation box). */
export interface LocalAllowance {
  /** Normalised IP literal (IPv6 without brackets). */
  address: string;
  port: number;
  addedAt: string;
  /** False when its seal does not match (written around the app): the skill cannot use it. */
  inEffect: boolean;
}

/**
 * `refused`: the running version's schema refuses the stored value (the skill gets the default or
 * nothing); `missing`: a required field has no value and no default; `not-in-schema`: a stored value
 * this version no longer has a field for (kept, in case a version that has it comes back).
 */
export type SettingsProblemKind = 'refused' | 'missing' | 'not-in-schema';

export interface SettingsProblem {
  kind: SettingsProblemKind;
  key: string;
  message: Localized;
}

export interface SkillSettingsView {
  slug: string;
  /** The version whose schema the form follows: the running one, else the newest. Null: no version yet. */
  version: string | null;
  fields: SettingsField[];
  /** What the owner set, for fields of this version (valid or not; problems say which are refused). */
  values: Record<string, JsonValue>;
  /** What the skill gets as foundry.config: valid values with the schema's defaults applied. */
  effective: Record<string, JsonValue>;
  secrets: SecretStatus[];
  allowances: LocalAllowance[];
  problems: SettingsProblem[];
}

/** A partial change: `values` set, `unset` keys go back to their default. */
export interface SettingsChange {
  values?: Record<string, JsonValue>;
  unset?: string[];
}
