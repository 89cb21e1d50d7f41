// Anthropic SDK failures read as model failures (model-errors.ts words them), and Claude's voice.
import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import type { ModelFailure, ModelVoice } from './model-errors.ts';
import { retryAfterSeconds, serverDetails } from './model-errors.ts';

/** The failure behind an Anthropic SDK error; anything that is not one is a bug, and null. */
export function anthropicFailure(error: unknown, apiKey: string): ModelFailure | null {
  const details = (e: APIError) => serverDetails(e, e.apiMessage, apiKey);
  if (error instanceof APIConnectionTimeoutError) return { kind: 'timeout' };
  if (error instanceof RateLimitError) return { kind: 'rate-limited', retryAfterSeconds: retryAfterSeconds(error.headers), details: details(error) };
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) return { kind: 'unauthorized', details: details(error) };
  if (error instanceof InternalServerError || error instanceof APIConnectionError)
    return { kind: 'unavailable', details: error instanceof APIError && error.status ? details(error) : [] };
  // The Messages API answers an unknown or retired model with not_found_error "model: <id>".
  if (error instanceof NotFoundError && /\bmodel\b/i.test(error.apiMessage ?? '')) return { kind: 'unknown-model', details: details(error) };
  if (error instanceof APIError) return { kind: 'refused', details: details(error) };
  // A 200 whose body is not JSON, or the SDK refusing what came back.
  if (error instanceof SyntaxError || error instanceof AnthropicError) return { kind: 'malformed' };
  return null;
}

export const CLAUDE_VOICE: ModelVoice = {
  timeout: (s) => ({
    en: `Claude did not answer within ${s.en} s. Try again; if it keeps happening, Anthropic may be overloaded.`,
    pl: `Claude nie odpowiedział w ciągu ${s.pl} s. Spróbuj ponownie; jeśli to się powtarza, Anthropic może być przeciążony.`,
  }),
  rateLimited: (wait) => ({
    en: `Anthropic is limiting requests for this API key right now. Try again ${wait.en}.`,
    pl: `Anthropic ogranicza teraz zapytania dla tego klucza API. Spróbuj ponownie ${wait.pl}.`,
  }),
  unauthorized: {
    en: 'The API key was refused by Anthropic. Check the key in Settings, or remove it to use the built-in generator.',
    pl: 'Anthropic odrzucił klucz API. Sprawdź klucz w Ustawieniach albo usuń go, aby używać wbudowanego generatora.',
  },
  unavailable: {
    en: 'Claude cannot be reached right now (network or Anthropic trouble). Try again later.',
    pl: 'Nie można teraz połączyć się z Claude (sieć albo problem po stronie Anthropic). Spróbuj później.',
  },
  unknownModel: (model, replacement) => ({
    en: `Anthropic does not offer the model “${model}” (it may have been retired).${replacement ? ` Use ${replacement} instead: choose it in Settings → Generator.` : ' Choose one of the models listed in Settings → Generator.'}`,
    pl: `Anthropic nie udostępnia modelu „${model}” (mógł zostać wycofany).${replacement ? ` Użyj zamiast niego ${replacement}: wybierz go w Ustawieniach → Generator.` : ' Wybierz jeden z modeli wymienionych w Ustawieniach → Generator.'}`,
  }),
  refused: {
    en: 'Anthropic refused the request. Check the model name in Settings.',
    pl: 'Anthropic odrzucił zapytanie. Sprawdź nazwę modelu w Ustawieniach.',
  },
  malformed: {
    en: "Claude's answer could not be used: it is not a valid API response.",
    pl: "Odpowiedzi Claude'a nie da się użyć: nie jest poprawną odpowiedzią API.",
  },
};
