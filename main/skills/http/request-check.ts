// The checks every foundry.http request passes before anything else happens — before secrets are
// read, a name is resolved or a sample is looked up. A refused request changes nothing and sends
// nothing.
//
// - Methods: GET HEAD POST PUT PATCH DELETE (case-insensitive). CONNECT and TRACE would tunnel or
//   reflect, OPTIONS and custom verbs no API call of a skill needs.
// - URL: absolute http(s), at most MAX_URL_CHARS, no user name or password (credentials go through
//   bound secrets, where the owner sees them), and its origin — scheme, host and port exactly —
//   among the version's approved capabilities. A name the URL parser turns into an IP literal
//   (2130706433, 0x7f.1) is that literal from here on.
// - Headers: names and values checked by Node's own validators (no CR/LF, no control characters),
//   each name once, at most MAX_REQUEST_HEADERS and MAX_REQUEST_HEADER_BYTES. REFUSED_HEADERS says
//   which a skill must not set, and why each.
// - Body: only for POST PUT PATCH DELETE, at most maxRequestBytes.
// - Secrets: every placeholder names a secret the manifest declares, bound to this origin.
import { validateHeaderName, validateHeaderValue } from 'node:http';
import { httpCapabilityOf, secretPlaceholders } from '../../../shared/skills/http-capability.ts';
import type { HttpCallRequest, HttpSamplePolicy } from './http-call.ts';
import { MAX_REQUEST_HEADER_BYTES, MAX_REQUEST_HEADERS, MAX_URL_CHARS } from './limits.ts';
import { requestTooLarge } from './failure-messages.ts';
import { HttpRefusal } from './refusal.ts';
import { checkSecretBindings } from './secrets.ts';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Headers the engine owns. Each would let a skill step around the guard or desynchronise the connection. */
const REFUSED_HEADERS = new Map<string, string>([
  ['host', 'the engine sets it from the approved URL (another Host would reach a site that was not approved)'],
  ['content-length', 'the engine computes it from the body (a wrong length smuggles a second request)'],
  ['transfer-encoding', 'the engine sends the body whole (chunking by hand smuggles a second request)'],
  ['connection', 'the engine owns the connection (it may also mark other headers as hop-by-hop)'],
  ['keep-alive', 'every request gets a fresh connection'],
  ['upgrade', 'switching protocols (WebSocket, HTTP/2) would leave the guard'],
  ['te', 'it negotiates transfer codings the engine does not speak'],
  ['trailer', 'the engine sends no trailers'],
  ['expect', 'the engine sends the body at once (100-continue changes that)'],
  ['cookie', 'the engine keeps no cookies (use a secret bound to the host for credentials)'],
  ['accept-encoding', 'bodies are handed back as text and counted as they arrive; compressed ones would be unreadable and could unpack past the response limit'],
]);
/** Proxy-Authorization, Proxy-Connection…: no proxy is ever used, so these would only leak to the server. */
const REFUSED_PREFIX = 'proxy-';

/** What passed the checks: still with placeholders, values come later (and never in a dry run). */
export interface CheckedRequest {
  method: HttpMethod;
  /** As written, placeholders unfilled (the URL parser percent-encodes them in the path). */
  rawUrl: string;
  url: URL;
  /** The URL as the skill may see it again: placeholders, not values, and no fragment. */
  shownUrl: string;
  /** Capability form: `api.example.com`, `http://10.0.0.5:8123`. */
  origin: string;
  /** Lower-case names, values with placeholders. */
  headers: [string, string][];
  body: string | null;
  /** Every secret the request refers to (URL, headers, body), each once. */
  secrets: string[];
}

const refuse = (message: string): never => {
  throw new HttpRefusal(message);
};

function checkMethod(method: unknown): HttpMethod {
  const upper = typeof method === 'string' ? method.toUpperCase() : '';
  return (HTTP_METHODS as readonly string[]).includes(upper)
    ? (upper as HttpMethod)
    : refuse(`the method ${JSON.stringify(String(method).slice(0, 20))} is not allowed (use ${HTTP_METHODS.join(', ')})`);
}

function checkUrl(raw: unknown, origins: readonly string[]): { url: URL; origin: string } {
  if (typeof raw !== 'string') return refuse('the URL must be a string');
  if (raw.length > MAX_URL_CHARS) return refuse(`the URL is longer than ${MAX_URL_CHARS} characters`);
  const url = URL.parse(raw);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) return refuse('the URL must be an absolute http:// or https:// URL');
  if (url.username !== '' || url.password !== '') return refuse('the URL must not carry a user name or password (use a secret in a header)');
  const origin = httpCapabilityOf(url);
  if (origin === null) return refuse('the URL has no host');
  if (!origins.includes(origin)) return refuse(`${origin} is not among this skill's approved hosts`);
  return { url, origin };
}

function checkHeaders(headers: unknown): [string, string][] {
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return refuse('the headers must be an object of names and text values');
  const entries = Object.entries(headers as Record<string, unknown>);
  if (entries.length > MAX_REQUEST_HEADERS) return refuse(`a request may set at most ${MAX_REQUEST_HEADERS} headers`);
  const seen = new Set<string>();
  let bytes = 0;
  const checked = entries.map(([name, value]): [string, string] => {
    if (typeof value !== 'string') return refuse(`the header ${JSON.stringify(name)} must have a text value`);
    try {
      validateHeaderName(name);
    } catch {
      return refuse(`${JSON.stringify(name.slice(0, 60))} is not a valid header name`);
    }
    try {
      validateHeaderValue(name, value);
    } catch {
      return refuse(`the header ${name} has characters a header cannot carry (line breaks, control characters)`);
    }
    const lower = name.toLowerCase();
    const reason = REFUSED_HEADERS.get(lower) ?? (lower.startsWith(REFUSED_PREFIX) ? 'no proxy is used, so it would only reach the server' : null);
    if (reason !== null) return refuse(`a skill cannot set the header ${name}: ${reason}`);
    if (seen.has(lower)) return refuse(`the header ${name} is set twice`);
    seen.add(lower);
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
    return [lower, value];
  });
  if (bytes > MAX_REQUEST_HEADER_BYTES) refuse(`the request headers are larger than ${MAX_REQUEST_HEADER_BYTES} bytes`);
  return checked;
}

function checkBody(body: unknown, method: HttpMethod, maxBytes: number): string | null {
  if (body === null || body === undefined) return null;
  if (typeof body !== 'string') return refuse('the body must be text (use JSON.stringify for objects)');
  if (method === 'GET' || method === 'HEAD') return refuse(`a ${method} request cannot have a body`);
  if (Buffer.byteLength(body) > maxBytes) throw requestTooLarge(maxBytes);
  return body;
}

/** Throws HttpRefusal with the first thing wrong; the policy's secret values are not needed here. */
export function checkRequest(request: HttpCallRequest, policy: HttpSamplePolicy): CheckedRequest {
  if (request === null || typeof request !== 'object') return refuse('the request must be an object with a url');
  const method = checkMethod(request.method);
  const { url, origin } = checkUrl(request.url, policy.origins);
  const headers = checkHeaders(request.headers ?? {});
  const body = checkBody(request.body, method, policy.limits.maxRequestBytes);
  const secrets = secretPlaceholders([request.url, ...headers.map(([, value]) => value), body ?? ''].join('\n'));
  checkSecretBindings(secrets, origin, policy.secretHosts);
  const shown = new URL(url);
  shown.hash = '';
  return { method, rawUrl: request.url, url, shownUrl: shown.href, origin, headers, body, secrets };
}
