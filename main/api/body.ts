// The one body reader: JSON in UTF-8, never more than the limit. A body declared too large is
// refused before a byte of it is read; one that grows past the limit is read no further; one
// nested deeper than any request needs is refused before recursive code meets it.
import type { IncomingMessage } from 'node:http';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../skills/sandbox/json-guards.ts';
import { httpErrors } from './http-error.ts';

/** Whether the request carries a body at all (an empty one counts as none). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0);
}

export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const type = req.headers['content-type'];
  if (!isJsonUtf8(type) || !['identity', undefined].includes(req.headers['content-encoding']?.toLowerCase())) {
    throw httpErrors.unsupportedMediaType(type);
  }
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) throw httpErrors.bodyTooLarge(limitBytes);
  const bytes = await readLimited(req, limitBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw httpErrors.malformedJson('it is not valid UTF-8');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw httpErrors.malformedJson((error as Error).message);
  }
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) throw httpErrors.nestedTooDeep(MAX_JSON_DEPTH);
  return body;
}

/** `application/json`, with no charset or UTF-8. */
function isJsonUtf8(contentType: string | undefined): boolean {
  const [mediaType = '', ...parameters] = (contentType ?? '').toLowerCase().split(';').map((part) => part.trim());
  if (mediaType !== 'application/json') return false;
  const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length).replaceAll('"', '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

function readLimited(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
      req.pause();
    };
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      stop();
      reject(httpErrors.bodyTooLarge(limitBytes));
    }
    function onEnd() {
      stop();
      resolve(Buffer.concat(chunks));
    }
    function onError() {
      stop();
      reject(httpErrors.malformedJson('the body ended before it was complete'));
    }
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
