// The scheduler: fires due schedules through the registry, like any execution, as the `scheduler`
// principal. Contract and the threats it answers:
// - One timer, for the earliest due schedule (no loop per schedule). It never waits more than
//   MAX_WAIT_MS: Node's timers run on a monotonic clock that stops while a laptop sleeps, so a
//   long timer would fire late by the whole sleep; rows another engine changed, and a wall clock
//   set forward or back, are noticed within that time too.
// - A due row is claimed before it runs (store: `UPDATE … WHERE next_run_at = :due`), and the
//   claim moves its next run past now: two engines on one data directory (the app and
//   `foundry serve`) fire it once, a restart never fires it again, and a clock set back only
//   delays the stored next run.
// - Missed runs: a run found more than LATE_AFTER_MS after its due time was missed (nothing ran,
//   or the machine slept). `skip` records it and waits for the next time; `catch-up-once` runs it
//   once, marked late, however many times it was missed.
// - Nothing a skill does stalls main: a run is an execution in the sandbox host, awaited off the
//   timer; a schedule whose previous run has not ended skips this time instead of piling up.
// - `skills.scheduled.enabled: false` stops every firing (rows keep their times); a schedule that
//   failed `skills.scheduled.maxFailures` times in a row pauses itself and the owner is told.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { UpcomingRun } from '../../../shared/skills/schedules.ts';
import type { ScheduleRow, SchedulesRepository } from '../../store/repositories/schedules.ts';
import { nextRunAfter } from './next-run.ts';
import { SCHEDULER_MESSAGES } from './scheduler-messages.ts';

/** The longest the timer waits before looking again (see above). */
export const MAX_WAIT_MS = 60_000;
/** A run found this long after its due time was missed; a timer firing on time is well within it. */
export const LATE_AFTER_MS = 60_000;

export interface SchedulerClock {
  now(): Date;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => new Date(),
  // unref: a waiting schedule alone does not keep a process alive (the app and `serve` have their own reasons to run).
  setTimer: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ScheduledRunOutcome {
  ok: boolean;
  executionId: number | null;
  /** Why it failed, in both languages; null on success. */
  message: Localized | null;
}

export interface FiredRun {
  dueAt: string;
  late: boolean;
  /** Started by the owner ("run now"), not by the clock. */
  manual: boolean;
}

export interface SchedulerDeps {
  schedules: SchedulesRepository;
  audit: (event: string, schedule: ScheduleRow, data: Record<string, unknown>) => void;
  clock: SchedulerClock;
  /** config.yaml's skills.scheduled.enabled, read at each firing. */
  enabled: () => boolean;
  /** config.yaml's skills.scheduled.maxFailures. */
  maxFailures: () => number;
  /** Runs the schedule's action through the service as the scheduler; never throws. */
  run: (schedule: ScheduleRow, fired: FiredRun) => Promise<ScheduledRunOutcome>;
  /** After each run: the schedule's notifications and webhook. */
  report: (schedule: ScheduleRow, outcome: ScheduledRunOutcome, fired: FiredRun) => Promise<void>;
  /** A schedule paused itself after failures: tell the owner. */
  pausedAfterFailures: (schedule: ScheduleRow) => void;
}

export function createScheduler(deps: SchedulerDeps) {
  const { schedules, clock } = deps;
  let timer: unknown = null;
  let started = false;
  const inFlight = new Map<number, Promise<void>>();

  const nextAfter = (row: ScheduleRow, after: Date): string | null =>
    nextRunAfter(row.spec, row.timezone, after, row.nextRunAt ? new Date(row.nextRunAt) : null)?.toISOString() ?? null;

  function arm(): void {
    if (!started) return;
    if (timer !== null) clock.clearTimer(timer);
    const earliest = schedules.earliest();
    const wait = earliest === null ? MAX_WAIT_MS : Date.parse(earliest) - clock.now().getTime();
    // Still due after a firing pass: scheduling is off; look again later rather than spin.
    timer = clock.setTimer(() => {
      timer = null;
      tick();
    }, wait <= 0 ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, wait));
  }

