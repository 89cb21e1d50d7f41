// A skill's HTTP requests to its approved hosts: what it gets back, what the server sees, what the
// execution record keeps, and the requests that are refused before anything is sent.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fakeResolver, json, policyFor, testClient, useServers } from './servers.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const GET = { method: 'GET', headers: {}, body: null };

describe('requests to approved hosts', () => {
  const serve = useServers();

  it('a GET returns the status, the headers and the JSON body, and the record keeps query names but not their values', async () => {
    const server = await serve((_request, response) => json(response, 200, { temperature: 21.5 }, { 'X-Station': 'Warsaw' }));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ ...GET, url: `${origin}/v1/forecast?latitude=52.23&longitude=21.01` }, policyFor([origin]));

    expect(result.error).toBeNull();
    expect(result.response).toMatchObject({ status: 200, url: `${origin}/v1/forecast?latitude=52.23&longitude=21.01` });
    expect(JSON.parse(result.response!.body)).toEqual({ temperature: 21.5 });
    expect(result.response!.headers).toMatchObject({ 'content-type': 'application/json', 'x-station': 'Warsaw' });
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/v1/forecast?latitude=52.23&longitude=21.01' });
    expect(result.record).toMatchObject({
      method: 'GET', origin, path: '/v1/forecast?latitude=&longitude=', status: 200, error: null, address: '127.0.0.1',
      redirects: 0, requestBytes: 0, responseBytes: result.response!.body.length, requestSha256: sha256(''),
      responseSha256: sha256(result.response!.body), source: 'network',
    });
    expect(JSON.stringify(result.record)).not.toContain('52.23');
  });

  it('a POST sends the JSON body and the skill\'s headers, and the record hashes the body it sent', async () => {
    const server = await serve((request, response) => json(response, 201, { id: 7, got: JSON.parse(request.body) }));
    const origin = `http://127.0.0.1:${server.port}`;
    const body = JSON.stringify({ glasses: 3 });
    const result = await testClient().send(
      { url: `${origin}/log`, method: 'post', headers: { 'Content-Type': 'application/json', 'X-Client': 'water-tracker' }, body },
      policyFor([origin]),
    );

    expect(result.response?.status).toBe(201);
    expect(JSON.parse(result.response!.body)).toEqual({ id: 7, got: { glasses: 3 } });
    expect(server.requests[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'x-client': 'water-tracker', 'content-length': String(body.length) });
    expect(result.record).toMatchObject({ method: 'POST', status: 201, requestBytes: body.length, requestSha256: sha256(body) });
  });

  it('an error status from the server is an answer the skill can read, not a failure', async () => {
    const server = await serve((_request, response) => json(response, 404, { message: 'no such city' }));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ ...GET, url: `${origin}/city/atlantis` }, policyFor([origin]));
    expect(result.error).toBeNull();
    expect(result.response).toMatchObject({ status: 404, body: '{"message":"no such city"}' });
    expect(result.record.status).toBe(404);
  });

  it('a HEAD request gets the status and headers with an empty body', async () => {
    const server = await serve((_request, response) => json(response, 200, { big: 'x'.repeat(1000) }));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ ...GET, method: 'HEAD', url: `${origin}/` }, policyFor([origin]));
    expect(result.response).toMatchObject({ status: 200, body: '' });
    expect(server.requests[0]!.method).toBe('HEAD');
  });

  it('cookies the server sets are not handed to the skill, and none are sent back', async () => {
    const server = await serve((_request, response) => json(response, 200, {}, { 'Set-Cookie': 'session=abc' }));
    const origin = `http://127.0.0.1:${server.port}`;
    const client = testClient();
    const first = await client.send({ ...GET, url: `${origin}/` }, policyFor([origin]));
    await client.send({ ...GET, url: `${origin}/` }, policyFor([origin]));
    expect(first.response!.headers).not.toHaveProperty('set-cookie');
    expect(server.requests[1]!.headers.cookie).toBeUndefined();
  });

  it('a host that does not exist gets a clear error', async () => {
    const { resolve } = fakeResolver({});
    const result = await testClient({ resolve }).send({ ...GET, url: 'https://api.nowhere.test/' }, policyFor(['api.nowhere.test']));
    expect(result.error).toBe('api.nowhere.test could not be found');
    expect(result.record).toMatchObject({ origin: 'api.nowhere.test', status: null, address: null });
  });

  it('HTTPS reaches a host whose certificate matches the name asked for, sending that name (SNI)', async () => {
    const server = await serve((request, response) => json(response, 200, { servername: request.servername }), { tls: true });
    const origin = `localhost:${server.port}`;
    const { resolve } = fakeResolver({ localhost: ['127.0.0.1'] });
    const result = await testClient({ resolve }).send({ ...GET, url: `https://${origin}/` }, policyFor([origin]));
    expect(result.error).toBeNull();
    expect(JSON.parse(result.response!.body)).toEqual({ servername: 'localhost' });
    expect(result.record.address).toBe('127.0.0.1');
  });

  it('HTTPS refuses a certificate that does not name the host asked for, even at the checked address', async () => {
    const server = await serve((_request, response) => json(response, 200, {}), { tls: true });
    const origin = `api.example.test:${server.port}`;
    const { resolve } = fakeResolver({ 'api.example.test': ['127.0.0.1'] });
    const result = await testClient({ resolve }).send({ ...GET, url: `https://${origin}/` }, policyFor([origin]));
    expect(result.response).toBeNull();
    expect(result.error).toBe('the certificate of api.example.test could not be verified (ERR_TLS_CERT_ALTNAME_INVALID)');
    expect(server.requests).toHaveLength(0);
  });
});

