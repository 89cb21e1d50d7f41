// The dry run's foundry.http: before approval no packet leaves. A request passes the same checks as
// a real one (method, URL, approved origin, headers, body, declared and bound secrets — only the
// owner's values are neither needed nor read) and is then answered from the candidate's sample
// responses, or refused when none matches. The answer keeps the response limit, so a sample cannot
// show the owner a skill that would only fail for real.
import type { HttpSample } from '../../../shared/skills/candidate.ts';
import { describeFailure, responseTooLarge } from './failure-messages.ts';
import type { HttpCallRequest, HttpCallResult, HttpSamplePolicy } from './http-call.ts';
import { bodySha256, recordedPath, startRecord } from './record.ts';
import { HttpRefusal } from './refusal.ts';
import { checkRequest, type CheckedRequest } from './request-check.ts';

/** Same method (GET when absent) and URL; a sample URL without a query matches any query. */
function matches(sample: HttpSample, request: CheckedRequest): boolean {
  if ((sample.method ?? 'GET').toUpperCase() !== request.method) return false;
  const url = URL.parse(sample.url);
  if (url === null) return false;
  const asked = new URL(request.shownUrl);
  url.hash = '';
  return url.search === '' ? url.origin === asked.origin && url.pathname === asked.pathname : url.href === asked.href;
}

export function answerFromSamples(request: HttpCallRequest, samples: readonly HttpSample[], policy: HttpSamplePolicy): HttpCallResult {
  const record = startRecord(request, 'sample');
  try {
    const checked = checkRequest(request, policy);
    const sample = samples.find((candidate) => matches(candidate, checked));
    if (sample === undefined) {
      throw new HttpRefusal(`no sample response matches ${checked.method} ${checked.origin}${recordedPath(checked.url)} (a dry run sends nothing before approval)`);
    }
    const text = typeof sample.body === 'string' ? sample.body : JSON.stringify(sample.body ?? null);
    const bytes = Buffer.from(text);
    if (bytes.length > policy.limits.maxResponseBytes) throw responseTooLarge(policy.limits.maxResponseBytes);
    const status = sample.status ?? 200;
    Object.assign(record, { status, requestBytes: Buffer.byteLength(checked.body ?? ''), responseBytes: bytes.length, responseSha256: bodySha256(bytes) });
    const headers = Object.fromEntries(Object.entries(sample.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
    return { response: { status, headers, body: text, url: checked.shownUrl }, error: null, record };
  } catch (failure) {
    const error = describeFailure(failure, record.origin, null);
    record.error = error;
    return { response: null, error, record };
  }
}
