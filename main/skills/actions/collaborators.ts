// The shape of a skill-to-skill call (foundry.skills.call and `function` actions); the registry
// makes the calls (main/skills/registry/skill-calls.ts).
import type { Actor } from '../../../shared/contract/records.ts';
import type { ModActionResult } from '../../../shared/skills/mod-types.ts';

export interface SkillCallContext {
  /** The calling skill's running version; null when no skill calls (nothing to check against `dependencies`). */
  caller: { slug: string; versionId: string; version: string } | null;
  /** Calls made so far in this chain: 0 in the execution a person, the assistant or a schedule started. */
  depth: number;
  /** Slugs in the chain so far, the first caller first. */
  chain: string[];
  /** Date.now() by which the whole chain must be over: the first caller's deadline. */
  deadline: number;
  actor: Actor;
  trigger: string;
}

export type CallSkill = (context: SkillCallContext, target: string, action: string, params: Record<string, unknown>) => Promise<ModActionResult>;
