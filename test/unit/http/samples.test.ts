// The dry run before approval: foundry.http is answered from the candidate's sample responses,
// under the same checks as a real request, and nothing leaves the machine.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HttpSample } from '../../../shared/skills/candidate.ts';
import { answerFromSamples, DEFAULT_HTTP_LIMITS } from '../../../main/skills/http/index.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ORIGIN = 'api.open-meteo.com';
const policy = (secretHosts: Record<string, string[]> = {}) => ({ origins: [ORIGIN], secretHosts: new Map(Object.entries(secretHosts)), limits: DEFAULT_HTTP_LIMITS });
const SAMPLES: HttpSample[] = [
  { url: 'https://api.open-meteo.com/v1/forecast', body: { current: { temperature_2m: 21.5 } } },
  { url: 'https://api.open-meteo.com/v1/search?name=Warsaw', headers: { 'Content-Type': 'application/json' }, body: '{"results":[]}' },
  { method: 'POST', url: 'https://api.open-meteo.com/v1/alerts', status: 201, body: 'created' },
];
const get = (url: string) => ({ url, method: 'GET', headers: {}, body: null });

describe('dry-run answers from samples', () => {
  it('a request matching a sample URL without a query gets that sample, whatever its own query, and is recorded as a sample', () => {
    const result = answerFromSamples(get('https://api.open-meteo.com/v1/forecast?latitude=52.2&longitude=21'), SAMPLES, policy());
    expect(result.error).toBeNull();
    expect(result.response).toEqual({ status: 200, headers: {}, body: '{"current":{"temperature_2m":21.5}}', url: 'https://api.open-meteo.com/v1/forecast?latitude=52.2&longitude=21' });
    expect(result.record).toMatchObject({
      method: 'GET', origin: ORIGIN, path: '/v1/forecast?latitude=&longitude=', status: 200, address: null, source: 'sample',
      responseSha256: sha256('{"current":{"temperature_2m":21.5}}'), responseBytes: 35,
    });
  });

  it('a sample with a query answers only that query; its headers come back with lower-case names', () => {
    expect(answerFromSamples(get('https://api.open-meteo.com/v1/search?name=Warsaw'), SAMPLES, policy()).response).toMatchObject({ body: '{"results":[]}', headers: { 'content-type': 'application/json' } });
    expect(answerFromSamples(get('https://api.open-meteo.com/v1/search?name=Paris'), SAMPLES, policy()).error)
      .toBe('no sample response matches GET api.open-meteo.com/v1/search?name= (a dry run sends nothing before approval)');
  });

  it('the method must match too, and a sample\'s status is kept', () => {
    const post = answerFromSamples({ url: 'https://api.open-meteo.com/v1/alerts', method: 'POST', headers: {}, body: '{"city":"Warsaw"}' }, SAMPLES, policy());
    expect(post.response).toMatchObject({ status: 201, body: 'created' });
    expect(post.record).toMatchObject({ requestBytes: 17, requestSha256: sha256('{"city":"Warsaw"}') });
    expect(answerFromSamples(get('https://api.open-meteo.com/v1/alerts'), SAMPLES, policy()).response).toBeNull();
  });

  it('a host that was not approved is refused just as for real', () => {
    const result = answerFromSamples(get('https://api.example.com/v1/forecast'), [{ url: 'https://api.example.com/v1/forecast', body: 'x' }], policy());
    expect(result.error).toBe("api.example.com is not among this skill's approved hosts");
    expect(result.record).toMatchObject({ source: 'sample', status: null, error: result.error });
  });

  it('secrets are checked against their hosts, and no value is needed or shown', () => {
    const request = { ...get('https://api.open-meteo.com/v1/forecast?key={{secret:KEY}}'), headers: { Authorization: 'Bearer {{secret:KEY}}' } };
    expect(answerFromSamples(request, SAMPLES, policy({ KEY: [ORIGIN] })).response?.status).toBe(200);
    expect(answerFromSamples(request, SAMPLES, policy({ KEY: ['api.other.com'] })).error).toBe(`the secret KEY may not be sent to ${ORIGIN} (only to api.other.com)`);
  });

  it('a sample larger than the response limit fails as the real answer would', () => {
    const result = answerFromSamples(get('https://api.open-meteo.com/v1/forecast'), [{ url: 'https://api.open-meteo.com/v1/forecast', body: 'x'.repeat(DEFAULT_HTTP_LIMITS.maxResponseBytes + 1) }], policy());
    expect(result.error).toBe('the response is larger than 1048576 bytes');
  });
});
