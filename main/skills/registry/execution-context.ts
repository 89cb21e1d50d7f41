import type { Actor, ExecutionRecord, SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { SkillNotification } from '../sandbox/protocol.ts';

/** Who runs a skill and what started it; recorded with every execution. */
export interface ExecutionContext {
  actor: Actor;
  /** `manual`, `api`, `schedule`, `cli`, … */
  trigger: string;
  /** Told each execution's record as it is stored, so a caller can show the run it started. */
  onExecuted?: (record: ExecutionRecord) => void;
  /** Told what a successful execution of an approved version sent with foundry.notify, for delivery to the owner. */
  onNotifications?: (version: SkillVersionRecord, notifications: readonly SkillNotification[]) => void;
  /** When another skill asked for this execution (skill-calls.ts): where it stands in the chain of calls. */
  call?: ChainPosition;
}

export interface ChainPosition {
  /** Calls made to get here: 1 for a skill a person's run called. */
  depth: number;
  /** Slugs in the chain, the first caller first and this skill last. */
  chain: readonly string[];
  /** Date.now() by which the whole chain must be over: the first caller's deadline. */
  deadline: number;
  /** `custom-caller@v1.2.0`; null when no skill called (a `function` action run without a caller). */
  triggeredBy: string | null;
}

/** The home view reading a skill's card (getData, getInsights): recorded like any execution, not counted as use. */
export const DASHBOARD_TRIGGER = 'dashboard';

/** The one person this desktop app serves: every skill's rows belong to this tenant. */
export const LOCAL_TENANT = 'local';
