// Every refusal the API answers with, in both languages. Messages name what was wrong and what to
// do; none carries internals (paths, stacks, the token).
import type { Localized } from '../../shared/i18n-types.ts';
import type { AccessDecision } from '../skills/rbac/authorize.ts';
import { ApiBackendError } from './backend.ts';

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly userMessage: Localized;
  readonly details: string[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, userMessage: Localized, options: { details?: string[]; headers?: Record<string, string> } = {}) {
    super(userMessage.en);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.userMessage = userMessage;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

const REALM = 'Bearer realm="skill-foundry"';
const shown = (text: string) => JSON.stringify(text.slice(0, 80));

export const httpErrors = {
  wrongHost: (host: string | undefined) =>
    new HttpError(421, 'wrong-host', {
      en: `This API answers only to 127.0.0.1 or localhost on its own port, not to the host ${shown(host ?? '')}.`,
      pl: `To API odpowiada tylko pod adresem 127.0.0.1 lub localhost na własnym porcie, nie pod hostem ${shown(host ?? '')}.`,
    }),

  browserRefused: () =>
    new HttpError(403, 'browser-refused', {
      en: 'This API is for the assistant process on this computer, not for web pages: requests from a browser (with an Origin or Sec-Fetch-Site header) are refused.',
      pl: 'To API jest dla procesu asystenta na tym komputerze, nie dla stron WWW: żądania z przeglądarki (z nagłówkiem Origin lub Sec-Fetch-Site) są odrzucane.',
    }),

  unknownRoute: (path: string) =>
    new HttpError(404, 'unknown-route', {
      en: `There is no ${shown(path)} in this API. The routes are listed at /api/openapi.json.`,
      pl: `W tym API nie ma ${shown(path)}. Lista ścieżek jest pod /api/openapi.json.`,
    }),

  wrongMethod: (method: string, allowed: readonly string[]) =>
    new HttpError(
      405,
      'method-not-allowed',
      {
        en: `${shown(method)} is not allowed here; use ${allowed.join(' or ')}.`,
        pl: `${shown(method)} nie jest tu dozwolone; użyj ${allowed.join(' lub ')}.`,
      },
      { headers: { Allow: allowed.join(', ') } },
    ),

  tokenMissing: () =>
    new HttpError(
      401,
      'token-missing',
      {
        en: 'Send the assistant’s API token as “Authorization: Bearer <token>”. The owner can show it with “foundry token show” or in the desktop app.',
        pl: 'Wyślij token API asystenta jako „Authorization: Bearer <token>”. Właściciel może go wyświetlić poleceniem „foundry token show” lub w aplikacji.',
      },
      { headers: { 'WWW-Authenticate': REALM } },
    ),

  tokenInvalid: () =>
    new HttpError(
      401,
      'token-invalid',
      {
        en: 'The API token is wrong or was replaced. Ask the owner for the current one.',
        pl: 'Token API jest nieprawidłowy albo został wymieniony. Poproś właściciela o aktualny.',
      },
      { headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token"` } },
    ),

  rateLimited: (retryAfterSeconds: number) =>
    new HttpError(
      429,
      'rate-limited',
      {
        en: `Too many requests with this token. Try again in ${retryAfterSeconds} s.`,
        pl: `Zbyt wiele żądań z tym tokenem. Spróbuj ponownie za ${retryAfterSeconds} s.`,
      },
      { headers: { 'Retry-After': String(retryAfterSeconds) } },
    ),

  bodyTooLarge: (limitBytes: number) =>
    new HttpError(413, 'body-too-large', {
      en: `The request body is larger than ${limitBytes} bytes, the limit of this API.`,
      pl: `Treść żądania przekracza ${limitBytes} bajtów, limit tego API.`,
    }),

  unsupportedMediaType: (contentType: string | undefined) =>
    new HttpError(415, 'unsupported-media-type', {
      en: `Send the body as JSON (Content-Type: application/json, UTF-8, not compressed), not ${shown(contentType ?? 'without a Content-Type')}.`,
      pl: `Wyślij treść jako JSON (Content-Type: application/json, UTF-8, bez kompresji), nie ${shown(contentType ?? 'bez Content-Type')}.`,
    }),

  malformedJson: (reason: string) =>
    new HttpError(
      400,
      'malformed-json',
      { en: `The request body is not valid JSON: ${reason}.`, pl: `Treść żądania nie jest poprawnym JSON-em: ${reason}.` },
      { details: [reason] },
    ),

  nestedTooDeep: (maxDepth: number) =>
    new HttpError(400, 'nested-too-deep', {
      en: `The request body nests arrays or objects more than ${maxDepth} levels deep; nothing this API takes needs that many.`,
      pl: `Treść żądania zagnieżdża tablice lub obiekty głębiej niż na ${maxDepth} poziomów; żadne żądanie tego API tego nie potrzebuje.`,
    }),

  duplicateQuery: (name: string) =>
    new HttpError(400, 'duplicate-query', {
      en: `The query parameter ${shown(name)} is given more than once; give it once.`,
      pl: `Parametr zapytania ${shown(name)} podano więcej niż raz; podaj go raz.`,
    }),

  bodyNotAllowed: (method: string, path: string) =>
    new HttpError(400, 'body-not-allowed', {
      en: `${method} ${path} takes no request body.`,
      pl: `${method} ${path} nie przyjmuje treści żądania.`,
    }),

  invalidRequest: (operation: string, en: string[], pl: string[]) =>
    new HttpError(
      400,
      'invalid-request',
      {
        en: `The request to ${operation} does not match what it accepts: ${en.join('; ')}.`,
        pl: `Żądanie ${operation} nie pasuje do tego, co przyjmuje: ${pl.join('; ')}.`,
      },
      { details: en },
    ),

  forbidden: (decision: Extract<AccessDecision, { allowed: false }>) =>
    new HttpError(403, 'forbidden', decision.reason, { details: [`${decision.permission}: ${decision.code}`] }),

  internal: () =>
    new HttpError(500, 'internal', {
      en: 'Something failed inside Skill Foundry; the details are in its log.',
      pl: 'Coś zawiodło wewnątrz Skill Foundry; szczegóły są w jego dzienniku.',
    }),
};

/** The backend's expected refusals pass through; anything else is a 500 with no internals. */
export function toHttpError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof ApiBackendError) {
    const retryAfter = error.retryAt && Math.max(1, Math.ceil((Date.parse(error.retryAt) - Date.now()) / 1000));
    return new HttpError(error.status, error.code, error.userMessage, {
      ...(error.details ? { details: error.details } : {}),
      ...(retryAfter ? { headers: { 'Retry-After': String(retryAfter) } } : {}),
    });
  }
  return null;
}
