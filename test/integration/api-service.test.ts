// The assistant's local API over the real skill service: it can ask for skills and run approved
// ones, and can only ever ask the owner for a review.
import { beforeEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../main/engine.ts';
import { createApiServer } from '../../main/api/server.ts';
import { createServiceBackend } from '../../main/api/service-backend.ts';
import { createApiTokenService } from '../../main/skills/approval/api-token.ts';
import { createPassphraseSecretBox } from '../../main/skills/approval/secret-box.ts';
import { createAuthorizer } from '../../main/skills/rbac/authorize.ts';
import { loadRbacPolicy } from '../../main/skills/rbac/roles.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
let engine: Engine;
let call: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

beforeEach(async (context) => {
  engine = openEngine({ dataDir: tempDir(), log: { rejected() {}, failed() {} }, env: {} });
  const tokens = createApiTokenService({ repo: engine.store.approvalSecurity, box: createPassphraseSecretBox('correct horse battery'), audit: engine.store.auditLog });
  const token = await tokens.rotate('owner');
  const server = await createApiServer({
    backend: createServiceBackend(engine.service),
    tokens,
    authorize: createAuthorizer(loadRbacPolicy(), engine.store.auditLog).authorize,
    port: 0,
  });
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
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
});

describe('the assistant’s API over the skill service', () => {
  it('generates a pending skill, can only request its review, and cannot run it before the owner approves', async () => {
    const generated = await call('POST', '/api/skills/generate', { text: 'log my coffee' });
    expect(generated.status).toBe(201);
    expect(generated.body).toMatchObject({ version: '1.0.0', disclosure: { en: expect.stringContaining('wants to') } });
    const slug = (generated.body.skill as { slug: string }).slug;

    const review = await call('POST', `/api/skills/${slug}/approve`, { note: 'please' });
    expect(review.status).toBe(202);
    expect(engine.service.reviewRequests('open')).toHaveLength(1);
    expect(engine.store.skills.pendingReviews()).toHaveLength(1);

    const run = await call('POST', '/api/skills/execute', { slug, action: 'getData', params: {} });
    expect(run.status).toBeGreaterThanOrEqual(400);
    expect(engine.store.skills.list()[0]).toMatchObject({ status: 'pending', activeVersion: null });
  });

  it('runs a built-in mod, and refuses params its schema refuses', async () => {
    const ok = await call('POST', '/api/skills/execute', { slug: 'sleep-tracker', action: 'getActions', params: {} });
    expect(ok.status).toBe(200);
    const bad = await call('POST', '/api/skills/execute', { slug: 'sleep-tracker', action: 'log_sleep', params: { hours: 'many' } });
    expect(bad.status).toBe(400);
  });

  it('answers a sentence that is not a skill request, an unknown skill and a description change clearly', async () => {
    expect((await call('POST', '/api/skills/generate', { text: 'What is the weather like?' })).status).toBe(400);
    expect((await call('GET', '/api/skills/custom-nothing')).status).toBe(404);
    const generated = await call('POST', '/api/skills/generate', { text: 'log my coffee' });
    const slug = (generated.body.skill as { slug: string }).slug;
    const patch = await call('PATCH', `/api/skills/${slug}`, { description: 'better' });
    expect(patch).toMatchObject({ status: 400, body: { error: { code: 'description-read-only' } } });
  });
});
