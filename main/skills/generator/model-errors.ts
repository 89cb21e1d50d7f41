// A failed call to a model's API as a generator error the owner can act on, for every API alike:
// each SDK's errors are first read into a `ModelFailure` (claude-errors.ts, openai-errors.ts), then
// worded here in the voice of that model. Nothing of the SDK error is passed along (no `cause`), and
// any server text quoted in details has the API key cut out.
import type { Localized } from '../../../shared/i18n-types.ts';
import { GeneratorError } from './generator-error.ts';

export type ModelFailure =
  | { kind: 'timeout' }
  | { kind: 'rate-limited'; retryAfterSeconds: number | undefined; details: string[] }
  | { kind: 'unauthorized'; details: string[] }
  /** Network failure, overload or a server error: the model cannot be reached now. */
  | { kind: 'unavailable'; details: string[] }
  /** The API does not know the model id (never offered, or retired). */
  | { kind: 'unknown-model'; details: string[] }
  | { kind: 'refused'; details: string[] }
  /** A 200 whose body is not a valid API response. */
  | { kind: 'malformed' };

/** How the messages name a model and where it lives: Claude at Anthropic, or the owner's own model. */
export interface ModelVoice {
  timeout(seconds: Localized): Localized;
  rateLimited(wait: Localized): Localized;
  unauthorized: Localized;
  unavailable: Localized;
  unknownModel(model: string, replacement: string | null): Localized;
  refused: Localized;
  malformed: Localized;
}

/** Seconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date), rounded up. */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number | undefined {
  const millis = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) return Math.ceil(millis / 1000);
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The SDKs wait as long as `retry-after` says before retrying. Past `maxWait` the owner is better
 * told to come back later than left watching a spinner, so such a 429 is marked not retryable.
 */
export function refusingLongWaits(maxWait: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const wait = retryAfterSeconds(response.headers);
    if (response.status !== 429 || wait === undefined || wait <= maxWait) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

export function redact(text: string, apiKey: string | null): string {
  return apiKey ? text.split(apiKey).join('[api key]') : text;
}

/** The technical lines of an API error: status, the server's message (key cut out), request id. */
export function serverDetails(error: { status?: number | undefined; requestID?: string | null | undefined }, message: string | null | undefined, apiKey: string | null): string[] {
  return [
    ...(error.status ? [`status: ${error.status}`] : []),
    ...(message ? [`message: ${redact(message, apiKey)}`] : []),
    ...(error.requestID ? [`request-id: ${error.requestID}`] : []),
  ];
}

/** Whether the owner can use the model at all right now: false for an outage or a time-out, where only waiting helps. */
export function isUnreachable(error: GeneratorError): boolean {
  return error.code === 'generator/unavailable' || error.code === 'generator/timeout';
}

export function modelError(failure: ModelFailure, voice: ModelVoice, context: { timeoutMs: number; model: string; replacement?: string | null }): GeneratorError {
  switch (failure.kind) {
    case 'timeout': {
      const seconds = (locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(context.timeoutMs / 1000);
      return new GeneratorError('generator/timeout', voice.timeout({ en: seconds('en'), pl: seconds('pl') }));
    }
    case 'rate-limited': {
      const wait = failure.retryAfterSeconds;
      return new GeneratorError(
        'generator/rate-limited',
        voice.rateLimited(wait === undefined ? { en: 'in a while', pl: 'za chwilę' } : { en: `in ${wait} s`, pl: `za ${wait} s` }),
        { details: failure.details, ...(wait === undefined ? {} : { retryAfterSeconds: wait }) },
      );
    }
    case 'unauthorized':
      return new GeneratorError('generator/unauthorized', voice.unauthorized, { details: failure.details });
    case 'unavailable':
      return new GeneratorError('generator/unavailable', voice.unavailable, { details: failure.details });
    case 'unknown-model':
      return new GeneratorError('generator/unknown-model', voice.unknownModel(context.model, context.replacement ?? null), { details: failure.details });
    case 'refused':
      return new GeneratorError('generator/request-refused', voice.refused, { details: failure.details });
    case 'malformed':
      return new GeneratorError('generator/malformed-answer', voice.malformed);
  }
}
