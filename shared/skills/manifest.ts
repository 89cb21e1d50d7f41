import type { CustomModSlug } from './mod-types.ts';
import type { JsonSchema } from './json-schema.ts';

/** What a skill says it touches; the auditor compares it with what the code really touches. */
export interface SkillCapabilities {
  /** Own tables read through `supabase.from(t).select…`. */
  reads: string[];
  /** Own tables written through `insert` / `update` (need approval). */
  writes: string[];
  /** Hosts reached over HTTP. */
  http: string[];
  /** Whether the skill sends notifications to the owner. */
  notifications: boolean;
  /** Other skills whose actions it calls. */
  skills: string[];
}

export interface SkillManifest {
  slug: CustomModSlug;
  name: string;
  description: string;
  version: string;
  capabilities: SkillCapabilities;
  config_schema: JsonSchema;
}

export function emptyCapabilities(): SkillCapabilities {
  return { reads: [], writes: [], http: [], notifications: false, skills: [] };
}
