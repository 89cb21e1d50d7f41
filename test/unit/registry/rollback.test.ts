import { beforeEach, describe, expect, it } from 'vitest';
import { createSkillService } from '../../../main/skills/service.ts';
import { versionContentHash } from '../../../main/skills/registry/content-hash.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { changedGoalGenerator, openFlow, rejection, thrown, type Flow } from './flow-fixtures.ts';

const tempDir = useTempDir();
const SLUG = 'custom-water-tracker';

let flow: Flow;
let v1: SkillVersionRecord;
let v2: SkillVersionRecord;
beforeEach(async (context) => {
  flow = await openFlow(tempDir());
  context.onTestFinished(() => flow.close());
  v1 = await flow.approvedWaterTracker();
  v2 = await flow.approvedWaterTracker(changedGoalGenerator);
  flow.prompts.length = 0;
});

const running = () => flow.engine.store.versions.active(SLUG)?.version;

describe('rollback', () => {
  it('re-activates a previously approved version with the check on this computer alone, audited', async () => {
    expect(running()).toBe('1.1.0');
    const totpChecks = () => flow.events().filter((e) => e.event.startsWith('totp.')).length;
    const before = totpChecks();

    const back = await flow.service.rollback('owner', SLUG, '1.0.0');
    expect(back).toMatchObject({ id: v1.id, version: '1.0.0', status: 'approved' });
    expect(running()).toBe('1.0.0');
    expect(flow.prompts).toEqual([{ en: expect.stringContaining('custom-water-tracker@v1.0.0'), pl: expect.stringContaining('custom-water-tracker@v1.0.0') }]);
    expect(totpChecks()).toBe(before);
    expect(flow.events().at(-1)).toMatchObject({
      event: 'skill.rolled-back', actor: 'owner', versionId: v1.id, contentSha256: v1.contentSha256,
      data: { from: '1.1.0', fromVersionId: v2.id, to: '1.0.0', factors: [{ factor: 'biometric', provider: 'test', ok: true }] },
    });
    // Forward again works the same way, and the skill runs the old code.
    expect(await flow.service.execute('owner', SLUG, 'getData')).toMatchObject({ result: { goal: 2000 } });
    await flow.service.rollback('owner', SLUG, 'v1.1.0');
    expect(await flow.service.execute('owner', SLUG, 'getData')).toMatchObject({ result: { goal: 2500 } });
    expect(flow.engine.store.auditLog.verify().ok).toBe(true);
  });

  it('is refused when the old version’s stored content no longer hashes to the approved hash', async () => {
    flow.engine.store.db.prepare("UPDATE exo_skill_versions SET code = code || '\n// tampered' WHERE id = ?").run(v1.id);
    expect(await rejection(flow.service.rollback('owner', SLUG, '1.0.0'))).toMatchObject({ code: 'conflict', reason: 'content-changed', status: 409 });
    // Even with a matching hash written beside it: the hash that was approved is what counts.
    const edited = flow.engine.store.versions.get(v1.id)!;
    flow.engine.store.db.prepare('UPDATE exo_skill_versions SET content_sha256 = ? WHERE id = ?').run(versionContentHash(edited), v1.id);
    expect(await rejection(flow.service.rollback('owner', SLUG, '1.0.0'))).toMatchObject({ reason: 'content-changed' });
    expect(flow.prompts).toEqual([]);
    expect(running()).toBe('1.1.0');
    expect(flow.events().at(-1)).toMatchObject({ event: 'rollback.refused', data: { code: 'content-changed' } });
  });

  it('is refused to the assistant, when the check on this computer says no, and for versions never approved', async () => {
    expect(await rejection(flow.service.rollback('assistant', SLUG, '1.0.0'))).toMatchObject({ code: 'forbidden', status: 403 });
    flow.biometric.setting = 'deny';
    expect(await rejection(flow.service.rollback('owner', SLUG, '1.0.0'))).toMatchObject({ code: 'refused', reason: 'biometric-failed', status: 401 });
    flow.biometric.setting = 'none';
    expect(await rejection(flow.service.rollback('owner', SLUG, '1.0.0'))).toMatchObject({ code: 'unavailable', reason: 'no-biometric' });
    flow.biometric.setting = 'approve';
    expect(await rejection(flow.service.rollback('owner', SLUG, '1.1.0'))).toMatchObject({ code: 'conflict', reason: 'already-active' });
    expect(await rejection(flow.service.rollback('owner', SLUG, '9.9.9'))).toMatchObject({ code: 'not-found' });
    expect(await rejection(flow.service.rollback('owner', 'custom-unknown', '1.0.0'))).toMatchObject({ code: 'not-found' });

    const pending = await flow.pendingWaterTracker();
    flow.service.reject('owner', { versionId: pending.id, reason: 'not now' });
    expect(await rejection(flow.service.rollback('owner', SLUG, pending.version))).toMatchObject({ code: 'conflict', reason: 'not-approved' });
    expect(running()).toBe('1.1.0');
  });

  it('needs the app: without a check on this computer (the command line) it is unavailable', async () => {
    const cli = createSkillService({ store: flow.engine.store, skills: flow.engine.skills });
    expect(await rejection(cli.rollback('owner', SLUG, '1.0.0'))).toMatchObject({ code: 'unavailable', reason: 'factors-unavailable', status: 503 });
    expect(running()).toBe('1.1.0');
  });
});

describe('rollback requests', () => {
  it('only file a request and notify the owner; the owner’s rollback closes it', async () => {
    const request = flow.service.requestRollback('assistant', SLUG, '1.0.0', 'the old goal suited me better');
    expect(request).toMatchObject({ kind: 'rollback', slug: SLUG, versionId: v1.id, version: '1.0.0', requestedBy: 'assistant', status: 'open' });
    expect(running()).toBe('1.1.0');
    expect(flow.notices.at(-1)).toMatchObject({ kind: 'rollback-requested', requestId: request.id, title: { en: expect.stringContaining('Śledzenie: woda') } });
    expect(flow.events().at(-1)).toMatchObject({ event: 'review.requested', actor: 'assistant', versionId: v1.id, data: { kind: 'rollback', requestId: request.id } });

    // Asking again adds nothing.
    expect(flow.service.requestRollback('assistant', SLUG, '1.0.0')).toMatchObject({ id: request.id });
    expect(flow.service.reviewRequests('open')).toHaveLength(1);

    await flow.service.rollback('owner', SLUG, '1.0.0');
    expect(flow.service.reviewRequests()).toEqual([expect.objectContaining({ id: request.id, status: 'closed', resolution: 'rolled-back', closedBy: 'owner' })]);
  });

  it('are refused for versions that could not be rolled back to, and to the scheduler', async () => {
    expect(thrown(() => flow.service.requestRollback('assistant', SLUG, '1.1.0'))).toMatchObject({ code: 'conflict', reason: 'already-active' });
    expect(thrown(() => flow.service.requestRollback('assistant', SLUG, '3.0.0'))).toMatchObject({ code: 'not-found' });
    expect(thrown(() => flow.service.requestRollback('scheduler', SLUG, '1.0.0'))).toMatchObject({ code: 'forbidden' });
    expect(thrown(() => flow.service.requestRollback('assistant', SLUG, '1.0.0', 'x'.repeat(501)))).toMatchObject({ code: 'bad-request' });
    expect(flow.service.reviewRequests()).toEqual([]);
  });
});
