// Issue 14 §2 over the real skill service: the assistant can list what it may run, archiving
// answers what was archived, its proposals are limited per day, and a refusal to run an
// unapproved skill says plainly what to do.
import { beforeEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../main/engine.ts';
import { startLocalApi } from '../../main/api/local-api.ts';
import { createServiceBackend } from '../../main/api/service-backend.ts';
import { createApiTokenService } from '../../main/skills/approval/api-token.ts';
import { createPassphraseSecretBox } from '../../main/skills/approval/secret-box.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
let engine: Engine;
let call: (method: string, path: string, body?: unknown) => Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>;

beforeEach(async (context) => {
  engine = openEngine({ dataDir: tempDir(), log: { rejected() {}, failed() {} }, env: {} });
  const tokens = createApiTokenService({ repo: engine.store.approvalSecurity, box: createPassphraseSecretBox('correct horse battery'), audit: engine.store.auditLog });
  const token = await tokens.rotate('owner');
  const server = await startLocalApi(engine, { backend: createServiceBackend(engine.service), tokens, port: 0 });
  context.onTestFinished(async () => {
    await server.close();
    await engine.close();
  });
  call = async (method, path, body) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };
});

const slugOf = (generated: { body: Record<string, unknown> }) => (generated.body.skill as { slug: string }).slug;

describe('GET /api/skills', () => {
  it('lists the built-in mods with their actions and schemas, and a pending skill with its status only, page by page', async () => {
    const slug = slugOf(await call('POST', '/api/skills/generate', { text: 'log my coffee' }));

    const all = await call('GET', '/api/skills');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, offset: 0, limit: 50 });
    const [sleep, energy, pending] = all.body.skills as Record<string, unknown>[];
    expect(sleep).toMatchObject({ slug: 'sleep-tracker', builtin: true, runnable: true, actions: [{ slug: 'log_sleep', params_schema: { required: ['hours'] } }] });
    expect(energy).toMatchObject({ slug: 'energy-monitor', runnable: true });
    expect(pending).toEqual({ slug, name: expect.any(String), status: 'pending', runnable: false });

    const second = await call('GET', '/api/skills?offset=1&limit=1');
    expect(second.body).toMatchObject({ total: 3, offset: 1, limit: 1, skills: [{ slug: 'energy-monitor' }] });
  });

  it('refuses a query it does not take, naming the parameter', async () => {
    for (const query of ['limit=0', 'limit=101', 'offset=-1', 'limit=ten', 'page=2', 'limit=5&limit=6']) {
      const reply = await call('GET', `/api/skills?${query}`);
      expect(reply.status, query).toBe(400);
    }
    const unknown = await call('GET', '/api/skills?page=2');
    expect((unknown.body.error as { message: { en: string } }).message.en).toContain('page');
  });
});

describe('the assistant archiving a skill', () => {
  it('answers with the skill as archived, and afterwards no longer sees it', async () => {
    const slug = slugOf(await call('POST', '/api/skills/generate', { text: 'log my coffee' }));
    const archived = await call('DELETE', `/api/skills/${slug}`);
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ slug, status: 'archived', versions: [{ version: '1.0.0' }] });
    expect((await call('GET', `/api/skills/${slug}`)).status).toBe(404);
    expect((await call('DELETE', `/api/skills/${slug}`)).status).toBe(404);
  });

  it('answers the same through PATCH { archived: true }', async () => {
    const slug = slugOf(await call('POST', '/api/skills/generate', { text: 'log my coffee' }));
    expect(await call('PATCH', `/api/skills/${slug}`, { archived: true })).toMatchObject({ status: 200, body: { slug, status: 'archived' } });
  });
});

describe('the assistant’s proposals', () => {
  it('stop at skills.learning.maxProposedPerDay with 429 saying when the next is possible; the owner’s own requests go on', async () => {
    engine.config.set('skills.learning.maxProposedPerDay', 1, 'owner');
    expect((await call('POST', '/api/skills/generate', { text: 'log my coffee' })).status).toBe(201);

    const refused = await call('POST', '/api/skills/generate', { text: 'track my water' });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'daily-proposal-limit', message: { en: expect.stringContaining('The next proposal is possible after midnight, in '), pl: expect.stringContaining('po północy') } });
    const midnight = new Date();
    midnight.setHours(24, 0, 0, 0);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil((midnight.getTime() - Date.now()) / 1000) + 1);
    expect(engine.store.skills.list().map((s) => s.slug)).not.toContain('custom-water-tracker');

    const owners = await engine.service.generate('owner', 'track my water');
    expect(owners.outcome).toBe('pending');
  });
});

describe('running a skill that waits for its owner', () => {
  it('is refused in plain words', async () => {
    const slug = slugOf(await call('POST', '/api/skills/generate', { text: 'log my coffee' }));
    const run = await call('POST', '/api/skills/execute', { slug, action: 'getData' });
    expect(run.status).toBe(403);
    expect((run.body.error as { message: unknown }).message).toEqual({
      en: "This skill is waiting for its owner's approval; ask them to review it in Skill Foundry.",
      pl: 'Ten skill czeka na zatwierdzenie przez właściciela; poproś go, żeby go przejrzał w Skill Foundry.',
    });
  });
});
