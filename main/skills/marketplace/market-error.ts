// Every refusal of the marketplace: a code a program can test and the reason a person reads, in
// both languages. `details` are technical lines (entry names, hashes) for the command line.
import { CodedError } from '../../../shared/coded-error.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { ServiceError, type ServiceErrorCode } from '../service-error.ts';

export type MarketErrorCode =
  /** A key file that is not one, or a key that does not sign what it should. */
  | 'key/invalid'
  | 'signature/missing'
  | 'signature/invalid'
  /** The archive itself (format, traversal, bombs, entry types) or the skill files in it. */
  | 'bundle/invalid'
  /** `pack`: nothing approved to pack. */
  | 'bundle/no-version'
  /** `index`: the bundle's audit blocks, so it is not listed. */
  | 'listing/audit-blocked'
  | 'index/invalid'
  | 'registry/unreachable'
  | 'registry/not-configured'
  | 'marketplace/disabled'
  | 'listing/not-found'
  | 'listing/revoked'
  /** A known publisher name now signs with another key. */
  | 'publisher/key-changed'
  | 'publisher/not-found';

export class MarketError extends CodedError<MarketErrorCode> {
  override name = 'MarketError';
  readonly details: readonly string[];

  constructor(code: MarketErrorCode, userMessage: Localized, details: readonly string[] = []) {
    super(code, userMessage);
    this.details = details;
  }
}

const SERVICE_CODE: Readonly<Record<MarketErrorCode, ServiceErrorCode>> = {
  'key/invalid': 'bad-request',
  'bundle/no-version': 'bad-request',
  'signature/missing': 'conflict',
  'signature/invalid': 'conflict',
  'bundle/invalid': 'conflict',
  'listing/audit-blocked': 'conflict',
  'listing/revoked': 'conflict',
  'publisher/key-changed': 'conflict',
  'index/invalid': 'unavailable',
  'registry/unreachable': 'unavailable',
  'registry/not-configured': 'unavailable',
  // The owner's choice, not an outage: refused, not "try again later".
  'marketplace/disabled': 'forbidden',
  'listing/not-found': 'not-found',
  'publisher/not-found': 'not-found',
};

/** A MarketError as the skill service's refusal (its code as the reason); anything else unchanged. */
export function marketServiceError(error: unknown): unknown {
  if (!(error instanceof MarketError)) return error;
  return new ServiceError(SERVICE_CODE[error.code], error.userMessage, { reason: error.code, details: [...error.details] });
}
