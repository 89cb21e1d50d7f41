// The assistant's way into the marketplace over the local API, on the real skill service: a
// file:// registry built in a temporary folder (signed bundles, the index the publisher builds).
// The assistant searches, inspects and requests an install; the version waits in the review queue
// as requested by it, counts as one of its proposals, and only the owner's two factors deploy it.
import { describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../main/engine.ts';
import { createApiServer } from '../../main/api/server.ts';
import { createServiceBackend } from '../../main/api/service-backend.ts';
import { MARKET_INSTALL_SCHEMA, MARKET_LISTING_SCHEMA, MARKET_SEARCH_SCHEMA } from '../../main/api/schemas.ts';
import { createApiTokenService } from '../../main/skills/approval/api-token.ts';
import { createPassphraseSecretBox } from '../../main/skills/approval/secret-box.ts';
import { createAuthorizer } from '../../main/skills/rbac/authorize.ts';
import { loadRbacPolicy } from '../../main/skills/rbac/roles.ts';
import type { OwnerNotice } from '../../main/skills/service.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { expectSchema, request, type Reply } from '../unit/api/harness.ts';
import { fileRegistry } from '../unit/marketplace/market-fixtures.ts';

const tempDir = useTempDir('foundry-market-api-');
const SLUG = 'custom-water-tracker';

const registry = () => fileRegistry(tempDir());

interface Api {
  engine: Engine;
  notices: OwnerNotice[];
  call(method: string, path: string, body?: unknown): Promise<Reply>;
}

async function openApi(context: { onTestFinished(fn: () => Promise<void>): void }, settings: Record<string, unknown>): Promise<Api> {
  const notices: OwnerNotice[] = [];
  const engine = openEngine({ dataDir: tempDir(), log: { rejected() {}, failed() {} }, env: {}, notifyOwner: (n) => notices.push(n) });
  for (const [key, value] of Object.entries(settings)) engine.config.set(key, value as never, 'owner');
  const tokens = createApiTokenService({ repo: engine.store.approvalSecurity, box: createPassphraseSecretBox('correct horse battery'), audit: engine.store.auditLog });
  const token = await tokens.rotate('owner');
  const server = await createApiServer({
    backend: createServiceBackend(engine.service),
    tokens,
    authorize: createAuthorizer(loadRbacPolicy(), engine.store.auditLog).authorize,
    port: 0,
    limits: { burst: 1000 },
  });
  context.onTestFinished(async () => {
    await server.close();
    await engine.close();
  });
  return { engine, notices, call: (method, p, body) => request(server.url, { method, path: p, ...(body === undefined ? {} : { body }) }, token) };
}

const errorCode = (reply: Reply) => (reply.json as { error: { code: string } }).error.code;

describe('the assistant and the marketplace, over the local API', () => {
  it('finds a listing, sees it checked here, and requests it: the version waits in the review queue as requested by the assistant', async (context) => {
    const api = await openApi(context, { 'skills.marketplace.enabled': true, 'skills.marketplace.registryUrl': await registry() });

    const found = await api.call('GET', '/api/market?query=water');
    expect(found.status).toBe(200);
    expectSchema(MARKET_SEARCH_SCHEMA, found.json);
    expect(found.json).toMatchObject({ listings: [{ id: `${SLUG}@1.0.0`, installedVersion: null }], registries: [{ ok: true, listings: 2 }] });
    const everything = await api.call('GET', '/api/market');
    expect((everything.json as { listings: unknown[] }).listings).toHaveLength(2);
    const categories = (everything.json as { categories: string[] }).categories;
    const byCategory = await api.call('GET', `/api/market?category=${encodeURIComponent(categories[0]!)}`);
    expect((byCategory.json as { listings: { category: string }[] }).listings.every((l) => l.category === categories[0])).toBe(true);

    const shown = await api.call('GET', `/api/market/${SLUG}@1.0.0`);
    expect(shown.status).toBe(200);
    expectSchema(MARKET_LISTING_SCHEMA, shown.json);
    expect(shown.json).toMatchObject({ problem: null, localAudit: { verdict: 'pass' } });
    expect(api.engine.store.versions.listForSkill(SLUG)).toEqual([]);

    const requested = await api.call('POST', '/api/market/install', { id: SLUG });
    expect(requested.status).toBe(201);
    expectSchema(MARKET_INSTALL_SCHEMA, requested.json);
    expect(requested.json).toMatchObject({ status: 'waiting-for-owner-approval', version: '1.0.0', skill: { slug: SLUG, status: 'pending', activeVersion: null } });
    expect(requested.headers.location).toBe(`/api/skills/${(requested.json as { skill: { id: string } }).skill.id}`);
    expect(api.engine.service.reviewRequests()).toEqual([expect.objectContaining({ requestedBy: 'assistant', note: expect.stringContaining('requested by your assistant') })]);
    expect(api.notices.find((n) => n.kind === 'pending-review')?.body.en).toContain('requested by the assistant');

    // Nothing of it runs before the owner's two factors.
    const run = await api.call('POST', '/api/skills/execute', { slug: SLUG, action: 'getData', params: {} });
    expect(run.status).toBe(403);
  });

  it('counts each install request as one of the assistant’s proposals: 429 with Retry-After once they are used up, and nothing more is queued', async (context) => {
    const api = await openApi(context, { 'skills.marketplace.enabled': true, 'skills.marketplace.registryUrl': await registry(), 'skills.learning.maxProposedPerDay': 1 });
    expect((await api.call('POST', '/api/market/install', { id: SLUG })).status).toBe(201);

    const refused = await api.call('POST', '/api/market/install', { id: 'custom-coffee-counter' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(api.engine.store.versions.listForSkill('custom-coffee-counter')).toEqual([]);
  });

  it('refuses clearly while the owner keeps the marketplace off, and for a listing no registry has, fetching nothing', async (context) => {
    const off = await openApi(context, {});
    for (const [method, p, body] of [['GET', '/api/market'], ['GET', `/api/market/${SLUG}`], ['POST', '/api/market/install', { id: SLUG }]] as const) {
      const reply = await off.call(method, p, body);
      expect(reply.status, `${method} ${p}`).toBe(403);
      expect(errorCode(reply)).toBe('marketplace/disabled');
      expect((reply.json as { error: { message: { pl: string } } }).error.message.pl).toMatch(/^Marketplace jest wyłączony/);
    }
    expect(off.engine.store.versions.listForSkill(SLUG)).toEqual([]);

    const on = await openApi(context, { 'skills.marketplace.enabled': true, 'skills.marketplace.registryUrl': await registry() });
    const missing = await on.call('POST', '/api/market/install', { id: 'custom-tea-log' });
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('listing/not-found');
    const malformed = await on.call('GET', '/api/market/..%2Fetc');
    expect(malformed.status).toBe(400);
  });
});