describe('requests refused before anything is sent', () => {
  const serve = useServers();

  const refusals: [string, (origin: string, port: number) => { url: string; method?: string; headers?: Record<string, string>; body?: string | null; approved?: string[] }, string][] = [
    ['another host', (_origin, port) => ({ url: `http://127.0.0.2:${port}/`, approved: [`http://127.0.0.1:${port}`] }), `http://127.0.0.2:{port} is not among this skill's approved hosts`],
    ['another port', (_origin, port) => ({ url: `http://127.0.0.1:${port}/`, approved: [`http://127.0.0.1:${port + 1}`] }), `http://127.0.0.1:{port} is not among this skill's approved hosts`],
    ['plain HTTP where HTTPS was approved', (_origin, port) => ({ url: `http://127.0.0.1:${port}/`, approved: [`127.0.0.1:${port}`] }), `http://127.0.0.1:{port} is not among this skill's approved hosts`],
    ['a user name in the URL', (origin) => ({ url: origin.replace('http://', 'http://admin:hunter2@') + '/' }), 'the URL must not carry a user name or password (use a secret in a header)'],
    ['a file URL', () => ({ url: 'file:///etc/passwd' }), 'the URL must be an absolute http:// or https:// URL'],
    ['a relative URL', () => ({ url: '/v1/forecast' }), 'the URL must be an absolute http:// or https:// URL'],
    ['the TRACE method', (origin) => ({ url: `${origin}/`, method: 'TRACE' }), 'the method "TRACE" is not allowed (use GET, HEAD, POST, PUT, PATCH, DELETE)'],
    ['the CONNECT method', (origin) => ({ url: `${origin}/`, method: 'CONNECT' }), 'the method "CONNECT" is not allowed (use GET, HEAD, POST, PUT, PATCH, DELETE)'],
    ['a Host header', (origin) => ({ url: `${origin}/`, headers: { Host: 'intranet.local' } }), 'a skill cannot set the header Host: the engine sets it from the approved URL (another Host would reach a site that was not approved)'],
    ['a Cookie header', (origin) => ({ url: `${origin}/`, headers: { cookie: 'a=b' } }), 'a skill cannot set the header cookie: the engine keeps no cookies (use a secret bound to the host for credentials)'],
    ['a Proxy-Authorization header', (origin) => ({ url: `${origin}/`, headers: { 'Proxy-Authorization': 'Basic x' } }), 'a skill cannot set the header Proxy-Authorization: no proxy is used, so it would only reach the server'],
    ['a Transfer-Encoding header', (origin) => ({ url: `${origin}/`, method: 'POST', headers: { 'Transfer-Encoding': 'chunked' }, body: 'x' }), 'a skill cannot set the header Transfer-Encoding: the engine sends the body whole (chunking by hand smuggles a second request)'],
    ['a Content-Length header', (origin) => ({ url: `${origin}/`, method: 'POST', headers: { 'Content-Length': '0' }, body: 'x' }), 'a skill cannot set the header Content-Length: the engine computes it from the body (a wrong length smuggles a second request)'],
    ['a line break in a header value', (origin) => ({ url: `${origin}/`, headers: { 'X-Note': 'a\r\nX-Injected: 1' } }), 'the header X-Note has characters a header cannot carry (line breaks, control characters)'],
    ['a header name with a space', (origin) => ({ url: `${origin}/`, headers: { 'X Note': 'a' } }), '"X Note" is not a valid header name'],
    ['the same header twice', (origin) => ({ url: `${origin}/`, headers: { Accept: 'a', accept: 'b' } }), 'the header accept is set twice'],
    ['a GET with a body', (origin) => ({ url: `${origin}/`, body: 'x' }), 'a GET request cannot have a body'],
  ];

  it.each(refusals)('%s is refused with a clear reason and reaches no server', async (_name, make, expected) => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    const made = make(origin, server.port);
    const result = await testClient().send(
      { url: made.url, method: made.method ?? 'GET', headers: made.headers ?? {}, body: made.body ?? null },
      policyFor(made.approved ?? [origin]),
    );
    expect(result.response).toBeNull();
    expect(result.error).toBe(expected.replace('{port}', String(server.port)));
    expect(result.record).toMatchObject({ status: null, address: null, requestBytes: 0, error: result.error });
    expect(server.connections).toBe(0);
  });
});
