import type { Localized } from '../../../shared/i18n-types.ts';

export type SecurityErrorCode =
  | 'wrong-passphrase'
  | 'damaged-secret'
  | 'other-secret-box'
  | 'weak-passphrase'
  | 'encryption-unavailable'
  | 'insecure-backend'
  | 'invalid-account'
  | 'already-set-up'
  | 'owner-only';

/**
 * Something the owner has to act on (wrong passphrase, insecure keychain, bad input). Expected
 * refusals of a factor (wrong code, lockout) are results, not errors. Messages never carry a secret.
 */
export class SecurityError extends Error {
  readonly code: SecurityErrorCode;
  readonly userMessage: Localized;

  constructor(code: SecurityErrorCode, userMessage: Localized, options?: { cause?: unknown }) {
    super(userMessage.en, options);
    this.name = 'SecurityError';
    this.code = code;
    this.userMessage = userMessage;
  }
}
