// When a failed execution of an approved skill runs again (config.yaml's
// `skills.execution.maxRetries`). A retry must be safe and worth it:
// - safe: nothing of the failed attempt took effect. Writes are all-or-nothing per execution, so a
//   failed one committed none; an HTTP request other than GET/HEAD may have changed something
//   elsewhere, so an execution that sent one is never repeated.
// - worth it: the failure is the machinery's, not the skill's. A host that crashed or could not
//   start says nothing about the skill, and a fresh host usually succeeds. The skill's own
//   failures (it threw, ran out of time or memory, returned too much or the wrong shape, cannot
//   be run) come from its code and its input and would repeat: retrying them only multiplies the
//   cost (a 30 s timeout three times over). A commit that failed, an internal error and a closed
//   sandbox are not retried either: nothing suggests a second try would end differently.
import type { SandboxFailureCode } from '../sandbox/index.ts';

const MACHINERY_FAILURES: readonly SandboxFailureCode[] = ['crashed', 'host-unavailable'];

export interface FailedAttempt {
  failure: SandboxFailureCode;
  /** Rows the attempt committed: always 0 for a failed execution (all-or-nothing). */
  committedWrites: number;
  /** HTTP requests the attempt sent with a method other than GET or HEAD (from its HTTP record). */
  nonIdempotentRequests: number;
}

export function isWorthRetrying(attempt: FailedAttempt): boolean {
  return attempt.committedWrites === 0 && attempt.nonIdempotentRequests === 0 && MACHINERY_FAILURES.includes(attempt.failure);
}
