// The marketplace end to end on the real engine: a publisher approves a skill, packs and signs it,
// builds a registry index; an owner's app installs it from a static HTTPS host on 127.0.0.1 (through
// the HTTP guard, with the test seam that lets loopback through) and from a file:// folder. Every
// install ends as a pending version that only the owner's two factors deploy; revocations, a changed
// publisher key, a tampered bundle and the assistant's limits are seen as the owner would see them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../main/skills/http/index.ts';
import { createSkillService, type OwnerNotice } from '../../main/skills/service.ts';
import { buildRegistryIndex, INDEX_FILE, packApprovedVersion, SIGNATURE_EXTENSION } from '../../main/skills/marketplace/index.ts';
import { CHECK_INTERVAL_MS, FIRST_CHECK_AFTER_MS } from '../../main/skills/marketplace/market-checks.ts';
import type { SchedulerClock } from '../../main/skills/scheduler/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { testClock } from '../unit/scheduler/scheduler-clock.ts';
import { TEST_CERT, useServers } from '../unit/http/servers.ts';
import { openFlow, rejection, type Flow } from '../unit/registry/flow-fixtures.ts';
import { newPublisher, publish, water, type Publisher } from '../unit/marketplace/market-fixtures.ts';

const tempDir = useTempDir('foundry-market-');
const startServer = useServers();
const SLUG = 'custom-water-tracker';
const flows: Flow[] = [];
afterEach(async () => {
  await Promise.all(flows.splice(0).map((f) => f.close()));
});

async function flowAt(): Promise<Flow> {
  const flow = await openFlow(tempDir());
  flows.push(flow);
  return flow;
}

/** A publisher's registry folder: their approved water tracker, packed, signed and indexed. */
async function publishedRegistry(publisher: Publisher): Promise<string> {
  const studio = await flowAt();
  await studio.approvedWaterTracker();
  const packed = await packApprovedVersion(studio.engine.store, SLUG, undefined, publisher.secret);
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, packed.fileName), packed.archive);
  fs.writeFileSync(path.join(dir, `${packed.fileName}${SIGNATURE_EXTENSION}`), packed.signature);
  await reindex(dir, publisher);
  return dir;
}

async function reindex(dir: string, publisher: Publisher, name = 'Demo Publisher'): Promise<void> {
  const { index, refused } = await buildRegistryIndex(dir, { name, key: publisher.public }, new Date('2026-12-01T00:00:00Z'));
  expect(refused).toEqual([]);
  fs.writeFileSync(path.join(dir, INDEX_FILE), JSON.stringify(index));
}

