import type { Localized } from '../../../shared/i18n-types.ts';
import type { ApprovalSecurityRepository, LockoutFactor } from '../../store/repositories/approval-security.ts';

/** Consecutive failures of one factor that lock approvals, and for how long. */
export const LOCKOUT_POLICY = Object.freeze({ maxFailures: 5, lockMs: 15 * 60_000 });

/** The result of checking one factor: refusals are expected outcomes with a message for the owner. */
export type FactorAttempt<Reason extends string> =
  | { ok: true }
  | { ok: false; reason: Reason; message: Localized; lockedUntil: string | null };

export function refusal<Reason extends string>(reason: Reason, message: Localized, lockedUntil: Date | null = null): FactorAttempt<Reason> {
  return { ok: false, reason, message, lockedUntil: lockedUntil?.toISOString() ?? null };
}

export type LockState = { locked: false } | { locked: true; until: Date };

export interface FailureOutcome {
  failedAttempts: number;
  /** Set when this failure caused the lock. */
  lockedUntil: Date | null;
}

/**
 * Counts failed checks of one factor in the store (so a restart does not reset them) and locks
 * the factor after LOCKOUT_POLICY.maxFailures in a row; a success resets the count.
 */
export function createAttemptLimiter(repo: ApprovalSecurityRepository, factor: LockoutFactor, now: () => Date) {
  const state = (): LockState => {
    const record = repo.lockouts.get(factor);
    if (record.lockedUntil && Date.parse(record.lockedUntil) > now().getTime()) {
      return { locked: true, until: new Date(record.lockedUntil) };
    }
    return { locked: false };
  };
  return {
    state,
    recordFailure(): FailureOutcome {
      return repo.transaction(() => {
        const failedAttempts = repo.lockouts.get(factor).failedAttempts + 1;
        if (failedAttempts < LOCKOUT_POLICY.maxFailures) {
          repo.lockouts.set(factor, { failedAttempts, lockedUntil: null });
          return { failedAttempts, lockedUntil: null };
        }
        const lockedUntil = new Date(now().getTime() + LOCKOUT_POLICY.lockMs);
        // The count starts over once the lock ends: another full series is needed to lock again.
        repo.lockouts.set(factor, { failedAttempts: 0, lockedUntil: lockedUntil.toISOString() });
        return { failedAttempts, lockedUntil };
      });
    },
    recordSuccess(): void {
      repo.lockouts.set(factor, { failedAttempts: 0, lockedUntil: null });
    },
  };
}
export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>;

const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

export function lockedMessage(until: Date, now: Date): Localized {
  const minutes = minutesUntil(until, now);
  return {
    en: `Too many failed attempts: approvals are locked for ${minutes} more min.`,
    pl: `Zbyt wiele nieudanych prób: zatwierdzanie jest zablokowane jeszcze przez ${minutes} min.`,
  };
}

/** What to tell the owner after a failure: how many tries are left, or that this one caused the lock. */
export function afterFailureMessage(failure: Localized, outcome: FailureOutcome, now: Date): Localized {
  const next = outcome.lockedUntil
    ? lockedMessage(outcome.lockedUntil, now)
    : {
        en: `Attempts left before a ${LOCKOUT_POLICY.lockMs / 60_000}-minute lock: ${LOCKOUT_POLICY.maxFailures - outcome.failedAttempts}.`,
        pl: `Pozostało prób przed blokadą na ${LOCKOUT_POLICY.lockMs / 60_000} min: ${LOCKOUT_POLICY.maxFailures - outcome.failedAttempts}.`,
      };
  return { en: `${failure.en} ${next.en}`, pl: `${failure.pl} ${next.pl}` };
}
