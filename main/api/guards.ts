// Who may talk to the API at all: only a local process, addressed as 127.0.0.1 or localhost on
// the API's port (a DNS-rebound name is refused), never a web page, and then only with the token.
import type { IncomingHttpHeaders } from 'node:http';
import { httpErrors, type HttpError } from './http-error.ts';

/** The Host header must name this server; anything else is a rebinding attempt or a mistake. */
export function checkHost(headers: IncomingHttpHeaders, port: number): HttpError | null {
  const host = headers.host?.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` ? null : httpErrors.wrongHost(headers.host);
}

/**
 * Browsers send Origin on cross-origin and every non-GET request, and Sec-Fetch-Site on every
 * request; a local process sends neither. There is no CORS: a page cannot call this API.
 */
export function checkNotBrowser(headers: IncomingHttpHeaders): HttpError | null {
  return headers.origin !== undefined || headers['sec-fetch-site'] !== undefined ? httpErrors.browserRefused() : null;
}

/** The bearer token from `Authorization: Bearer <token>`, or the 401 to answer with. */
export function bearerToken(headers: IncomingHttpHeaders): string | HttpError {
  if (!headers.authorization) return httpErrors.tokenMissing();
  // RFC 6750 b64token; the scheme name is case-insensitive.
  return /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(headers.authorization)?.[1] ?? httpErrors.tokenInvalid();
}
