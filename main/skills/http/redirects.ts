// Redirects, followed by hand so that each hop is a new request under the same rules: its origin
// among the approved ones, its address checked again by the caller (client.ts), the count bounded by
// maxRedirects. As browsers do (Fetch §4.4), 303 turns any request but HEAD into a GET, and 301/302
// turn a POST into one; a GET carries no body and none of the headers that describe one. Crossing
// to another origin drops Authorization, and every header carrying a secret that is not bound to
// the new origin; a body carrying such a secret refuses the redirect instead, since 307/308 must
// resend it whole. The server's Location is used as sent: placeholders in it are never filled.
import { httpCapabilityOf } from '../../../shared/skills/http-capability.ts';
import type { Hop } from './exchange.ts';
import { HttpRefusal } from './refusal.ts';
import { secretsBoundTo } from './secrets.ts';

/** Headers that describe a body (Fetch's request-body-header names): gone when the body is. */
const BODY_HEADERS = new Set(['content-type', 'content-encoding', 'content-language', 'content-location']);

function becomesGet(status: number, method: Hop['method']): boolean {
  return (status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST');
}

/** The next hop after `status` with `location`, or a refusal naming why it is not followed. */
export function followRedirect(hop: Hop, status: number, location: string, policy: { origins: readonly string[]; secretHosts: ReadonlyMap<string, readonly string[]> }): Hop {
  const url = URL.parse(location, hop.url);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new HttpRefusal(`${hop.origin} redirected to a URL that is not http(s)`);
  url.hash = '';
  const origin = httpCapabilityOf(url);
  if (origin === null) throw new HttpRefusal(`${hop.origin} redirected to a URL with a user name or password`);
  if (!policy.origins.includes(origin)) throw new HttpRefusal(`${hop.origin} redirected to ${origin}, which is not among this skill's approved hosts`);

  const toGet = becomesGet(status, hop.method);
  const crossOrigin = origin !== hop.origin;
  const headers = hop.headers.filter((header) =>
    !(toGet && BODY_HEADERS.has(header.name)) &&
    !(crossOrigin && (header.name === 'authorization' || !secretsBoundTo(header.template, origin, policy.secretHosts))));
  const body = toGet ? null : hop.body;
  if (body !== null && crossOrigin && !secretsBoundTo(body.template, origin, policy.secretHosts)) {
    throw new HttpRefusal(`${hop.origin} redirected to ${origin}, where a secret in the request body may not be sent`);
  }
  return { method: toGet ? 'GET' : hop.method, url, origin, shownUrl: url.href, headers, body };
}
