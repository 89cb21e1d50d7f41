import type { Localized } from '../../shared/i18n-types.ts';
import type { ApprovalRefusalCode, RejectionRefusalCode } from './approval/approval-gateway.ts';
import type { RollbackRefusalCode } from './registry/version-manager.ts';

export type ServiceErrorCode =
  | 'bad-request'
  | 'refused'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'locked'
  | 'execution-failed'
  | 'unavailable';

/** The HTTP status the local API answers each code with; IPC and the CLI carry the code itself. */
export const SERVICE_ERROR_STATUS: Readonly<Record<ServiceErrorCode, number>> = Object.freeze({
  'bad-request': 400,
  /** A factor did not pass (wrong, replayed or missing code; the check on this computer refused or was cancelled). */
  refused: 401,
  forbidden: 403,
  'not-found': 404,
  /** The skill or version is not in a state that allows it (not pending, expired, changed, archived…). */
  conflict: 409,
  /** Too many failed codes: approvals are locked until `lockedUntil`. */
  locked: 429,
  /** The skill ran and failed in the sandbox; nothing it did was kept. */
  'execution-failed': 502,
  /** Cannot be done here (no approval factors on the command line, nothing set up, no generator). */
  unavailable: 503,
});

export interface ServiceErrorOptions {
  /** The precise reason, e.g. `totp-replayed`, `content-changed`, `archived`. */
  reason?: string;
  /** Technical lines, e.g. which params the action's schema refused. */
  details?: string[];
  lockedUntil?: string | null;
  /** Per form field (a skill's settings): what is wrong with each value, for the field to show. */
  fields?: Record<string, Localized>;
}

/** Every refusal of the skill service, in both languages, with the status to answer it with. */
export class ServiceError extends Error {
  readonly code: ServiceErrorCode;
  readonly status: number;
  readonly userMessage: Localized;
  readonly reason: string | null;
  readonly details: string[];
  readonly lockedUntil: string | null;
  readonly fields: Record<string, Localized> | null;

  constructor(code: ServiceErrorCode, userMessage: Localized, options: ServiceErrorOptions = {}) {
    super(userMessage.en);
    this.name = 'ServiceError';
    this.code = code;
    this.status = SERVICE_ERROR_STATUS[code];
    this.userMessage = userMessage;
    this.reason = options.reason ?? null;
    this.details = options.details ?? [];
    this.lockedUntil = options.lockedUntil ?? null;
    this.fields = options.fields ?? null;
  }

  /** What a caller may see: never a stack or a secret. */
  toJSON() {
    return { code: this.code, status: this.status, message: this.userMessage, reason: this.reason, details: this.details, lockedUntil: this.lockedUntil, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

type RefusalCode = ApprovalRefusalCode | RejectionRefusalCode | RollbackRefusalCode;

const REFUSAL_CODES: Readonly<Record<RefusalCode, ServiceErrorCode>> = Object.freeze({
  forbidden: 'forbidden',
  'not-found': 'not-found',
  'reason-required': 'bad-request',
  'not-pending': 'conflict',
  expired: 'conflict',
  'content-changed': 'conflict',
  archived: 'conflict',
  'not-approved': 'conflict',
  'already-active': 'conflict',
  'dependency-not-ready': 'conflict',
  'dependency-cycle': 'conflict',
  'shell-executable': 'conflict',
  superseded: 'conflict',
  'totp-locked': 'locked',
  'factors-unavailable': 'unavailable',
  'no-integrity-key': 'unavailable',
  'no-biometric': 'unavailable',
  'totp-not-enrolled': 'unavailable',
  'totp-required': 'refused',
  'totp-invalid': 'refused',
  'totp-replayed': 'refused',
  'biometric-failed': 'refused',
  'biometric-cancelled': 'refused',
  'biometric-unavailable': 'refused',
});

/** A refusal of the approval gateway or the version manager as a ServiceError, `reason` keeping its precise code. */
export function refusalError(refusal: { code: RefusalCode; message: Localized; lockedUntil: string | null }): ServiceError {
  return new ServiceError(REFUSAL_CODES[refusal.code], refusal.message, { reason: refusal.code, lockedUntil: refusal.lockedUntil });
}
