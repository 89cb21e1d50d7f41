import { afterEach, describe, expect, it } from 'vitest';
import { openFoundryStore, type FoundryStore } from '../../../main/store/index.ts';
import { createScheduler, type Scheduler, type ScheduledRunOutcome } from '../../../main/skills/scheduler/index.ts';
import type { ScheduleRow } from '../../../main/store/repositories/schedules.ts';
import type { ScheduleSpec } from '../../../shared/skills/schedules.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { testClock, type TestClock } from './scheduler-clock.ts';

const tempDir = useTempDir();

interface Engine {
  store: FoundryStore;
  scheduler: Scheduler;
  /** Every run this engine started: schedule id and whether it came late. */
  runs: { id: number; late: boolean; at: string }[];
  paused: ScheduleRow[];
}

const open: Engine[] = [];
afterEach(async () => {
  for (const engine of open.splice(0)) {
    await engine.scheduler.stop();
    engine.store.close();
  }
});

function engine(dir: string, clock: TestClock, options: { outcome?: () => ScheduledRunOutcome; enabled?: () => boolean } = {}): Engine {
  const store = openFoundryStore(dir, { now: clock.now });
  const runs: Engine['runs'] = [];
  const paused: ScheduleRow[] = [];
  const scheduler = createScheduler({
    schedules: store.schedules,
    clock,
    enabled: options.enabled ?? (() => true),
    maxFailures: () => 5,
    audit: (event, row, data) => store.auditLog.append({ actor: 'scheduler', event, skillSlug: row.skillSlug, data: { scheduleId: row.id, ...data } }),
    run: async (row, fired) => {
      runs.push({ id: row.id, late: fired.late, at: clock.now().toISOString() });
      return options.outcome?.() ?? { ok: true, executionId: runs.length, message: null };
    },
    report: async () => {},
    pausedAfterFailures: (row) => paused.push(row),
  });
  const made = { store, scheduler, runs, paused };
  open.push(made);
  return made;
}

function add(e: Engine, spec: ScheduleSpec, zone = 'UTC'): ScheduleRow {
  const row = e.store.schedules.add({
    skillSlug: 'custom-meds-reminder', versionId: 'v1', source: 'owner', spec, timezone: zone, status: 'active', pausedReason: null,
    nextRunAt: e.scheduler.firstRun({ spec, timezone: zone }), createdBy: 'owner',
  });
  e.scheduler.changed();
  return row;
}

const settle = (...engines: Engine[]) => async () => {
  for (const e of engines) await e.scheduler.idle();
};

const DAILY_8: ScheduleSpec = { action: 'remind', cron: '0 8 * * *' };

