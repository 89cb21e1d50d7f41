// What the skill is told when a bound was passed, or the network, not the guard, ended a call.
// Network failures are described from the error's code only, never from Node's message: those can
// quote a URL, and a URL may carry a secret's value.
import { MAX_RESPONSE_HEADER_BYTES } from './limits.ts';
import { HttpRefusal } from './refusal.ts';

export const requestTooLarge = (maxBytes: number) => new HttpRefusal(`the request body is larger than ${maxBytes} bytes`);
export const responseTooLarge = (maxBytes: number) => new HttpRefusal(`the response is larger than ${maxBytes} bytes`);

const UNREACHABLE = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'EADDRNOTAVAIL']);
const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'ENODATA', 'EAI_FAIL']);
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|UNABLE_TO_GET_ISSUER/;

function codeOf(error: unknown): string {
  const code = error !== null && typeof error === 'object' && 'code' in error ? (error as { code: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

/** The skill-facing reason a call to `host` failed; `stopped` is the deadline's reason when it fired. */
export function describeFailure(error: unknown, host: string, stopped: string | null): string {
  if (error instanceof HttpRefusal) return error.message;
  if (stopped !== null) return stopped;
  const code = codeOf(error);
  if (code === 'ECONNREFUSED') return `${host} refused the connection`;
  if (NOT_FOUND.has(code)) return `${host} could not be found`;
  if (code === 'HPE_HEADER_OVERFLOW') return `the response headers from ${host} are larger than ${MAX_RESPONSE_HEADER_BYTES} bytes`;
  if (code.startsWith('HPE_')) return `${host} answered with something that is not valid HTTP`;
  if (CERTIFICATE.test(code)) return `the certificate of ${host} could not be verified (${code})`;
  if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNABORTED') return `${host} closed the connection before the answer was complete`;
  if (UNREACHABLE.has(code)) return `${host} could not be reached (${code})`;
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) return `the secure connection to ${host} failed (${code})`;
  return code === '' ? `the request to ${host} failed` : `the request to ${host} failed (${code})`;
}
