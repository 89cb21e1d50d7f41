import type { ApiError } from '../../../../shared/contract/index.ts';
import type { MessageKey } from '../../i18n/en.ts';

/** What the approval dialog makes of a refusal: a headline of its own, and what the person can do next. */
export interface ApprovalProblem {
  title: MessageKey;
  /** The code field is what was wrong: it is marked invalid and emptied. */
  codeField: boolean;
  /** Nothing can be approved until something is set up in Settings. */
  settings: boolean;
  /** The version changed or is no longer pending: reload it instead of trying again. */
  reload: boolean;
  lockedUntil: string | null;
}

export function approvalProblem(error: ApiError): ApprovalProblem {
  const base = { codeField: false, settings: false, reload: false, lockedUntil: null };
  // The failure that causes the lock is still a wrong code, but it carries the lock's end.
  if (error.code === 'locked' || error.reason === 'totp-locked' || error.lockedUntil) {
    return { ...base, title: 'approve.error.locked', codeField: true, lockedUntil: error.lockedUntil ?? null };
  }
  switch (error.reason) {
    case 'totp-invalid':
      return { ...base, title: 'approve.error.totpInvalid', codeField: true };
    case 'totp-replayed':
      return { ...base, title: 'approve.error.totpReplayed', codeField: true };
    case 'totp-required':
      return { ...base, title: 'approve.error.totpRequired', codeField: true };
    case 'biometric-cancelled':
      return { ...base, title: 'approve.error.biometricCancelled' };
    case 'biometric-failed':
      return { ...base, title: 'approve.error.biometricFailed' };
    case 'biometric-unavailable':
      return { ...base, title: 'approve.error.biometricUnavailable' };
    case 'content-changed':
      return { ...base, title: 'approve.error.contentChanged', reload: true };
    case 'expired':
      return { ...base, title: 'approve.error.expired', reload: true };
    case 'not-pending':
      return { ...base, title: 'approve.error.notPending', reload: true };
  }
  if (error.code === 'unavailable') return { ...base, title: 'approve.error.unavailable', settings: true };
  return { ...base, title: 'approve.error.other' };
}