describe('the scheduler', () => {
  it('a daily 08:00 schedule fires once at 08:00, and again the next day', async () => {
    const clock = testClock('2026-01-05T07:00:00Z');
    const e = engine(tempDir(), clock);
    add(e, DAILY_8);
    e.scheduler.start();
    await clock.advanceTo('2026-01-05T07:59:59Z', settle(e));
    expect(e.runs).toEqual([]);
    await clock.advanceTo('2026-01-05T09:00:00Z', settle(e));
    expect(e.runs).toEqual([{ id: 1, late: false, at: '2026-01-05T08:00:00.000Z' }]);
    await clock.advanceTo('2026-01-06T08:00:00Z', settle(e));
    expect(e.runs.map((r) => r.at)).toEqual(['2026-01-05T08:00:00.000Z', '2026-01-06T08:00:00.000Z']);
  });

  it('an interval schedule fires every 15 minutes', async () => {
    const clock = testClock('2026-01-05T10:00:00Z');
    const e = engine(tempDir(), clock);
    add(e, { action: 'poll', intervalMs: 15 * 60_000 });
    e.scheduler.start();
    await clock.advanceTo('2026-01-05T11:00:00Z', settle(e));
    expect(e.runs.map((r) => r.at)).toEqual(['2026-01-05T10:15:00.000Z', '2026-01-05T10:30:00.000Z', '2026-01-05T10:45:00.000Z', '2026-01-05T11:00:00.000Z']);
  });

  it('a reminder due at 08:00 fires once, late, after the laptop wakes at 09:10 (catch-up-once)', async () => {
    const clock = testClock('2026-01-05T07:00:00Z');
    const e = engine(tempDir(), clock);
    add(e, { ...DAILY_8, missed: 'catch-up-once' });
    e.scheduler.start();
    await clock.sleepUntil('2026-01-07T09:10:00Z', settle(e)); // two 08:00s were missed
    expect(e.runs).toEqual([{ id: 1, late: true, at: '2026-01-07T09:10:00.000Z' }]);
    const row = e.store.schedules.get(1)!;
    expect(row.lastLate).toBe(true);
    expect(row.lastMessage?.en).toMatch(/^Ran late: it was due at 2026-01-05 08:00 UTC/);
    expect(row.nextRunAt).toBe('2026-01-08T08:00:00.000Z');
  });

  it('a schedule that skips missed runs does not run on wake, records the skip and runs at its next time', async () => {
    const clock = testClock('2026-01-05T07:00:00Z');
    const e = engine(tempDir(), clock);
    add(e, { ...DAILY_8, missed: 'skip' });
    e.scheduler.start();
    await clock.sleepUntil('2026-01-05T09:10:00Z', settle(e));
    expect(e.runs).toEqual([]);
    expect(e.store.schedules.get(1)).toMatchObject({ lastResult: 'skipped', lastLate: true, nextRunAt: '2026-01-06T08:00:00.000Z' });
    await clock.advanceTo('2026-01-06T08:00:00Z', settle(e));
    expect(e.runs).toEqual([{ id: 1, late: false, at: '2026-01-06T08:00:00.000Z' }]);
  });

  it('after a restart the run already made is not made again', async () => {
    const clock = testClock('2026-01-05T07:59:00Z');
    const dir = tempDir();
    const first = engine(dir, clock);
    add(first, DAILY_8);
    first.scheduler.start();
    await clock.advanceTo('2026-01-05T08:00:30Z', settle(first));
    expect(first.runs).toHaveLength(1);
    await first.scheduler.stop();

    const second = engine(dir, clock);
    second.scheduler.start();
    await clock.advanceTo('2026-01-05T12:00:00Z', settle(second));
    expect(second.runs).toEqual([]);
    expect(second.store.schedules.get(1)!.nextRunAt).toBe('2026-01-06T08:00:00.000Z');
  });

  it('two engines on one data directory (the app and foundry serve) fire each due run once', async () => {
    const clock = testClock('2026-01-05T07:00:00Z');
    const dir = tempDir();
    const app = engine(dir, clock);
    const serve = engine(dir, clock);
    add(app, DAILY_8);
    add(app, { action: 'poll', intervalMs: 30 * 60_000 });
    app.scheduler.start();
    serve.scheduler.start();
    await clock.advanceTo('2026-01-05T09:00:00Z', settle(app, serve));
    const fired = [...app.runs, ...serve.runs].map((r) => `${r.id}@${r.at}`).sort();
    expect(fired).toEqual([
      '1@2026-01-05T08:00:00.000Z',
      '2@2026-01-05T07:30:00.000Z', '2@2026-01-05T08:00:00.000Z', '2@2026-01-05T08:30:00.000Z', '2@2026-01-05T09:00:00.000Z',
    ]);
  });

  it('when both engines saw the same run due at once, only the first claim takes it (the store is the lock)', async () => {
    const clock = testClock('2026-01-05T08:00:00Z');
    const dir = tempDir();
    const app = engine(dir, clock);
    const serve = engine(dir, clock);
    clock.set('2026-01-05T07:00:00Z');
    add(app, DAILY_8);
    clock.set('2026-01-05T08:00:00Z');
    const [seenByApp] = app.store.schedules.due(clock.now().toISOString());
    const [seenByServe] = serve.store.schedules.due(clock.now().toISOString());
    expect(seenByApp!.nextRunAt).toBe(seenByServe!.nextRunAt);
    expect(app.store.schedules.claim(1, seenByApp!.nextRunAt!, '2026-01-06T08:00:00.000Z')).toBe(true);
    expect(serve.store.schedules.claim(1, seenByServe!.nextRunAt!, '2026-01-06T08:00:00.000Z')).toBe(false);
  });

  it('a wall clock set back after a run does not fire that run again', async () => {
    const clock = testClock('2026-01-05T07:59:00Z');
    const e = engine(tempDir(), clock);
    add(e, DAILY_8);
    e.scheduler.start();
    await clock.advanceTo('2026-01-05T08:01:00Z', settle(e));
    clock.set('2026-01-05T07:30:00Z');
    await clock.advanceTo('2026-01-05T08:30:00Z', settle(e));
    expect(e.runs).toHaveLength(1);
  });

  it('skills.scheduled.enabled: false stops every firing; turned back on, a missed reminder comes once', async () => {
    const clock = testClock('2026-01-05T07:00:00Z');
    let on = false;
    const e = engine(tempDir(), clock, { enabled: () => on });
    add(e, DAILY_8);
    e.scheduler.start();
    await clock.advanceTo('2026-01-05T09:00:00Z', settle(e));
    expect(e.runs).toEqual([]);
    expect(e.scheduler.upcoming(3)).toEqual([]);
    on = true;
    await clock.advanceTo('2026-01-05T09:05:00Z', settle(e));
    expect(e.runs.map((r) => r.late)).toEqual([true]);
  });

  it('five failures in a row pause the schedule and tell the owner; a success in between resets the count', async () => {
    const clock = testClock('2026-01-05T00:00:00Z');
    const results = [false, false, false, false, true, false, false, false, false, false, false];
    const e = engine(tempDir(), clock, { outcome: () => ({ ok: results.shift() ?? false, executionId: null, message: { en: 'boom', pl: 'bum' } }) });
    add(e, { action: 'poll', intervalMs: 60 * 60_000 });
    e.scheduler.start();
    await clock.advanceTo('2026-01-05T10:00:00Z', settle(e));
    expect(e.runs).toHaveLength(10); // 4 failures, a success, then 5 failures
    expect(e.paused).toHaveLength(1);
    expect(e.store.schedules.get(1)).toMatchObject({ status: 'paused', pausedReason: 'failures', consecutiveFailures: 5, nextRunAt: null });
    await clock.advanceTo('2026-01-05T13:00:00Z', settle(e));
    expect(e.runs).toHaveLength(10);
  });

  it('the next three runs come from the engine, earliest first', async () => {
    const clock = testClock('2026-01-05T07:00:00Z');
    const e = engine(tempDir(), clock);
    add(e, DAILY_8);
    add(e, { action: 'poll', intervalMs: 3 * 60 * 60_000 });
    add(e, { action: 'evening', cron: '0 20 * * *' });
    add(e, { action: 'weekly', cron: '0 9 * * 2' }); // 5 January 2026 is a Monday
    expect(e.scheduler.upcoming(3).map((r) => `${r.action}@${r.at}`)).toEqual([
      'remind@2026-01-05T08:00:00.000Z', 'poll@2026-01-05T10:00:00.000Z', 'evening@2026-01-05T20:00:00.000Z',
    ]);
  });

  it('across the spring-forward night a 02:30 Warsaw job runs once, at 03:00', async () => {
    const clock = testClock('2026-03-28T23:00:00Z');
    const e = engine(tempDir(), clock);
    add(e, { action: 'job', cron: '30 2 * * *' }, 'Europe/Warsaw');
    e.scheduler.start();
    await clock.advanceTo('2026-03-29T04:00:00Z', settle(e));
    expect(e.runs.map((r) => r.at)).toEqual(['2026-03-29T01:00:00.000Z']);
  });

  it('across the fall-back night a 02:30 Warsaw job runs once, though 02:30 happens twice', async () => {
    const clock = testClock('2026-10-24T22:00:00Z');
    const e = engine(tempDir(), clock);
    add(e, { action: 'job', cron: '30 2 * * *' }, 'Europe/Warsaw');
    e.scheduler.start();
    await clock.advanceTo('2026-10-25T04:00:00Z', settle(e));
    expect(e.runs.map((r) => r.at)).toEqual(['2026-10-25T00:30:00.000Z']);
  });
});
