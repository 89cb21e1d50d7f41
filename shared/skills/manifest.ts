import type { Localized } from '../i18n-types.ts';
import type { CustomModSlug } from './mod-types.ts';
import type { JsonSchema } from './json-schema.ts';
import type { ManifestAction } from './actions.ts';
import type { SkillTriggers } from './triggers.ts';
import type { ScheduleSpec } from './schedules.ts';
import type { SkillPresentation } from './presentation.ts';

/** What a skill says it touches; the auditor compares it with what the code really touches. */
export interface SkillCapabilities {
  /** Own tables read through `supabase.from(t).select…`. */
  reads: string[];
  /** Own tables written through `insert` / `update` (need approval). */
  writes: string[];
  /** Origins reached over HTTP, written as shared/skills/http-capability.ts says (`api.example.com`, `http://10.0.0.5:8123`). */
  http: string[];
  /** Whether the skill sends notifications to the owner. */
  notifications: boolean;
  /** Other skills whose actions it calls. */
  skills: string[];
}

/**
 * A value the owner enters in the skill's settings (sealed at rest) that the skill may send only to
 * `hosts` (each one of its HTTP capabilities), by writing `{{secret:NAME}}` in a request. The value
 * never enters the sandbox, a log, a record or the window.
 */
export interface SkillSecret {
  name: string;
  hosts: string[];
  /** What the owner should paste, e.g. "OpenWeather API key". */
  title?: string;
  description?: string;
}

export interface SkillManifest {
  slug: CustomModSlug;
  name: string;
  description: string;
  version: string;
  capabilities: SkillCapabilities;
  config_schema: JsonSchema;
  /** Absent in skills written before secrets existed: the same as none. */
  secrets?: SkillSecret[];
  /** Seed 004's actions with their types and policy (shared/skills/actions.ts); absent: every action is `code` with the defaults. */
  actions?: ManifestAction[];
  /** Skills (custom-… slugs, built-in slugs) or capability names (`water.log`) this one calls; nothing else may be called. */
  dependencies?: string[];
  /** Capability names other skills may depend on instead of this skill's slug (`water.log`). */
  provides?: string[];
  /** What starts the skill by itself (shared/skills/triggers.ts); absent: nothing does. */
  triggers?: SkillTriggers;
  /**
   * What each of its tables holds, in the person's words (a plural noun phrase in both languages:
   * `{ "exo_water_entries": { "en": "water entries", "pl": "wpisy o wypitej wodzie" } }`), so the
   * disclosure says "read your water entries" rather than a table name. Only its own declared tables.
   */
  tableLabels?: Record<string, Localized>;
  /** When actions run by themselves (shared/skills/schedules.ts); approved with the version and shown in the disclosure. */
  schedules?: ScheduleSpec[];
  /** How its card on the home view shows getData() (shared/skills/presentation.ts); absent: guessed from the data's shape. */
  presentation?: SkillPresentation;
}

export function emptyCapabilities(): SkillCapabilities {
  return { reads: [], writes: [], http: [], notifications: false, skills: [] };
}

/** A table label is one line inside a disclosure sentence: short, and never a line break (it could forge a line of its own). */
export const MAX_TABLE_LABEL = 60;
