import { CodedError } from '../../shared/coded-error.ts';
import type { Localized } from '../../shared/i18n-types.ts';
import { API_ERROR_CODES, type ApiError, type ApiErrorCode } from '../../shared/contract/records.ts';

/** A refusal a handler means the owner to read, with the envelope code it answers with. */
export class ControlError extends CodedError<ApiErrorCode> {
  override name = 'ControlError';
}

export const notFound = (what: Localized) => new ControlError('not-found', { en: `${what.en} does not exist.`, pl: `${what.pl} nie istnieje.` });

/**
 * The envelope error for anything a handler throws. The engine's own refusals carry a bilingual
 * `userMessage` and are passed on (their code when it is an envelope code, `conflict` otherwise);
 * anything else is an internal error whose details stay in main's log.
 */
export function toApiError(error: unknown, method: string): ApiError | null {
  const candidate = error as { userMessage?: Localized; code?: unknown; reason?: unknown; lockedUntil?: unknown; fields?: unknown } | null;
  const message = candidate?.userMessage;
  if (!message || typeof message.en !== 'string' || typeof message.pl !== 'string') return null;
  const code = (API_ERROR_CODES as readonly unknown[]).includes(candidate.code) ? (candidate.code as ApiErrorCode) : 'conflict';
  return {
    code,
    message: { en: message.en, pl: message.pl },
    details: [method],
    ...(typeof candidate.reason === 'string' ? { reason: candidate.reason } : {}),
    ...(typeof candidate.lockedUntil === 'string' ? { lockedUntil: candidate.lockedUntil } : {}),
    ...(candidate.fields && typeof candidate.fields === 'object' ? { fields: candidate.fields as Record<string, Localized> } : {}),
  };
}
