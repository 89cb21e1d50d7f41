// The bounds of one call: request and response size, response headers, the execution's deadline
// and its end. Over any of them the skill gets a clear error and the connection is let go.
import { describe, expect, it } from 'vitest';
import { json, policyFor, testClient, useServers } from './servers.ts';

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('bounds', () => {
  const serve = useServers();

  it('a request body over 64 KiB is refused before anything is sent', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    const fits = await testClient().send({ url: `${origin}/`, method: 'POST', headers: {}, body: 'x'.repeat(64 * 1024) }, policyFor([origin]));
    const tooLarge = await testClient().send({ url: `${origin}/`, method: 'POST', headers: {}, body: 'ż'.repeat(32 * 1024 + 1) }, policyFor([origin]));
    expect(fits.error).toBeNull();
    expect(tooLarge.error).toBe('the request body is larger than 65536 bytes');
    expect(server.requests).toHaveLength(1);
  });

  it('a response over 1 MiB is cut off with an error, however the server sends it', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 32) {
          sent += 1;
          if (!response.write(chunk)) return response.once('drain', more);
        }
        response.end();
      };
      more();
    });
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ url: `${origin}/export.csv`, method: 'GET', headers: {}, body: null }, policyFor([origin]));
    expect(result.response).toBeNull();
    expect(result.error).toBe('the response is larger than 1048576 bytes');
    expect(result.record).toMatchObject({ status: null, responseSha256: null, error: 'the response is larger than 1048576 bytes' });
    await until(() => server.closedSockets === 1);
  });

  it('the response limit is the policy\'s', async () => {
    const server = await serve((_request, response) => json(response, 200, { text: 'x'.repeat(200) }));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ url: `${origin}/`, method: 'GET', headers: {}, body: null }, policyFor([origin], { limits: { maxResponseBytes: 100 } }));
    expect(result.error).toBe('the response is larger than 100 bytes');
  });

  it('response headers over 16 KiB are refused', async () => {
    const server = await serve((_request, response) => json(response, 200, {}, { 'x-padding': 'p'.repeat(20 * 1024) }));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ url: `${origin}/`, method: 'GET', headers: {}, body: null }, policyFor([origin]));
    expect(result.error).toBe('the response headers from 127.0.0.1 are larger than 16384 bytes');
  });

  it('a server that never answers ends the call at the execution\'s deadline, and the connection is closed', async () => {
    const server = await serve(() => undefined);
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ url: `${origin}/slow`, method: 'GET', headers: {}, body: null }, policyFor([origin], { deadlineMs: 300 }));
    expect(result.response).toBeNull();
    expect(result.error).toBe("the request did not finish before the execution's deadline");
    expect(result.record).toMatchObject({ status: null, address: '127.0.0.1', error: result.error });
    await until(() => server.closedSockets === 1);
  });

  it('a call whose deadline has already passed sends nothing', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ url: `${origin}/`, method: 'GET', headers: {}, body: null }, policyFor([origin], { deadlineMs: -1 }));
    expect(result.error).toBe("the request did not finish before the execution's deadline");
    expect(server.connections).toBe(0);
  });

  it('when the execution ends, a call in progress stops at once and says so', async () => {
    const execution = new AbortController();
    const server = await serve(() => execution.abort());
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ url: `${origin}/`, method: 'GET', headers: {}, body: null }, policyFor([origin], { signal: execution.signal }));
    expect(result.error).toBe('the execution ended before the request finished');
    await until(() => server.closedSockets === 1);
  });

  it('when the execution ends while the owner\'s secret is being read, nothing is sent', async () => {
    const execution = new AbortController();
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://127.0.0.1:${server.port}`;
    const policy = {
      ...policyFor([origin], { signal: execution.signal, secrets: { KEY: { hosts: [origin], value: 'k' } } }),
      secretValue: () => {
        execution.abort();
        return new Promise<string | null>(() => undefined);
      },
    };
    const result = await testClient().send({ url: `${origin}/?key={{secret:KEY}}`, method: 'GET', headers: {}, body: null }, policy);
    expect(result.error).toBe('the execution ended before the request finished');
    expect(server.connections).toBe(0);
  });
});
