import { describe, expect, it } from 'vitest';
import { errorOf, useApi } from './harness.ts';

const start = useApi();
const SKILL = '/api/skills/custom-water-tracker';

describe('the local API: bearer token', () => {
  it('refuses a request without a token with 401, WWW-Authenticate: Bearer and a bilingual hint', async () => {
    const api = await start();
    const reply = await api.call({ path: SKILL, token: null });
    expect(reply.status).toBe(401);
    expect(reply.headers['www-authenticate']).toBe('Bearer realm="skill-foundry"');
    expect(errorOf(reply)).toMatchObject({ code: 'token-missing', message: { en: expect.stringContaining('foundry token show'), pl: expect.stringContaining('foundry token show') } });
    expect(api.fake.calls).toEqual([]);
  });

  it('refuses a wrong token, another scheme, or a malformed header', async () => {
    const api = await start();
    for (const authorization of [`Bearer ${'A'.repeat(43)}`, `Basic ${Buffer.from(`x:${api.token}`).toString('base64')}`, 'Bearer', `Bearer ${api.token} extra`, `Bearer ${api.token}x`]) {
      const reply = await api.call({ path: SKILL, token: null, headers: { Authorization: authorization } });
      expect(reply.status, authorization).toBe(401);
      expect(errorOf(reply).code).toBe('token-invalid');
      expect(reply.headers['www-authenticate']).toBe('Bearer realm="skill-foundry", error="invalid_token"');
    }
    expect(api.fake.calls).toEqual([]);
  });

  it('accepts the scheme in any case', async () => {
    const api = await start();
    const reply = await api.call({ path: SKILL, token: null, headers: { Authorization: `bearer ${api.token}` } });
    expect(reply.status).toBe(200);
  });

  it('stops accepting a token the moment the owner rotates it', async () => {
    const api = await start();
    expect((await api.call({ path: SKILL })).status).toBe(200);
    const next = await api.tokens.rotate('owner');
    const old = await api.call({ path: SKILL });
    expect(old.status).toBe(401);
    expect(errorOf(old).code).toBe('token-invalid');
    expect((await api.call({ path: SKILL, token: next })).status).toBe(200);
  });

  it('never shows the token or internals in an error', async () => {
    const api = await start();
    const reply = await api.call({ path: SKILL, token: `${api.token}x` });
    expect(reply.text).not.toContain(api.token);
  });
});
