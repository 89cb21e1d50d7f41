// OpenAI SDK failures read as model failures (model-errors.ts words them), and the voice of the
// owner's own model: an OpenAI-compatible endpoint (Ollama, LM Studio, llama.cpp server, a hosted one).
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  OpenAIError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import type { ModelFailure, ModelVoice } from './model-errors.ts';
import { retryAfterSeconds, serverDetails } from './model-errors.ts';

/** The server's own message: `{"error":{"message"}}` (OpenAI, Ollama, LM Studio, llama.cpp), as the SDK keeps it. */
function serverMessage(error: APIError): string | null {
  const body = error.error as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : null;
}

/** The failure behind an OpenAI SDK error; anything that is not one is a bug, and null. */
export function openAIFailure(error: unknown, apiKey: string | null): ModelFailure | null {
  const details = (e: APIError) => serverDetails(e, serverMessage(e), apiKey);
  if (error instanceof APIConnectionTimeoutError) return { kind: 'timeout' };
  if (error instanceof RateLimitError) return { kind: 'rate-limited', retryAfterSeconds: retryAfterSeconds(error.headers), details: details(error) };
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) return { kind: 'unauthorized', details: details(error) };
  if (error instanceof InternalServerError || error instanceof APIConnectionError)
    return { kind: 'unavailable', details: error instanceof APIError && error.status ? details(error) : [] };
  // OpenAI: code model_not_found; Ollama: "model \"x\" not found"; LM Studio and llama.cpp say "model" too.
  if (error instanceof APIError && (error.code === 'model_not_found' || (error instanceof NotFoundError && /\bmodel\b/i.test(serverMessage(error) ?? ''))))
    return { kind: 'unknown-model', details: details(error) };
  if (error instanceof APIError) return { kind: 'refused', details: details(error) };
  if (error instanceof SyntaxError || error instanceof OpenAIError) return { kind: 'malformed' };
  return null;
}

/** Messages naming the endpoint by its origin, which the owner typed in Settings. */
export function openAIVoice(endpoint: string): ModelVoice {
  return {
    timeout: (s) => ({
      en: `Your model at ${endpoint} did not answer within ${s.en} s. Try again; a local model may need a smaller model or a longer time limit.`,
      pl: `Twój model pod ${endpoint} nie odpowiedział w ciągu ${s.pl} s. Spróbuj ponownie; lokalny model może potrzebować mniejszego modelu albo dłuższego limitu czasu.`,
    }),
    rateLimited: (wait) => ({
      en: `The model server at ${endpoint} is limiting requests right now. Try again ${wait.en}.`,
      pl: `Serwer modelu pod ${endpoint} ogranicza teraz zapytania. Spróbuj ponownie ${wait.pl}.`,
    }),
    unauthorized: {
      en: `The model server at ${endpoint} refused the API key. Check the key in Settings → Generator (a local server usually needs none).`,
      pl: `Serwer modelu pod ${endpoint} odrzucił klucz API. Sprawdź klucz w Ustawieniach → Generator (lokalny serwer zwykle go nie potrzebuje).`,
    },
    unavailable: {
      en: `Your model at ${endpoint} cannot be reached right now: is the server running? Try again once it is.`,
      pl: `Nie można teraz połączyć się z Twoim modelem pod ${endpoint}: czy serwer działa? Spróbuj ponownie, gdy będzie działał.`,
    },
    unknownModel: (model, replacement) => ({
      en: `The server at ${endpoint} has no model “${model}”.${replacement ? ` It offers ${replacement}: choose it in Settings → Generator.` : ' Load or pull the model there, or choose one it lists in Settings → Generator.'}`,
      pl: `Serwer pod ${endpoint} nie ma modelu „${model}”.${replacement ? ` Udostępnia ${replacement}: wybierz go w Ustawieniach → Generator.` : ' Załaduj lub pobierz tam ten model albo wybierz jeden z wymienionych w Ustawieniach → Generator.'}`,
    }),
    refused: {
      en: `The model server at ${endpoint} refused the request. Check the base URL (it usually ends in /v1) and the model in Settings → Generator.`,
      pl: `Serwer modelu pod ${endpoint} odrzucił zapytanie. Sprawdź adres bazowy (zwykle kończy się na /v1) i model w Ustawieniach → Generator.`,
    },
    malformed: {
      en: `Your model's answer could not be used: ${endpoint} did not send a valid chat completions response.`,
      pl: `Odpowiedzi Twojego modelu nie da się użyć: ${endpoint} nie odesłał poprawnej odpowiedzi chat completions.`,
    },
  };
}
