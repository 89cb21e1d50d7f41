// Secrets bound to hosts: the owner's value goes only where the manifest binds it, escaped for
// where it lands, and never comes back in an error, a record or the URL handed to the skill.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fakeResolver, json, policyFor, testClient, useServers } from './servers.ts';

const VALUE = 'sk-"owner&value"/#?=ż';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('secrets in requests', () => {
  const serve = useServers();

  it('a secret reaches its bound host in a header, and nothing returned to the skill contains it', async () => {
    const server = await serve((_request, response) => json(response, 200, { ok: true }));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send(
      { url: `${origin}/v1`, method: 'GET', headers: { 'X-Api-Key': '{{secret:WEATHER_KEY}}' }, body: null },
      policyFor([origin], { secrets: { WEATHER_KEY: { hosts: [origin], value: 'plain-key-123' } } }),
    );
    expect(result.error).toBeNull();
    expect(server.requests[0]!.headers['x-api-key']).toBe('plain-key-123');
    expect(JSON.stringify(result)).not.toContain('plain-key-123');
  });

  it('a secret in the query is percent-encoded, arrives exactly, and the record and the answer\'s URL show only the placeholder', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send(
      { url: `${origin}/data/{{secret:KEY}}?appid={{secret:KEY}}&q=Warsaw`, method: 'GET', headers: {}, body: null },
      policyFor([origin], { secrets: { KEY: { hosts: [origin], value: VALUE } } }),
    );
    expect(result.error).toBeNull();
    const seen = new URL(server.requests[0]!.url, origin);
    expect(decodeURIComponent(seen.pathname)).toBe(`/data/${VALUE}`);
    expect(seen.searchParams.get('appid')).toBe(VALUE);
    expect(seen.searchParams.get('q')).toBe('Warsaw');
    expect(result.record.path).toBe('/data/{{secret:KEY}}?appid=&q=');
    expect(result.response!.url).toBe(`${origin}/data/%7B%7Bsecret:KEY%7D%7D?appid={{secret:KEY}}&q=Warsaw`);
    expect(JSON.stringify(result)).not.toContain(encodeURIComponent(VALUE));
  });

  it('a secret in a JSON body is escaped as a JSON string, and the record hashes the body as the skill wrote it', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    const body = '{"token":"{{secret:TOKEN}}","city":"Kraków"}';
    const result = await testClient().send(
      { url: `${origin}/login`, method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body },
      policyFor([origin], { secrets: { TOKEN: { hosts: [origin], value: VALUE } } }),
    );
    expect(result.error).toBeNull();
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ token: VALUE, city: 'Kraków' });
    expect(result.record.requestSha256).toBe(sha256(body));
    expect(result.record.requestBytes).toBe(Buffer.byteLength(server.requests[0]!.body));
  });

  it('a secret in a form body is form-encoded', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    await testClient().send(
      { url: `${origin}/token`, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant=client&secret={{secret:TOKEN}}' },
      policyFor([origin], { secrets: { TOKEN: { hosts: [origin], value: VALUE } } }),
    );
    expect(new URLSearchParams(server.requests[0]!.body).get('secret')).toBe(VALUE);
  });

  it('a secret bound to another host is refused before its value is read, and nothing is sent', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    const asked: string[] = [];
    const result = await testClient().send(
      { url: `${origin}/v1?key={{secret:KEY}}`, method: 'GET', headers: {}, body: null },
      policyFor([origin, 'api.openweathermap.org'], { asked, secrets: { KEY: { hosts: ['api.openweathermap.org'], value: 'plain-key-123' } } }),
    );
    expect(result.error).toBe(`the secret KEY may not be sent to ${origin} (only to api.openweathermap.org)`);
    expect(asked).toEqual([]);
    expect(server.connections).toBe(0);
  });

  it('a secret the manifest does not declare is refused', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send(
      { url: `${origin}/`, method: 'GET', headers: { Authorization: 'Bearer {{secret:GITHUB_TOKEN}}' }, body: null },
      policyFor([origin]),
    );
    expect(result.error).toBe("the secret GITHUB_TOKEN is not declared in this skill's manifest");
    expect(server.connections).toBe(0);
  });

  it('a secret the owner has not entered yet refuses the call and tells where to enter it', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send(
      { url: `${origin}/`, method: 'GET', headers: { Authorization: 'Bearer {{secret:TOKEN}}' }, body: null },
      policyFor([origin], { secrets: { TOKEN: { hosts: [origin], value: null } } }),
    );
    expect(result.error).toBe("the secret TOKEN has no value yet: the owner can enter it in the skill's settings");
    expect(server.connections).toBe(0);
  });

  it('a secret value a header cannot carry refuses the call without showing the value', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send(
      { url: `${origin}/`, method: 'GET', headers: { 'X-Key': '{{secret:TOKEN}}' }, body: null },
      policyFor([origin], { secrets: { TOKEN: { hosts: [origin], value: 'line1\r\nX-Injected: yes' } } }),
    );
    expect(result.error).toBe('a secret in the header x-key has characters a header cannot carry');
    expect(JSON.stringify(result)).not.toContain('X-Injected');
    expect(server.connections).toBe(0);
  });

  it('a body that only grows past the limit once the secret is in is refused', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send(
      { url: `${origin}/`, method: 'POST', headers: {}, body: `${'x'.repeat(90)}{{secret:TOKEN}}` },
      policyFor([origin], { limits: { maxRequestBytes: 100 }, secrets: { TOKEN: { hosts: [origin], value: 'y'.repeat(20) } } }),
    );
    expect(result.error).toBe('the request body is larger than 100 bytes');
    expect(server.connections).toBe(0);
  });
});

