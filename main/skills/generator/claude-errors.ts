// Anthropic SDK failures as generator errors the owner can act on. Nothing of the SDK error is
// passed along (no `cause`), and any server text quoted in details has the API key cut out.
import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  InternalServerError,
  PermissionDeniedError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import { GeneratorError } from './generator-error.ts';

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

function redact(text: string, apiKey: string): string {
  return apiKey ? text.split(apiKey).join('[api key]') : text;
}

function serverDetails(error: APIError, apiKey: string): string[] {
  return [
    ...(error.status ? [`status: ${error.status}`] : []),
    ...(error.apiMessage ? [`message: ${redact(error.apiMessage, apiKey)}`] : []),
    ...(error.requestID ? [`request-id: ${error.requestID}`] : []),
  ];
}

/** The generator error for a failed Messages API call; anything that is not an SDK failure is a bug and is rethrown. */
export function generatorErrorFrom(error: unknown, context: { apiKey: string; timeoutMs: number }): GeneratorError {
  if (error instanceof GeneratorError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    const seconds = (locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(context.timeoutMs / 1000);
    return new GeneratorError('generator/timeout', {
      en: `Claude did not answer within ${seconds('en')} s. Try again; if it keeps happening, Anthropic may be overloaded.`,
      pl: `Claude nie odpowiedział w ciągu ${seconds('pl')} s. Spróbuj ponownie; jeśli to się powtarza, Anthropic może być przeciążony.`,
    });
  }
  if (error instanceof RateLimitError) {
    const wait = retryAfterSeconds(error.headers);
    const enWait = wait === undefined ? 'in a while' : `in ${wait} s`;
    const plWait = wait === undefined ? 'za chwilę' : `za ${wait} s`;
    return new GeneratorError(
      'generator/rate-limited',
      {
        en: `Anthropic is limiting requests for this API key right now. Try again ${enWait}.`,
        pl: `Anthropic ogranicza teraz zapytania dla tego klucza API. Spróbuj ponownie ${plWait}.`,
      },
      { details: serverDetails(error, context.apiKey), ...(wait === undefined ? {} : { retryAfterSeconds: wait }) },
    );
  }
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return new GeneratorError(
      'generator/unauthorized',
      {
        en: 'The API key was refused by Anthropic. Check the key in Settings, or remove it to use the built-in generator.',
        pl: 'Anthropic odrzucił klucz API. Sprawdź klucz w Ustawieniach albo usuń go, aby używać wbudowanego generatora.',
      },
      { details: serverDetails(error, context.apiKey) },
    );
  }
  if (error instanceof InternalServerError || error instanceof APIConnectionError) {
    return new GeneratorError(
      'generator/unavailable',
      {
        en: 'Claude cannot be reached right now (network or Anthropic trouble). Try again later, or use the built-in generator.',
        pl: 'Nie można teraz połączyć się z Claude (sieć albo problem po stronie Anthropic). Spróbuj później albo użyj wbudowanego generatora.',
      },
      { details: error instanceof APIError ? serverDetails(error, context.apiKey) : [] },
    );
  }
  if (error instanceof APIError) {
    return new GeneratorError(
      'generator/request-refused',
      {
        en: 'Anthropic refused the request. Check the model name in Settings.',
        pl: 'Anthropic odrzucił zapytanie. Sprawdź nazwę modelu w Ustawieniach.',
      },
      { details: serverDetails(error, context.apiKey) },
    );
  }
  if (error instanceof SyntaxError || error instanceof AnthropicError) {
    // A 200 whose body is not JSON, or the SDK refusing what came back.
    return new GeneratorError('generator/malformed-answer', {
      en: "Claude's answer could not be used: it is not a valid API response.",
      pl: "Odpowiedzi Claude'a nie da się użyć: nie jest poprawną odpowiedzią API.",
    });
  }
  throw error;
}
