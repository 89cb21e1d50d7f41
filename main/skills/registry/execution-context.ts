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
}

/** The one person this desktop app serves: every skill's rows belong to this tenant. */
export const LOCAL_TENANT = 'local';