  async function execute(row: ScheduleRow, fired: FiredRun): Promise<void> {
    deps.audit('schedule.fired', row, { dueAt: fired.dueAt, late: fired.late, manual: fired.manual, action: row.spec.action });
    const outcome = await deps.run(row, fired);
    const message = outcome.ok ? (fired.late ? SCHEDULER_MESSAGES.ranLate(fired.dueAt) : null) : outcome.message;
    const after = schedules.recordRun(row.id, { result: outcome.ok ? 'succeeded' : 'failed', executionId: outcome.executionId, message, late: fired.late });
    // The run's own report first, then (for the owner, in that order) that it paused the schedule.
    await deps.report(after, outcome, fired);
    if (!outcome.ok && after.status === 'active' && after.consecutiveFailures >= deps.maxFailures()) {
      schedules.setState(row.id, 'paused', 'failures', null);
      deps.audit('schedule.paused', after, { reason: 'failures', failures: after.consecutiveFailures });
      deps.pausedAfterFailures(schedules.get(row.id)!);
    }
  }

  function start(row: ScheduleRow, fired: FiredRun): Promise<void> {
    const running = execute(row, fired).finally(() => inFlight.delete(row.id));
    inFlight.set(row.id, running);
    return running;
  }

  /** Fires what is due now; each due row once, whatever else runs on this data directory. Synchronous up to each run's start. */
  function fireDue(): void {
    if (!deps.enabled()) return;
    const now = clock.now();
    for (const row of schedules.due(now.toISOString())) {
      const dueAt = row.nextRunAt!;
      const late = now.getTime() - Date.parse(dueAt) > LATE_AFTER_MS;
      if (!schedules.claim(row.id, dueAt, nextAfter(row, now))) continue;
      if (late && row.spec.missed === 'skip') {
        schedules.recordRun(row.id, { result: 'skipped', executionId: null, message: SCHEDULER_MESSAGES.missedSkipped(dueAt), late: true });
        deps.audit('schedule.missed', row, { dueAt, policy: 'skip' });
      } else if (inFlight.has(row.id)) {
        schedules.recordRun(row.id, { result: 'skipped', executionId: null, message: SCHEDULER_MESSAGES.stillRunning, late });
        deps.audit('schedule.skipped', row, { dueAt, reason: 'still-running' });
      } else {
        void start(row, { dueAt, late, manual: false });
      }
    }
  }

  function tick(): void {
    fireDue();
    arm();
  }

  return {
    /** Looks at once (runs missed while nothing ran are handled now), then keeps the one timer. */
    start(): void {
      started = true;
      tick();
    },
    /** Stops the timer and waits for runs in progress. */
    async stop(): Promise<void> {
      started = false;
      if (timer !== null) clock.clearTimer(timer);
      timer = null;
      await Promise.all(inFlight.values());
    },
    /** A schedule was added, changed, paused or resumed: the timer may need to come earlier. */
    changed(): void {
      arm();
    },
    /** Looks now (tests and the clock's owner call it after moving time). */
    tick,
    /** Resolves once no run is in progress. */
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.all(inFlight.values());
    },
    /** The owner's "run now": once, now, whatever the schedule's times; its next run stays. */
    runNow(row: ScheduleRow): Promise<void> {
      return start(row, { dueAt: clock.now().toISOString(), late: false, manual: true });
    },
    isRunning: (id: number): boolean => inFlight.has(id),
    /** The next `count` runs of active schedules (for the tray: three), when scheduling is on. */
    upcoming(count: number): UpcomingRun[] {
      if (!deps.enabled()) return [];
      return schedules.upcoming(count).map((row) => ({
        scheduleId: row.id, skillSlug: row.skillSlug, skillName: row.skillName, action: row.spec.action, at: row.nextRunAt!,
      }));
    },
    /** The first run of a schedule stored now (or resumed now). */
    firstRun: (row: Pick<ScheduleRow, 'spec' | 'timezone'>): string | null =>
      nextRunAfter(row.spec, row.timezone, clock.now(), null)?.toISOString() ?? null,
    now: () => clock.now(),
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
