import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_API_LIMITS } from '../../../main/api/limits.ts';
import { ERROR_SCHEMA } from '../../../main/api/schemas.ts';
import { errorOf, expectSchema, useApi, type Api } from './harness.ts';

const start = useApi();
const LIMIT = DEFAULT_API_LIMITS.maxBodyBytes;

/** Raw HTTP over a socket: whatever the server answers before `stopAfter` bytes of body were sent. */
function rawPost(api: Api, headers: string[], body: Buffer, stopAfter = body.length): Promise<{ response: string; sent: number; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(api.server.port, '127.0.0.1');
    let response = '';
    let sent = 0;
    let closedByServer = false;
    socket.on('data', (d) => {
      response += d.toString('utf8');
    });
    socket.on('end', () => {
      closedByServer = true;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server hangs up on a refused upload; what it answered first is what counts.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') closedByServer = true;
      else reject(error);
    });
    socket.on('close', () => resolve({ response, sent, closedByServer }));
    const head = [`POST /api/skills/execute HTTP/1.1`, `Host: 127.0.0.1:${api.server.port}`, `Authorization: Bearer ${api.token}`, ...headers, '', ''].join('\r\n');
    socket.write(head);
    const chunk = 4096;
    const pump = () => {
      while (sent < stopAfter && !socket.destroyed) {
        const piece = body.subarray(sent, Math.min(sent + chunk, stopAfter));
        sent += piece.length;
        if (!socket.write(piece)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}

describe('the local API: what a request must look like', () => {
  it('answers malformed JSON with 400 and the parser’s reason in both languages', async () => {
    const api = await start();
    const reply = await api.call({ method: 'POST', path: '/api/skills/execute', body: '{"slug": "custom-water-tracker",', headers: { 'Content-Type': 'application/json' } });
    expect(reply.status).toBe(400);
    expectSchema(ERROR_SCHEMA, reply.json);
    const error = errorOf(reply);
    expect(error.code).toBe('malformed-json');
    expect(error.message.en).toMatch(/^The request body is not valid JSON: .+/);
    expect(error.message.pl).toMatch(/^Treść żądania nie jest poprawnym JSON-em/);
    expect(api.fake.calls).toEqual([]);
  });

  it('answers params nested 20,000 levels deep with 400 and a message, not an internal error', async () => {
    const api = await start();
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const body = `{"slug":"custom-water-tracker","action":"log_water","params":{"amount_ml":${deep}}}`;
    const reply = await api.call({ method: 'POST', path: '/api/skills/execute', body, headers: { 'Content-Type': 'application/json' } });
    expect(reply.status).toBe(400);
    expectSchema(ERROR_SCHEMA, reply.json);
    const error = errorOf(reply);
    expect(error.code).toBe('nested-too-deep');
    expect(error.message.en).toBe('The request body nests arrays or objects more than 64 levels deep; nothing this API takes needs that many.');
    expect(error.message.pl).toMatch(/^Treść żądania zagnieżdża tablice lub obiekty głębiej niż na 64 poziomów/);
    expect(api.fake.calls).toEqual([]);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const api = await start();
    const reply = await api.call({ method: 'POST', path: '/api/skills/generate', body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), headers: { 'Content-Type': 'application/json' } });
    expect(reply.status).toBe(400);
    expect(errorOf(reply).details).toEqual(['it is not valid UTF-8']);
  });

  it('lists every schema violation in details, in English, and in Polish in the message', async () => {
    const api = await start();
    const reply = await api.call({ method: 'POST', path: '/api/skills/execute', body: { slug: 'Not A Slug', action: 42, params: [], extra: true } });
    expect(reply.status).toBe(400);
    const error = errorOf(reply);
    expect(error.code).toBe('invalid-request');
    expect(error.details).toEqual(
      expect.arrayContaining([
        'body must NOT have additional properties: extra',
        'body/slug must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"',
        'body/action must be string',
        'body/params must be object',
      ]),
    );
    expect(error.message.en).toContain('POST /api/skills/execute');
    expect(error.message.pl).toContain('body/action powinien być string');
    expect(api.fake.calls).toEqual([]);
  });

  it('says which fields are missing, and reads an absent body as {}', async () => {
    const api = await start();
    const rollback = await api.call({ method: 'POST', path: '/api/skills/custom-water-tracker/rollback' });
    expect(rollback.status).toBe(400);
    expect(errorOf(rollback).details).toEqual(["body must have required property 'version'"]);
    const patch = await api.call({ method: 'PATCH', path: '/api/skills/custom-water-tracker', body: {} });
    expect(errorOf(patch).details).toEqual(['body must NOT have fewer than 1 properties']);
    const text = await api.call({ method: 'POST', path: '/api/skills/generate', body: { text: 'x'.repeat(501) } });
    expect(errorOf(text).details).toContain('body/text must NOT have more than 500 characters');
  });

  it('checks path parameters too', async () => {
    const api = await start();
    const reply = await api.call({ path: '/api/skills/%2e%2e%2fetc' });
    expect(reply.status).toBe(400);
    expect(errorOf(reply).details).toEqual(['path/id must match pattern "^[A-Za-z0-9][A-Za-z0-9-]*$"']);
  });

  it('refuses a body declared larger than the limit with 413 before reading any of it', async () => {
    const api = await start();
    const body = Buffer.alloc(LIMIT + 1, 0x20);
    const { response, sent, closedByServer } = await rawPost(api, ['Content-Type: application/json', `Content-Length: ${body.length}`], body, 0);
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toMatch(/connection: close/i);
    expect(response).toContain('"code":"body-too-large"');
    expect(sent).toBe(0);
    expect(closedByServer).toBe(true);
    expect(api.fake.calls).toEqual([]);
  });

  it('stops reading a chunked body once it passes the limit, answers 413 and hangs up', async () => {
    const api = await start();
    // A 1 MB chunk is announced but only a little past the limit is sent: a server that read
    // bodies to the end would still be waiting for the rest.
    const body = Buffer.alloc(1024 * 1024, 0x20);
    const chunked = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    const { response, sent, closedByServer } = await rawPost(api, ['Content-Type: application/json', 'Transfer-Encoding: chunked'], chunked, LIMIT + 16 * 1024);
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toContain('"code":"body-too-large"');
    expect(closedByServer).toBe(true);
    expect(sent).toBe(LIMIT + 16 * 1024);
    expect(api.fake.calls).toEqual([]);
  });

  it('refuses anything but uncompressed UTF-8 JSON with 415', async () => {
    const api = await start();
    const cases: Record<string, string>[] = [
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      { 'Content-Type': 'application/json; charset=latin1' },
      { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      {},
    ];
    for (const headers of cases) {
      const reply = await api.call({ method: 'POST', path: '/api/skills/generate', body: '{"text":"Keep a journal of my mood"}', headers });
      expect(reply.status, JSON.stringify(headers)).toBe(415);
      expect(errorOf(reply).code).toBe('unsupported-media-type');
    }
    const fine = await api.call({ method: 'POST', path: '/api/skills/generate', body: '{"text":"Keep a journal of my mood"}', headers: { 'Content-Type': 'Application/JSON; charset="UTF-8"' } });
    expect(fine.status).toBe(201);
  });

  it('answers an unknown route with 404 and a wrong method with 405 and Allow', async () => {
    const api = await start();
    for (const path of ['/api/skill', '/api/skills/', '/api/skills/custom-water-tracker/versions', '/', '/api/healthz']) {
      const reply = await api.call({ path });
      expect(reply.status, path).toBe(404);
      expect(errorOf(reply).code).toBe('unknown-route');
    }
    const generate = await api.call({ path: '/api/skills/generate' });
    expect(generate.status).toBe(405);
    expect(generate.headers.allow).toBe('POST');
    const put = await api.call({ method: 'PUT', path: '/api/skills/custom-water-tracker', body: {} });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, PATCH, DELETE');
    expect(errorOf(put).message.en).toContain('GET or PATCH or DELETE');
  });

  it('refuses a body where a route takes none', async () => {
    const api = await start();
    const reply = await api.call({ method: 'DELETE', path: '/api/skills/custom-water-tracker', body: { archived: false } });
    expect(reply.status).toBe(400);
    expect(errorOf(reply).code).toBe('body-not-allowed');
    expect(api.fake.skill('custom-water-tracker').status).toBe('active');
  });

  it('puts the message in the language the caller prefers, both always in error.message', async () => {
    const api = await start();
    const polish = await api.call({ path: '/api/skills/custom-nothing', headers: { 'Accept-Language': 'pl-PL,pl;q=0.9,en;q=0.8' } });
    expect((polish.json as { message: string }).message).toBe('Nie ma skilla „custom-nothing”.');
    const english = await api.call({ path: '/api/skills/custom-nothing', headers: { 'Accept-Language': 'de, en;q=0.5, pl;q=0.4' } });
    expect((english.json as { message: string }).message).toBe('There is no skill “custom-nothing”.');
    expect(errorOf(english).message).toEqual({ en: 'There is no skill “custom-nothing”.', pl: 'Nie ma skilla „custom-nothing”.' });
  });

  it('answers an unexpected failure with a bare 500 and reports it to the log only', async () => {
    const logged: unknown[] = [];
    const api = await start({ onError: (error) => logged.push(error) });
    api.fake.failNextExecution(new Error('SQLITE_CORRUPT at /home/owner/.config/Skill Foundry/foundry.db'));
    const reply = await api.call({ method: 'POST', path: '/api/skills/execute', body: { slug: 'custom-water-tracker', action: 'log_water' } });
    expect(reply.status).toBe(500);
    expect(errorOf(reply).code).toBe('internal');
    expect(reply.text).not.toMatch(/SQLITE|home|foundry\.db|at /);
    expect(logged).toHaveLength(1);
  });
});
