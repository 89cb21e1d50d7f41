import type { Actor, ExecutionRecord } from '../../../shared/contract/records.ts';

/** Who runs a skill and what started it; recorded with every execution. */
export interface ExecutionContext {
  actor: Actor;
  /** `manual`, `api`, `schedule`, `cli`, … */
  trigger: string;
  /** Told each execution's record as it is stored, so a caller can show the run it started. */
  onExecuted?: (record: ExecutionRecord) => void;
}

/** The one person this desktop app serves: every skill's rows belong to this tenant. */
export const LOCAL_TENANT = 'local';
