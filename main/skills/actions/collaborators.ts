// Skill-to-skill calls as the registry consumes them (main/skills/registry/skill-calls.ts, behind
// `function` actions): injected; when absent, an action that needs one is refused with the reason
// and nothing runs.
import type { Actor } from '../../../shared/contract/records.ts';
import type { ModActionResult } from '../../../shared/skills/mod-types.ts';

export interface SkillCallContext {
  caller: { slug: string; versionId: string; version: string } | null;
  depth: number;
  chain: string[];
  deadline: number;
  actor: Actor;
  trigger: string;
}

export type CallSkill = (context: SkillCallContext, target: string, action: string, params: Record<string, unknown>) => Promise<ModActionResult>;
