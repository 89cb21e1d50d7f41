import type { ApiError, ApiResult } from '../../../shared/contract/index.ts';
import { bilingual } from '../i18n/translate.ts';

/**
 * A call's answer with the engine's whole error (code, reason, lockedUntil), for screens that
 * react to the precise refusal (the approval dialog); a transport that throws becomes `internal`.
 */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export async function ask<T>(call: () => Promise<ApiResult<T>>): Promise<Answer<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: { code: 'internal', message: bilingual('error.unreachable') } };
  }
}
