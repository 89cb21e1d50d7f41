// What an action needs from its neighbours in issue 12, typed here as the registry consumes them:
// the owner's per-run consent (main/skills/consent/, behind `requireApproval`) and skill-to-skill
// calls (main/skills/registry/skill-calls.ts, behind `function` actions). Both are injected; when
// one is absent, an action that needs it is refused with the reason and nothing runs. These are the
// agreed interfaces, written out so the registry compiles on its own; once the consent and
// compose parts are merged, import them from there instead.
import type { Actor } from '../../../shared/contract/records.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { ModActionResult } from '../../../shared/skills/mod-types.ts';

export interface ConsentRequest {
  skillSlug: string;
  versionId: string;
  action: string;
  actor: Actor;
  trigger: string;
  /** What exactly will run, in both languages (the owner decides on this text). */
  summary: Localized;
  /** Shown verbatim under the summary (e.g. an argv, a URL); never a secret value. */
  details: string[];
  /** Stable fingerprint of what is consented to (version + action + exact details); "always allow" is stored against it. */
  fingerprint: string;
}

export type ConsentVerdict = 'granted' | 'denied' | 'timed-out' | 'unavailable';

export interface ConsentGate {
  ask(request: ConsentRequest, options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<ConsentVerdict>;
}

export interface SkillCallContext {
  caller: { slug: string; versionId: string; version: string } | null;
  depth: number;
  chain: string[];
  deadline: number;
  actor: Actor;
  trigger: string;
}

export type CallSkill = (context: SkillCallContext, target: string, action: string, params: Record<string, unknown>) => Promise<ModActionResult>;
