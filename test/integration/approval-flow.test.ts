// The whole life of a skill through the skill service, on the real engine: a sentence becomes a
// pending water tracker (offline generator, real sandbox), the assistant cannot approve it and asks
// for a review, the owner approves with the authenticator code and the test biometric provider,
// the assistant runs it, a regenerated version is reviewed with its diff and deployed, rolled back,
// archived after 30 idle days, restored; a version nobody approves expires. The audit chain holds.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../shared/skills/disclosure.ts';
import { PENDING_TTL_MS } from '../../main/skills/pipeline.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { rawAuditText } from '../unit/approval/security-fixtures.ts';
import { changedGoalGenerator, DAY_MS, openFlow, rejection, type Flow } from '../unit/registry/flow-fixtures.ts';

const tempDir = useTempDir();
const SLUG = 'custom-water-tracker';

let flow: Flow;
beforeEach(async (context) => {
  flow = await openFlow(tempDir());
  context.onTestFinished(() => flow.close());
});

describe('a skill from request to archive', () => {
  it('is approved only by the owner with both factors, runs, is updated, rolled back, archived and restored — all audited', async () => {
    const { service, engine } = flow;
    const codes: string[] = [];
    const code = async () => {
      codes.push(await flow.nextCode());
      return codes.at(-1)!;
    };

    // 1. The assistant asks for a skill: it waits for the owner, disclosed.
    const generated = await service.generate('assistant', 'Chcę śledzić ile piję wody');
    if (generated.outcome !== 'pending') throw new Error('expected a pending version');
    const v1 = generated.version;
    expect(generated.disclosure.text.en).toContain("New skill 'Śledzenie: woda' wants to:");
    expect(flow.notices.map((n) => n.kind)).toEqual(['pending-review']);

    // 2. The assistant cannot approve it, not even with valid factors; it can only ask for a review.
    const forbidden = await rejection(service.approve('assistant', { versionId: v1.id, shownContentSha256: v1.contentSha256, totpCode: await code() }));
    expect(forbidden).toMatchObject({ code: 'forbidden', status: 403 });
    const review = service.requestReview('assistant', SLUG, 'please approve');
    expect(await rejection(service.execute('assistant', SLUG, 'log_water', { amount_ml: 250 }))).toMatchObject({ code: 'forbidden' });

    // 3. The owner approves with both factors: deployed, the review request closed.
    const approved = await service.approve('owner', { versionId: v1.id, shownContentSha256: v1.contentSha256, totpCode: await code() });
    expect(approved).toMatchObject({ status: 'approved', tag: `${SLUG}@v1.0.0` });
    expect(service.listSkills('assistant')).toEqual([expect.objectContaining({ slug: SLUG, status: 'active', activeVersion: '1.0.0' })]);
    expect(service.reviewRequests()).toEqual([expect.objectContaining({ id: review.id, status: 'closed', resolution: 'approved' })]);

    // 4. The assistant runs it: the write is kept, the use counted.
    await service.execute('assistant', SLUG, 'log_water', { amount_ml: 1200 });
    expect(await service.execute('assistant', SLUG, 'getData')).toMatchObject({ result: { total_ml: 1200, goal: 2000 } });
    expect(service.getSkill('owner', SLUG).skill.usageCount).toBe(2);

    // 5. Regenerated: a new version, reviewed with its diff against the running one.
    const regenerated = await service.generate('owner', 'Chcę śledzić ile piję wody');
    if (regenerated.outcome !== 'pending') throw new Error('expected a pending version');
    const v2 = regenerated.version;
    expect(v2.version).toBe('1.1.0');
    expect((regenerated.disclosure as Disclosure).changes).toMatchObject({ previousVersion: '1.0.0' });
    expect(service.diffVersion('owner', v2.id)).toMatchObject({ identical: true });
    // (the offline generator writes the same code again; a changed one shows in the diff)
    service.reject('owner', { versionId: v2.id, reason: 'nothing changed' });
    const changed = await flow.pendingWaterTracker(changedGoalGenerator);
    expect(service.diffVersion('owner', changed.id)?.code).toMatch(/^-.*goal: 2000,\n\+.*goal: 2500,/m);

    // One factor is not enough: the check on this computer refuses.
    flow.biometric.setting = 'deny';
    expect(await rejection(service.approve('owner', { versionId: changed.id, shownContentSha256: changed.contentSha256, totpCode: await code() })))
      .toMatchObject({ code: 'refused', reason: 'biometric-failed' });
    expect(engine.store.versions.active(SLUG)?.version).toBe('1.0.0');
    flow.biometric.setting = 'approve';
    await service.approve('owner', { versionId: changed.id, shownContentSha256: changed.contentSha256, totpCode: await code() });
    expect(await service.execute('owner', SLUG, 'getData')).toMatchObject({ result: { goal: 2500 } });

    // 6. Rolled back with the check on this computer alone; the skill's data stays.
    service.requestRollback('assistant', SLUG, '1.0.0');
    await service.rollback('owner', SLUG, '1.0.0');
    expect(await service.execute('owner', SLUG, 'getData')).toMatchObject({ result: { goal: 2000, total_ml: 1200 } });

    // 7. Thirty idle days: archived, hidden from the assistant, restored by the owner.
    flow.clock.advance(30 * DAY_MS);
    expect(service.archiveUnused().map((s) => s.slug)).toEqual([SLUG]);
    expect(service.listSkills('assistant')).toEqual([]);
    expect(await rejection(service.execute('assistant', SLUG, 'getData'))).toMatchObject({ code: 'not-found' });
    service.restore('owner', SLUG);
    expect(await service.execute('assistant', SLUG, 'getData')).toMatchObject({ result: { goal: 2000 } });

    // 8. A version nobody approves expires after 24 hours.
    const ignored = await flow.pendingWaterTracker();
    flow.clock.advance(PENDING_TTL_MS);
    expect(service.expirePending().map((v) => v.id)).toEqual([ignored.id]);

    const events = flow.events().map((e) => e.event);
    for (const event of [
      'skill.generated', 'skill.audited', 'skill.pending', 'access.denied', 'approval.refused', 'review.requested', 'skill.approved', 'skill.deployed',
      'skill.executed', 'skill.rejected', 'skill.rolled-back', 'skill.archived', 'skill.restored', 'skill.expired',
    ]) expect(events, event).toContain(event);
    expect(events.indexOf('skill.approved')).toBeLessThan(events.indexOf('skill.executed'));
    expect(flow.events().filter((e) => e.event === 'skill.deployed').map((e) => e.data.version)).toEqual(['1.0.0', '1.2.0']);
    expect(engine.store.auditLog.verify()).toMatchObject({ ok: true });
    const audit = rawAuditText(engine.store);
    for (const spent of codes) expect(audit).not.toContain(`"${spent}"`);
  });
});
