// The execution record's line for one request: where data went and how much, never what it carried.
import { createHash } from 'node:crypto';
import type { HttpRequestRecord } from '../../../shared/contract/records.ts';
import { httpCapabilityOf } from '../../../shared/skills/http-capability.ts';
import { sha256Hex } from '../registry/content-hash.ts';
import type { HttpCallRequest } from './http-call.ts';

/** `/v1/forecast?latitude=&longitude=`: query values may be personal (a home's coordinates), names are not. */
export function recordedPath(url: URL): string {
  const names = new URLSearchParams([...url.searchParams.keys()].map((name) => [name, '']));
  const query = names.size === 0 ? '' : `?${names.toString()}`;
  // The URL parser percent-encodes placeholders in a path; show them as the skill wrote them.
  return url.pathname.replace(/%7B%7Bsecret:([A-Za-z][A-Za-z0-9_]{0,63})%7D%7D/g, '{{secret:$1}}') + query;
}

export function bodySha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The record before anything was sent: no status, no address, nothing counted. Built from the
 * request as the skill wrote it, so a refused request is recorded as far as it can be read (an
 * unreadable URL leaves origin and path empty).
 */
export function startRecord(request: HttpCallRequest, source: HttpRequestRecord['source']): HttpRequestRecord {
  const { url: rawUrl, method, body } = (typeof request === 'object' && request !== null ? request : {}) as Partial<HttpCallRequest>;
  const url = typeof rawUrl === 'string' ? URL.parse(rawUrl) : null;
  return {
    method: typeof method === 'string' ? method.toUpperCase().slice(0, 20) : '',
    origin: (url && httpCapabilityOf(url)) ?? '',
    path: url === null ? '' : recordedPath(url),
    status: null,
    error: null,
    address: null,
    redirects: 0,
    requestBytes: 0,
    responseBytes: 0,
    durationMs: 0,
    requestSha256: sha256Hex(typeof body === 'string' ? body : ''),
    responseSha256: null,
    source,
  };
}
