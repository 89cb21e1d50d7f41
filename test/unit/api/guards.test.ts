import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { createClock } from '../approval/security-fixtures.ts';
import { errorOf, useApi } from './harness.ts';

const start = useApi();
const SKILL = '/api/skills/custom-water-tracker';

describe('the local API: only a local process may call it', () => {
  it('refuses any request from a browser (Origin or Sec-Fetch-Site), health and preflights included, with no CORS headers', async () => {
    const api = await start();
    const browserish: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { Origin: `http://127.0.0.1:${api.server.port}` },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-origin' },
    ];
    for (const headers of browserish) {
      for (const [method, path] of [['GET', '/api/health'], ['GET', SKILL], ['OPTIONS', SKILL], ['POST', '/api/skills/execute']] as const) {
        const reply = await api.call({ method, path, headers: { ...headers, 'Access-Control-Request-Method': 'POST' } });
        expect(reply.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(errorOf(reply).code).toBe('browser-refused');
        expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      }
    }
    expect(api.fake.calls).toEqual([]);
  });

  it('lets Node’s own fetch through (it sends Sec-Fetch-Mode, but no Origin or Sec-Fetch-Site)', async () => {
    const api = await start();
    const reply = await fetch(`${api.server.url}${SKILL}`, { headers: { Authorization: `Bearer ${api.token}` } });
    expect(reply.status).toBe(200);
  });

  it('refuses a Host that is not 127.0.0.1 or localhost on its port (DNS rebinding) with 421', async () => {
    const api = await start();
    const port = api.server.port;
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `127.0.0.1.nip.io:${port}`, `[::1]:${port}`]) {
      const reply = await api.call({ path: '/api/health', headers: { Host: host } });
      expect(reply.status, host).toBe(421);
      expect(errorOf(reply).code).toBe('wrong-host');
    }
    for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `127.0.0.1:${port}`]) {
      expect((await api.call({ path: SKILL, headers: { Host: host } })).status, host).toBe(200);
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    const api = await start();
    expect(api.server.url).toBe(`http://127.0.0.1:${api.server.port}`);
    const reached = await new Promise<boolean>((resolve) => {
      const socket = net.connect(api.server.port, '::1');
      socket.on('connect', () => resolve(true)).on('error', () => resolve(false));
      socket.unref();
    });
    expect(reached).toBe(false);
  });

  it('cuts off a client that sends its headers too slowly', async () => {
    const api = await start({ limits: { headersTimeoutMs: 200, requestTimeoutMs: 200 } });
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(api.server.port, '127.0.0.1');
      let response = '';
      socket.on('data', (d) => (response += d.toString()));
      socket.on('close', () => resolve(response));
      socket.on('error', () => {});
      socket.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${api.server.port}\r\n`);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('does not cut off a slow answer: the timeouts are for receiving the request only', async () => {
    const api = await start({ limits: { headersTimeoutMs: 200, requestTimeoutMs: 200 } });
    const getSkill = api.fake.backend.getSkill;
    api.fake.backend.getSkill = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return getSkill(...args);
    };
    expect((await api.call({ path: SKILL })).status).toBe(200);
  });
});

describe('the local API: rate limit per token', () => {
  it('answers 429 with Retry-After once the burst is spent, and again after the bucket refills', async () => {
    const clock = createClock();
    const api = await start({ now: clock.now, limits: { requestsPerMinute: 60, burst: 3 } });
    for (let i = 0; i < 3; i++) expect((await api.call({ path: SKILL })).status).toBe(200);
    const limited = await api.call({ path: SKILL });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(errorOf(limited)).toMatchObject({ code: 'rate-limited', message: { en: expect.stringContaining('1 s'), pl: expect.stringContaining('1 s') } });
    expect(api.fake.calls).toHaveLength(3);

    clock.advance(999);
    expect((await api.call({ path: SKILL })).status).toBe(429);
    clock.advance(1);
    expect((await api.call({ path: SKILL })).status).toBe(200);
    expect((await api.call({ path: SKILL })).status).toBe(429);

    clock.advance(60_000);
    for (let i = 0; i < 3; i++) expect((await api.call({ path: SKILL })).status).toBe(200);
  });

  it('counts per token: a rotated token starts with a full bucket; health is not counted', async () => {
    const clock = createClock();
    const api = await start({ now: clock.now, limits: { requestsPerMinute: 60, burst: 2 } });
    for (let i = 0; i < 2; i++) expect((await api.call({ path: SKILL })).status).toBe(200);
    expect((await api.call({ path: SKILL })).status).toBe(429);
    expect((await api.call({ path: '/api/health', token: null })).status).toBe(200);
    const next = await api.tokens.rotate('owner');
    expect((await api.call({ path: SKILL, token: next })).status).toBe(200);
  });

  it('says how long to wait when the rate is slow', async () => {
    const clock = createClock();
    const api = await start({ now: clock.now, limits: { requestsPerMinute: 6, burst: 1 } });
    expect((await api.call({ path: SKILL })).status).toBe(200);
    expect((await api.call({ path: SKILL })).headers['retry-after']).toBe('10');
  });
});