/** A static host for `dir` on 127.0.0.1 (TLS, ETag, 304), as a CDN or GitHub Pages would serve it. */
async function staticHost(dir: string) {
  return startServer((request, response) => {
    const file = path.join(dir, path.basename(decodeURIComponent(new URL(request.url, 'https://localhost').pathname)));
    if (!fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const body = fs.readFileSync(file);
    const etag = `"${crypto.createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) response.writeHead(304, { etag }).end();
    else response.writeHead(200, { etag, 'content-type': 'application/octet-stream' }).end(body);
  }, { tls: true });
}

/** The owner's app: the marketplace on, the given registries, the guard that reaches 127.0.0.1. */
function ownerApp(flow: Flow, registries: string, options: { autoUpdate?: boolean; clock?: SchedulerClock } = {}) {
  const notices: OwnerNotice[] = [];
  const { engine } = flow;
  engine.config.set('skills.marketplace.enabled', true, 'owner');
  engine.config.set('skills.marketplace.registryUrl', registries, 'owner');
  if (options.autoUpdate) engine.config.set('skills.marketplace.autoUpdate', true, 'owner');
  const service = createSkillService({
    store: engine.store, skills: engine.skills, factors: flow.factors, config: engine.config, locale: () => 'en', notifyOwner: (n) => notices.push(n),
    marketHttpClient: createHttpClient({ testing: { allowLoopback: true, ca: TEST_CERT } }),
    ...(options.clock ? { scheduleClock: options.clock } : {}),
  });
  return { service, notices };
}

describe('installing from a registry on a static HTTPS host', () => {
  it('the assistant finds a skill and requests it; it waits in the review queue until the owner approves with both factors, then runs', async () => {
    const publisher = newPublisher();
    const dir = await publishedRegistry(publisher);
    const host = await staticHost(dir);
    const owner = await flowAt();
    const { service, notices } = ownerApp(owner, `https://localhost:${host.port}/`);

    const found = await service.searchMarket('assistant', 'water');
    expect(found.registries).toEqual([expect.objectContaining({ ok: true, stale: false, listings: 1 })]);
    expect(found.listings).toEqual([expect.objectContaining({ id: `${SLUG}@1.0.0`, installedVersion: null, revoked: false })]);
    expect(found.listings[0]!.trust.signals.find((s) => s.id === 'publisher')?.text.en).toContain('A publisher new to you: "Demo Publisher"');

    const shown = await service.showMarketListing('owner', SLUG);
    expect(shown.problem).toBeNull();
    expect(shown.trust.signals.map((s) => [s.id, s.verdict])).toEqual(expect.arrayContaining([['signature', 'good'], ['audit', 'good']]));
    expect(owner.engine.store.versions.listForSkill(SLUG)).toEqual([]);

    const requested = await service.installFromMarket('assistant', SLUG);
    expect(requested).toMatchObject({ outcome: 'pending', reason: null });
    expect(requested.listing.trust.signals.find((s) => s.id === 'publisher')).toMatchObject({ verdict: 'good', text: { en: `The same key as when you first installed from "Demo Publisher" (${publisher.public.fingerprint}).` } });
    const pending = owner.engine.store.versions.get(requested.versionId!)!;
    expect(pending).toMatchObject({ status: 'pending', version: '1.0.0' });
    expect(requested.pipeline.steps.map((s) => [s.step, s.status])).toEqual([['generate', 'ok'], ['audit', 'ok'], ['dry-run', 'ok'], ['disclose', 'ok'], ['submit', 'ok']]);
    expect(notices.map((n) => n.kind)).toEqual(['pending-review', 'review-requested']);
    expect(notices[0]!.body.en).toContain('requested by the assistant');
    expect(service.reviewRequests()).toEqual([expect.objectContaining({ requestedBy: 'assistant', note: expect.stringContaining('requested by your assistant') })]);
    expect(service.marketPublishers('owner')).toEqual([expect.objectContaining({ name: 'Demo Publisher', fingerprint: publisher.public.fingerprint, trusted: false })]);

    // Nothing runs before approval, and the assistant cannot approve.
    expect(await rejection(service.execute('assistant', SLUG, 'getData'))).toMatchObject({ code: 'forbidden' });
    expect(await rejection(service.approve('assistant', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await owner.nextCode() })))
      .toMatchObject({ code: 'forbidden' });

    await service.approve('owner', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await owner.nextCode() });
    await service.execute('assistant', SLUG, 'log_water', { amount_ml: 300 });
    expect(await service.execute('owner', SLUG, 'getData')).toMatchObject({ result: { total_ml: 300 } });

    // The index is asked again with its ETag (304), and browsing works offline from the cache.
    await service.searchMarket('owner');
    expect(host.requests.filter((r) => r.url === '/index.json').at(-1)?.headers['if-none-match']).toMatch(/^"/);
    fs.rmSync(path.join(dir, INDEX_FILE));
    const offline = await service.searchMarket('owner');
    expect(offline.registries[0]).toMatchObject({ ok: true, stale: true });
    expect(offline.listings[0]).toMatchObject({ id: `${SLUG}@1.0.0`, installedVersion: '1.0.0' });
  });

  it('a bundle changed on the host after it was indexed is refused, and nothing waits for review', async () => {
    const publisher = newPublisher();
    const dir = await publishedRegistry(publisher);
    const bundle = path.join(dir, `${SLUG}-1.0.0.skill`);
    const bytes = fs.readFileSync(bundle);
    bytes[bytes.length - 20]! ^= 0x01;
    fs.writeFileSync(bundle, bytes);
    const host = await staticHost(dir);
    const owner = await flowAt();
    const { service } = ownerApp(owner, `https://localhost:${host.port}`);
    const refused = await rejection(service.installFromMarket('owner', SLUG));
    expect(refused).toMatchObject({ code: 'conflict', reason: 'signature/invalid' });
    expect(refused.userMessage.en).toMatch(/SHA-256 differs/);
    expect(owner.engine.store.versions.listForSkill(SLUG)).toEqual([]);
    expect((await service.showMarketListing('owner', SLUG)).trust).toMatchObject({ score: 0 });
  });
});

