import { beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_AFTER_UNUSED_MS } from '../../../main/skills/registry/lifecycle-manager.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { DAY_MS, openFlow, rejection, thrown, type Flow } from './flow-fixtures.ts';

const tempDir = useTempDir();
const SLUG = 'custom-water-tracker';

let flow: Flow;
beforeEach(async (context) => {
  flow = await openFlow(tempDir());
  context.onTestFinished(() => flow.close());
});

describe('archiving unused skills', () => {
  it('archives a skill nobody used for 30 days, counting from its last use', async () => {
    await flow.approvedWaterTracker();
    const { service } = flow;
    expect(ARCHIVE_AFTER_UNUSED_MS).toBe(30 * DAY_MS);
    flow.clock.advance(29 * DAY_MS);
    expect(service.archiveUnused()).toEqual([]);
    await service.execute('assistant', SLUG, 'log_water', { amount_ml: 300 });
    expect(service.getSkill('owner', SLUG).skill).toMatchObject({ usageCount: 1, lastUsedAt: flow.clock.now().toISOString() });

    flow.clock.advance(30 * DAY_MS - 1000);
    expect(service.archiveUnused()).toEqual([]);
    flow.clock.advance(1000);
    expect(service.archiveUnused()).toEqual([expect.objectContaining({ slug: SLUG, status: 'archived' })]);
    expect(service.archiveUnused()).toEqual([]);
    expect(flow.events().filter((e) => e.event === 'skill.archived')).toEqual([
      expect.objectContaining({ actor: 'system', skillSlug: SLUG, data: expect.objectContaining({ reason: 'unused', usageCount: 1 }) }),
    ]);
    expect(flow.engine.store.db.prepare('SELECT archived_at FROM exo_generated_skills').get()).toEqual({ archived_at: flow.clock.now().toISOString() });
  });

  it('leaves skills that never ran a version alone', async () => {
    await flow.pendingWaterTracker();
    flow.clock.advance(23 * 60 * 60 * 1000);
    expect(flow.service.archiveUnused()).toEqual([]);
  });

  it('an archived skill is not executable, and hidden from the assistant; the owner restores it', async () => {
    await flow.approvedWaterTracker();
    const { service } = flow;
    flow.clock.advance(31 * DAY_MS);
    service.archiveUnused();

    expect(service.listSkills('assistant')).toEqual([]);
    expect(service.listSkills('scheduler')).toEqual([]);
    expect(service.listSkills('owner')).toEqual([expect.objectContaining({ slug: SLUG, status: 'archived' })]);
    expect(thrown(() => service.getSkill('assistant', SLUG))).toMatchObject({ code: 'not-found', status: 404 });
    expect(await rejection(service.execute('assistant', SLUG, 'log_water', { amount_ml: 100 }))).toMatchObject({ code: 'not-found' });
    expect(await rejection(service.execute('owner', SLUG, 'log_water', { amount_ml: 100 }))).toMatchObject({ code: 'conflict', reason: 'archived', status: 409 });
    expect(flow.engine.store.db.prepare("SELECT count(*) AS n FROM skill_rows WHERE skill_slug = ?").get(SLUG)).toEqual({ n: 0 });

    expect(thrown(() => service.restore('assistant', SLUG))).toMatchObject({ code: 'forbidden', reason: 'approval-reserved-for-owner' });
    expect(service.restore('owner', SLUG)).toMatchObject({ status: 'active', activeVersion: '1.0.0' });
    expect(flow.events().at(-1)).toMatchObject({ event: 'skill.restored', actor: 'owner', data: { status: 'active' } });
    expect(thrown(() => service.restore('owner', SLUG))).toMatchObject({ code: 'conflict', reason: 'not-archived' });
    // Its 30 days start again from the restore.
    expect(service.archiveUnused()).toEqual([]);
    expect(await service.execute('assistant', SLUG, 'log_water', { amount_ml: 100 })).toMatchObject({ result: { success: true } });
    expect(service.listSkills('assistant')).toHaveLength(1);
  });

  it('lets the assistant archive a skill by hand, but not the scheduler', async () => {
    await flow.approvedWaterTracker();
    expect(thrown(() => flow.service.archive('scheduler', SLUG))).toMatchObject({ code: 'forbidden' });
    expect(flow.service.archive('assistant', SLUG)).toMatchObject({ status: 'archived' });
    expect(flow.events().at(-1)).toMatchObject({ event: 'skill.archived', actor: 'assistant', data: { reason: 'manual' } });
    expect(thrown(() => flow.service.archive('assistant', SLUG))).toMatchObject({ code: 'not-found' });
    expect(thrown(() => flow.service.archive('owner', SLUG))).toMatchObject({ code: 'conflict' });
  });

  it('brings an archived skill back when the owner approves a new version of it', async () => {
    await flow.approvedWaterTracker();
    flow.service.archive('owner', SLUG);
    const update = await flow.approvedWaterTracker();
    expect(update.version).toBe('1.1.0');
    expect(flow.service.listSkills('assistant')).toEqual([expect.objectContaining({ slug: SLUG, status: 'active', activeVersion: '1.1.0' })]);
    expect(flow.engine.store.db.prepare('SELECT archived_at FROM exo_generated_skills').get()).toEqual({ archived_at: null });
    expect(flow.events().at(-1)).toMatchObject({ event: 'skill.restored', actor: 'owner', data: { reason: 'approved', status: 'active' } });
  });
});
