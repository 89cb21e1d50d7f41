import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { DAY_MS, openFlow, type Flow } from '../registry/flow-fixtures.ts';
import type { ExecutionRecord, TodayCard } from '../../../shared/contract/index.ts';

const tempDir = useTempDir();

let flow: Flow;
beforeEach(async (context) => {
  flow = await openFlow(tempDir());
  context.onTestFinished(() => flow.close());
});

const executions = (): ExecutionRecord[] => flow.engine.store.executions.page({ offset: 0, limit: 100 }).items;
const dashboardReads = () => executions().filter((e) => e.trigger === 'dashboard' && e.action !== 'getActions');
const usage = (slug: string) => flow.engine.store.skills.list().find((s) => s.slug === slug)!.usageCount;

/** The water tracker approved and running, with the engine's clock on the real one the sandbox dates entries by. */
async function runningWaterTracker() {
  const version = await flow.approvedWaterTracker();
  flow.clock.set(Date.now());
  return version;
}

async function waterCard(): Promise<TodayCard> {
  const board = await flow.service.today('owner');
  expect(board.cards.map((c) => c.slug)).toEqual(['custom-water-tracker']);
  return board.cards[0]!;
}

describe('the home view “Today”', () => {
  it('shows the water tracker’s insight, its headline, a 30-day chart and log_water as the quick entry, read through the sandbox', async () => {
    await runningWaterTracker();
    const card = await waterCard();
    expect(card.problem).toBeNull();
    expect(card.headline).toEqual({ key: 'total_ml', value: 0, unit: 'ml' });
    expect(card.insights).toEqual([expect.objectContaining({ type: 'warning' })]);
    expect(card.chart).toMatchObject({ key: 'entries', unit: 'ml', goal: 2000 });
    expect(card.chart!.points).toHaveLength(30);
    expect(card.chart!.points.at(-1)).toEqual({ date: flow.clock.now().toISOString().slice(0, 10), value: 0 });
    expect(card.quickAction?.slug).toBe('log_water');
    expect(dashboardReads().map((e) => [e.action, e.status, e.actor])).toEqual([['getInsights', 'succeeded', 'owner'], ['getData', 'succeeded', 'owner']]);
  });

  it('does not count its reads as use: a skill only the home view reads is archived after 30 unused days', async () => {
    const version = await runningWaterTracker();
    flow.clock.advance(31 * DAY_MS);
    await flow.service.today('owner');
    expect(dashboardReads()).toHaveLength(2);
    expect(usage(version.slug)).toBe(0);
    expect(flow.service.archiveUnused().map((skill) => skill.slug)).toEqual([version.slug]);
  });

  it('answers from its cache for a few seconds, then reads the skill again', async () => {
    await runningWaterTracker();
    await flow.service.today('owner');
    await flow.service.today('owner');
    expect(dashboardReads()).toHaveLength(2);
    flow.clock.advance(6_000);
    await flow.service.today('owner');
    expect(dashboardReads()).toHaveLength(4);
  });

  it('is fresh right after a run of the skill: the entry shows in the headline and today’s point', async () => {
    const version = await runningWaterTracker();
    await flow.service.today('owner');
    await flow.service.execute('owner', version.slug, 'log_water', { amount_ml: 250 });
    await flow.service.execute('owner', version.slug, 'log_water', { amount_ml: 300 });
    const card = await waterCard();
    expect(card.headline?.value).toBe(550);
    expect(card.chart!.points.at(-1)!.value).toBe(550);
    expect(dashboardReads()).toHaveLength(4);
  });

  it('puts a failing skill’s reason on its card instead of failing the whole view', async () => {
    const version = await runningWaterTracker();
    flow.engine.store.db.prepare('UPDATE exo_skill_versions SET code = ? WHERE id = ?').run('broken', version.id);
    const card = await waterCard();
    expect(card.problem?.en).toMatch(/./);
    expect(card.problem?.pl).toMatch(/./);
    expect(card.headline).toBeNull();
  });
});
