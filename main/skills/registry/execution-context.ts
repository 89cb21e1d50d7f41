import type { Actor } from '../../../shared/contract/records.ts';

/** Who runs a skill and what started it; recorded with every execution. */
export interface ExecutionContext {
  actor: Actor;
  /** `manual`, `api`, `schedule`, `cli`, … */
  trigger: string;
}

/** The one person this desktop app serves: every skill's rows belong to this tenant. */
export const LOCAL_TENANT = 'local';