describe('a file:// registry', () => {
  it('installs, then offers a newer version from the same publisher; with autoUpdate it waits for review while the old one keeps running', async () => {
    const publisher = newPublisher();
    const dir = await publishedRegistry(publisher);
    const owner = await flowAt();
    const { service } = ownerApp(owner, pathToFileURL(dir).href, { autoUpdate: true });

    const installed = await service.installFromMarket('owner', `${SLUG}@1.0.0`);
    const v1 = owner.engine.store.versions.get(installed.versionId!)!;
    await service.approve('owner', { versionId: v1.id, shownContentSha256: v1.contentSha256, totpCode: await owner.nextCode() });
    expect(await service.marketUpdates('owner')).toEqual([]);

    const next = water();
    await publish(dir, { ...next, code: next.code.replaceAll('2000', '2500') }, '1.1.0', publisher);
    await reindex(dir, publisher);
    const listed = await service.marketUpdates('owner');
    expect(listed).toEqual([expect.objectContaining({ slug: SLUG, installedVersion: '1.0.0', available: expect.objectContaining({ version: '1.1.0' }), queuedVersionId: null })]);

    const fetched = await service.marketUpdates('owner', { fetch: true });
    const queued = owner.engine.store.versions.get(fetched[0]!.queuedVersionId!)!;
    expect(queued).toMatchObject({ status: 'pending', version: '1.1.0' });
    expect(queued.disclosure).toMatchObject({ changes: { previousVersion: '1.0.0' } });
    expect(owner.engine.store.versions.active(SLUG)?.version).toBe('1.0.0');
    expect(await service.execute('owner', SLUG, 'getData')).toMatchObject({ result: { goal: 2000 } });
    // Asking again does not queue it twice.
    expect((await service.marketUpdates('owner', { fetch: true }))[0]!.queuedVersionId).toBeNull();
  });

  it('a bundle the registry revokes is disabled on this computer, and the owner is told', async () => {
    const publisher = newPublisher();
    const dir = await publishedRegistry(publisher);
    const owner = await flowAt();
    const { service, notices } = ownerApp(owner, pathToFileURL(dir).href);
    const installed = await service.installFromMarket('owner', SLUG);
    const v1 = owner.engine.store.versions.get(installed.versionId!)!;
    await service.approve('owner', { versionId: v1.id, shownContentSha256: v1.contentSha256, totpCode: await owner.nextCode() });

    const index = JSON.parse(fs.readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as { listings: { sha256: string }[] };
    fs.writeFileSync(path.join(dir, 'revocations.json'), JSON.stringify({ bundles: [index.listings[0]!.sha256], keys: [] }));
    await reindex(dir, publisher);

    const found = await service.searchMarket('owner');
    expect(found.listings[0]).toMatchObject({ revoked: true, trust: { score: 0 } });
    expect(service.getSkill('owner', SLUG).skill.status).toBe('archived');
    expect(notices.at(-1)).toMatchObject({ kind: 'skill-revoked', skillSlug: SLUG });
    expect(notices.at(-1)!.title.pl).toBe('Unieważniony przez rejestr: Śledzenie: woda');
    expect(await rejection(service.execute('owner', SLUG, 'getData'))).toMatchObject({ code: 'conflict' });
    expect(await rejection(service.installFromMarket('owner', SLUG))).toMatchObject({ reason: 'listing/revoked' });
  });

  it('a known publisher name signing with another key is refused with a warning; the owner can trust or forget a pin', async () => {
    const publisher = newPublisher();
    const dir = await publishedRegistry(publisher);
    const owner = await flowAt();
    const { service } = ownerApp(owner, pathToFileURL(dir).href);
    await service.installFromMarket('owner', SLUG);

    const impostor = newPublisher();
    for (const file of fs.readdirSync(dir)) fs.rmSync(path.join(dir, file));
    await publish(dir, water(), '2.0.0', impostor);
    await reindex(dir, impostor, 'Demo Publisher');
    const refused = await rejection(service.installFromMarket('owner', SLUG));
    expect(refused).toMatchObject({ code: 'conflict', reason: 'publisher/key-changed' });
    expect(refused.userMessage.en).toContain(`"Demo Publisher" signed this bundle with a different key (${impostor.public.fingerprint})`);
    expect(owner.engine.store.versions.listForSkill(SLUG).filter((v) => v.version === '1.1.0')).toEqual([]);

    expect(await rejection(service.setMarketPublisherTrusted('assistant', 'Demo Publisher', true))).toMatchObject({ code: 'forbidden' });
    expect(await service.setMarketPublisherTrusted('owner', 'Demo Publisher', true)).toMatchObject({ trusted: true, fingerprint: publisher.public.fingerprint });
    await service.forgetMarketPublisher('owner', 'Demo Publisher');
    expect(service.marketPublishers('owner')).toEqual([]);
  });
});

describe('checks that run by themselves', () => {
  it('while the app runs, a newer version waits for review and a revoked bundle is disabled, without anyone opening the Marketplace', async () => {
    const publisher = newPublisher();
    const dir = await publishedRegistry(publisher);
    const owner = await flowAt();
    const start = Date.now();
    const clock = testClock(new Date(start).toISOString());
    const { service, notices } = ownerApp(owner, pathToFileURL(dir).href, { autoUpdate: true, clock });
    const installed = await service.installFromMarket('owner', SLUG);
    const v1 = owner.engine.store.versions.get(installed.versionId!)!;
    await service.approve('owner', { versionId: v1.id, shownContentSha256: v1.contentSha256, totpCode: await owner.nextCode() });
    const settle = () => service.marketChecks.idle();
    const checked = () => owner.engine.store.auditLog.page({ offset: 0, limit: 1000 }).items.filter((e) => e.event === 'market.checked');
    service.marketChecks.start();

    const next = water();
    await publish(dir, { ...next, code: next.code.replaceAll('2000', '2500') }, '1.1.0', publisher);
    await reindex(dir, publisher);
    await clock.advanceTo(new Date(start + FIRST_CHECK_AFTER_MS), settle);
    expect(owner.engine.store.versions.listForSkill(SLUG).map((v) => [v.version, v.status])).toEqual(expect.arrayContaining([['1.0.0', 'approved'], ['1.1.0', 'pending']]));
    expect(owner.engine.store.versions.active(SLUG)?.version).toBe('1.0.0');
    expect(checked()).toHaveLength(1);
    expect(checked()[0]!.data).toMatchObject({ queued: [`${SLUG}@1.1.0`] });

    const index = JSON.parse(fs.readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as { listings: { version: string; sha256: string }[] };
    fs.writeFileSync(path.join(dir, 'revocations.json'), JSON.stringify({ bundles: [index.listings.find((l) => l.version === '1.0.0')!.sha256], keys: [] }));
    await reindex(dir, publisher);
    await clock.advanceTo(new Date(start + FIRST_CHECK_AFTER_MS + CHECK_INTERVAL_MS), settle);
    expect(service.getSkill('owner', SLUG).skill.status).toBe('archived');
    expect(notices.filter((n) => n.kind === 'skill-revoked')).toEqual([expect.objectContaining({ skillSlug: SLUG })]);
    await service.marketChecks.stop();
  });

  it('records a registry it cannot read, and throws nothing', async () => {
    const owner = await flowAt();
    const start = Date.now();
    const clock = testClock(new Date(start).toISOString());
    const { service } = ownerApp(owner, pathToFileURL(path.join(tempDir(), 'missing')).href, { clock });
    service.marketChecks.start();
    await clock.advanceTo(new Date(start + FIRST_CHECK_AFTER_MS), () => service.marketChecks.idle());
    const [entry] = owner.engine.store.auditLog.page({ offset: 0, limit: 1000 }).items.filter((e) => e.event === 'market.checked');
    expect(entry!.data).toMatchObject({ registries: [{ ok: false, error: expect.any(String) }], queued: [] });
    await service.marketChecks.stop();
  });
});

describe('who may use the marketplace', () => {
  it('is off until the owner turns it on, and the scheduler may not browse it', async () => {
    const owner = await flowAt();
    const service = createSkillService({ store: owner.engine.store, skills: owner.engine.skills, config: owner.engine.config, locale: () => 'en' });
    const off = await rejection(service.searchMarket('owner'));
    expect(off).toMatchObject({ code: 'forbidden', reason: 'marketplace/disabled' });
    expect(off.userMessage.pl).toMatch(/^Marketplace jest wyłączony/);
    expect(await rejection(service.searchMarket('scheduler'))).toMatchObject({ code: 'forbidden' });
  });
});
