// Runs one http action: the request made from its template (http-template.ts) goes to `send` — the
// guarded client with the version's policy, or in a dry run the sample answers — and its answer
// becomes the action's result. Never throws for anything the caller, the template or the server
// does: a refused or failed request is `{ success: false, error }`.
import type { HttpRequestRecord } from '../../../shared/contract/records.ts';
import type { HttpActionSpec } from '../../../shared/skills/actions.ts';
import type { ModActionResult } from '../../../shared/skills/mod-types.ts';
import type { HttpCallRequest, HttpCallResult } from '../http/index.ts';
import { fillHttpTemplate, TemplateRefusal } from './http-template.ts';

export interface HttpActionOutcome {
  result: ModActionResult;
  /** The request as recorded (none when the template refused the params: nothing was attempted). */
  http: HttpRequestRecord[];
}

const isJson = (contentType: string | undefined) => /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType ?? '');

function parsedBody(body: string, contentType: string | undefined): unknown {
  if (!isJson(contentType)) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

export async function runHttpAction(
  spec: HttpActionSpec,
  params: Record<string, unknown>,
  send: (request: HttpCallRequest) => Promise<HttpCallResult>,
): Promise<HttpActionOutcome> {
  let request: HttpCallRequest;
  try {
    request = fillHttpTemplate(spec, params);
  } catch (error) {
    if (!(error instanceof TemplateRefusal)) throw error;
    return { result: { success: false, error: `the request was not sent: ${error.message}` }, http: [] };
  }
  const { response, error, record } = await send(request);
  if (response === null) return { result: { success: false, error: error ?? 'the request failed' }, http: [record] };
  const data = { status: response.status, headers: response.headers, body: parsedBody(response.body, response.headers['content-type']) };
  const ok = response.status >= 200 && response.status < 300;
  return { result: ok ? { success: true, data } : { success: false, data, error: `${record.origin} answered ${response.status}` }, http: [record] };
}
