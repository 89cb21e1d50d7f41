// The one place responses are written: JSON, never cached, never sniffed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Locale } from '../../shared/i18n-types.ts';
import type { HttpError } from './http-error.ts';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

/**
 * `{ error: { code, message: { pl, en }, details? }, message }`, the top-level `message` in the
 * language the caller prefers. A request whose body was not read to the end closes the
 * connection, so nothing past the point of refusal is read.
 */
export function sendError(req: IncomingMessage, res: ServerResponse, error: HttpError): void {
  const { code, userMessage, details } = error;
  const body = { error: { code, message: userMessage, ...(details ? { details } : {}) }, message: userMessage[preferredLocale(req.headers['accept-language'])] };
  sendJson(res, error.status, body, req.complete ? error.headers : { ...error.headers, Connection: 'close' });
}

/** Polish when the caller's Accept-Language ranks it above English, English otherwise. */
export function preferredLocale(acceptLanguage: string | undefined): Locale {
  let best: { locale: Locale; q: number } = { locale: 'en', q: 0 };
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
    const locale = tag.split('-')[0];
    if (locale !== 'pl' && locale !== 'en') continue;
    const qParameter = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    if (Number.isFinite(q) && q > best.q) best = { locale, q };
  }
  return best.locale;
}
