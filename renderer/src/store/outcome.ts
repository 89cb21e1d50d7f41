import type { ApiResult } from '../../../shared/contract/index.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { bilingual } from '../i18n/translate.ts';

/** A call's answer as the UI needs it: the value, or a message for the person in both languages. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Localized };

/** Calls window.foundry; the envelope's error message is kept, a transport that throws becomes "the engine did not answer". */
export async function callFoundry<T>(call: () => Promise<ApiResult<T>>): Promise<Outcome<T>> {
  try {
    const result = await call();
    return result.ok ? result : { ok: false, error: result.error.message };
  } catch {
    return { ok: false, error: bilingual('error.unreachable') };
  }
}
