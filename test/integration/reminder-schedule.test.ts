// Issue 13 §3 end to end, on the real engine (offline generator, real sandbox host): a reminder
// asked for in Polish gets a schedule from its cadence, is approved with both factors, and at 08:00
// it reminds — one notification, run by the scheduler, with no other step by the owner.
import { beforeEach, describe, expect, it } from 'vitest';
import { offlineGenerator } from '../../main/skills/generator/index.ts';
import { createSkillService } from '../../main/skills/service.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { openFlow, type Flow } from '../unit/registry/flow-fixtures.ts';
import { testClock, type TestClock } from '../unit/scheduler/scheduler-clock.ts';

const tempDir = useTempDir();

let flow: Flow;
let clock: TestClock;
let service: ReturnType<typeof createSkillService>;
beforeEach(async (context) => {
  flow = await openFlow(tempDir());
  clock = testClock('2026-01-05T00:00:00Z');
  service = createSkillService({
    store: flow.engine.store, skills: flow.engine.skills, getGenerator: async () => offlineGenerator, factors: flow.factors, locale: () => 'pl', scheduleClock: clock,
  });
  context.onTestFinished(async () => {
    await service.scheduler.stop();
    await flow.close();
  });
});

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe('a reminder that reminds', () => {
  it('“przypominaj mi o lekach codziennie o 8” → generated, approved, and at 08:00 exactly one notification', async () => {
    const generated = await service.generate('owner', 'przypominaj mi o lekach codziennie o 8');
    if (generated.outcome !== 'pending') throw new Error(`expected a pending version: ${generated.reason.en}`);
    const pending = generated.version;
    expect(pending.manifest.schedules).toEqual([{ action: 'remind', timezone: zone, missed: 'catch-up-once', cron: '0 8 * * *' }]);
    expect(generated.disclosure.text.pl).toContain(`Uruchamiać „Przypomnij teraz” (remind) samodzielnie codziennie o 08:00, ${zone}`);
    expect(generated.disclosure.text.en).toContain(`run “Remind now” (remind) by itself every day at 08:00, ${zone}`);

    await service.approve('owner', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await flow.nextCode() });
    const [schedule] = service.listSchedules('owner');
    expect(schedule).toMatchObject({ source: 'manifest', status: 'active', skillSlug: pending.slug });
    const dueAt = schedule!.nextRunAt!;
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(new Date(dueAt))).toBe('08:00');

    service.scheduler.start();
    const settle = () => service.scheduler.idle();
    await clock.advanceTo(new Date(Date.parse(dueAt) - 1000), settle);
    expect(flow.engine.store.notifications.list({ unreadOnly: false, limit: 10 }).items).toEqual([]);
    await clock.advanceTo(new Date(Date.parse(dueAt) + 30 * 60_000), settle);

    const notifications = flow.engine.store.notifications.list({ unreadOnly: false, limit: 10 }).items;
    expect(notifications.map((n) => [n.title, n.body])).toEqual([['Przypomnienie: leki', 'Już pora.']]);
    const runs = flow.engine.store.executions.page({ limit: 10, offset: 0 }).items.filter((e) => e.action === 'remind' && e.trigger === 'schedule');
    expect(runs).toMatchObject([{ actor: 'scheduler', status: 'succeeded' }]);
    expect(service.listSchedules('owner')[0]).toMatchObject({ lastResult: 'succeeded', lastLate: false, lastExecutionId: runs[0]!.id });
  });
});
