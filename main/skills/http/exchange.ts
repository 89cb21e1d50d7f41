// One request and its answer over one fresh connection to an address the guard already checked.
//
// The connection goes to exactly that address: Node resolves the URL's name through `lookup`, and
// ours answers with the pinned address only, so nothing can resolve the name a second time (DNS
// rebinding). The name still travels as Host and, for HTTPS, as SNI and the name the certificate
// must match (Node derives both from `hostname`). A fresh Agent per request, keep-alive off: no
// connection is shared with another skill or another hop, and no proxy from the environment
// applies (only Node's global agents read HTTP_PROXY / NODE_USE_ENV_PROXY; nothing here uses them).
// Node has no cookie jar, and Set-Cookie is not handed back.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { HttpMethod } from './request-check.ts';
import { MAX_RESPONSE_HEADER_BYTES } from './limits.ts';
import { responseTooLarge } from './failure-messages.ts';

export interface HopHeader {
  name: string;
  /** As the skill wrote it (placeholders): decides what may follow a redirect. */
  template: string;
  value: string;
}

/** One request as it is sent: secrets already in. */
export interface Hop {
  method: HttpMethod;
  url: URL;
  /** Capability form of `url`. */
  origin: string;
  /** The URL as the skill may see it: placeholders in place of values, or the server's redirect target. */
  shownUrl: string;
  headers: HopHeader[];
  body: { template: string; sent: string } | null;
}

export interface PinnedAddress {
  address: string;
  family: 4 | 6;
}

export interface ExchangeOptions {
  signal: AbortSignal;
  maxResponseBytes: number;
  /** Test-only trust for a self-signed certificate (HttpClientOptions.testing). */
  ca?: string | Buffer;
}

export type HopAnswer =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'final'; status: number; headers: Record<string, string>; body: Buffer };

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

function pinnedLookup(pinned: PinnedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

/** Lower-case names (Node's), repeats joined, Set-Cookie dropped; bounded by MAX_RESPONSE_HEADER_BYTES at parse time. */
function shownHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'set-cookie' || value === undefined) continue;
    shown[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return shown;
}

function openResponse(hop: Hop, pinned: PinnedAddress, options: ExchangeOptions): Promise<http.IncomingMessage> {
  const secure = hop.url.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: false, ...(options.ca === undefined ? {} : { ca: options.ca }) }) : new http.Agent({ keepAlive: false });
  const headers = Object.fromEntries(hop.headers.map((header) => [header.name, header.value]));
  if (hop.body !== null) headers['content-length'] = String(Buffer.byteLength(hop.body.sent));
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request({
      hostname: hop.url.hostname.replace(/^\[|\]$/g, ''),
      port: hop.url.port === '' ? (secure ? 443 : 80) : Number(hop.url.port),
      path: hop.url.pathname + hop.url.search,
      method: hop.method,
      headers,
      agent,
      lookup: pinnedLookup(pinned),
      signal: options.signal,
      maxHeaderSize: MAX_RESPONSE_HEADER_BYTES,
      joinDuplicateHeaders: true,
    });
    request.once('response', resolve);
    // Kept for the request's whole life: an error after the answer (an abort) must not go unheard.
    request.on('error', reject);
    request.end(hop.body?.sent);
  });
}

async function readBounded(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > maxBytes) {
      response.destroy();
      throw responseTooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Sends `hop` to `pinned`; a redirect's body is never read. Network failures are thrown as they come (see failure-messages.ts). */
export async function exchange(hop: Hop, pinned: PinnedAddress, options: ExchangeOptions): Promise<HopAnswer> {
  const response = await openResponse(hop, pinned, options);
  const status = response.statusCode ?? 0;
  const location = response.headers.location;
  if (REDIRECT_STATUSES.has(status) && location !== undefined) {
    response.destroy();
    return { kind: 'redirect', status, location };
  }
  const body = await readBounded(response, options.maxResponseBytes);
  return { kind: 'final', status, headers: shownHeaders(response.headers), body };
}