describe('secrets and redirects', () => {
  const serve = useServers();
  const { resolve } = fakeResolver({ 'a.example.test': ['127.0.0.1'], 'b.example.test': ['127.0.0.1'] });

  async function twoHosts(redirectStatus = 302, location = '/landed') {
    const b = await serve((_request, response) => json(response, 200, {}));
    const a = await serve((_request, response) => {
      response.writeHead(redirectStatus, { location: `http://b.example.test:${b.port}${location}` });
      response.end();
    });
    return { a, b, originA: `http://a.example.test:${a.port}`, originB: `http://b.example.test:${b.port}` };
  }

  it('a redirect to another host drops Authorization and every header whose secret is not bound there', async () => {
    const { b, originA, originB } = await twoHosts();
    const result = await testClient({ resolve }).send(
      { url: `${originA}/start`, method: 'GET', headers: { Authorization: 'Bearer literal', 'X-Api-Key': '{{secret:KEY}}', Accept: 'application/json' }, body: null },
      policyFor([originA, originB], { secrets: { KEY: { hosts: [originA], value: 'plain-key-123' } } }),
    );
    expect(result.response?.status).toBe(200);
    expect(b.requests[0]!.headers).not.toHaveProperty('authorization');
    expect(b.requests[0]!.headers).not.toHaveProperty('x-api-key');
    expect(b.requests[0]!.headers.accept).toBe('application/json');
    expect(result.record.redirects).toBe(1);
  });

  it('a redirect to another host keeps a secret header bound to that host too', async () => {
    const { b, originA, originB } = await twoHosts();
    await testClient({ resolve }).send(
      { url: `${originA}/start`, method: 'GET', headers: { 'X-Api-Key': '{{secret:KEY}}' }, body: null },
      policyFor([originA, originB], { secrets: { KEY: { hosts: [originA, originB], value: 'plain-key-123' } } }),
    );
    expect(b.requests[0]!.headers['x-api-key']).toBe('plain-key-123');
  });

  it('a 307 redirect that would resend a body carrying a secret to a host it is not bound to is refused', async () => {
    const { b, originA, originB } = await twoHosts(307);
    const result = await testClient({ resolve }).send(
      { url: `${originA}/start`, method: 'POST', headers: {}, body: 'key={{secret:KEY}}' },
      policyFor([originA, originB], { secrets: { KEY: { hosts: [originA], value: 'plain-key-123' } } }),
    );
    expect(result.error).toBe(`${originA} redirected to ${originB}, where a secret in the request body may not be sent`);
    expect(b.connections).toBe(0);
  });

  it('placeholders in a URL the server redirects to are never filled in', async () => {
    const { b, originA, originB } = await twoHosts(302, '/steal?k={{secret:KEY}}');
    await testClient({ resolve }).send(
      { url: `${originA}/start`, method: 'GET', headers: { 'X-Api-Key': '{{secret:KEY}}' }, body: null },
      policyFor([originA, originB], { secrets: { KEY: { hosts: [originA, originB], value: 'plain-key-123' } } }),
    );
    expect(new URL(b.requests[0]!.url, originB).searchParams.get('k')).toBe('{{secret:KEY}}');
  });
});
