// When a schedule runs next. Cron patterns and their time zones are croner's (never parsed here);
// intervals count from the previous due time, so they do not drift by how late a run started.
// activeHours and daysOfWeek filter the candidates, read in the schedule's zone.
//
// Daylight saving, as croner computes it (test/unit/scheduler/next-run.test.ts holds it):
// - a local time that does not exist on the spring-forward day (02:30 in Warsaw on the last Sunday
//   of March) runs once, at the first minute after the gap (03:00);
// - a local time that happens twice on the fall-back day runs once, at its first occurrence
//   (summer time); hourly patterns run each real hour.
import { Cron } from 'croner';
import type { ScheduleSpec } from '../../../shared/skills/schedules.ts';
import { localTime, minutesOf } from './zoned-time.ts';

/** How far ahead a run is looked for before a schedule is judged never to run: two weeks. */
const LOOK_AHEAD_MS = 14 * 24 * 3_600_000;
/** A bound on the work of one look, whatever the pattern (the jumps below keep it to a few per day). */
const MAX_CANDIDATES = 2_000;
const MINUTE_MS = 60_000;

const crons = new Map<string, Cron>();

/** croner's reading of `pattern` in `zone`; throws croner's error for a pattern or zone it refuses. */
export function cronOf(pattern: string, zone: string): Cron {
  const key = `${zone}\n${pattern}`;
  let cron = crons.get(key);
  if (!cron) {
    cron = new Cron(pattern, { timezone: zone, paused: true });
    crons.set(key, cron);
  }
  return cron;
}

/** Whether `at` falls on one of the schedule's days and within its active hours (both ends included), in `zone`. */
export function isWithinConditions(spec: Pick<ScheduleSpec, 'activeHours' | 'daysOfWeek'>, zone: string, at: Date): boolean {
  if (!spec.activeHours && !spec.daysOfWeek) return true;
  const local = localTime(at, zone);
  if (spec.daysOfWeek && !spec.daysOfWeek.includes(local.weekday)) return false;
  if (spec.activeHours) {
    const start = minutesOf(spec.activeHours.start)!;
    const end = minutesOf(spec.activeHours.end)!;
    const minute = local.minuteOfDay;
    // end before start: the window crosses midnight (22:00–06:00).
    return start <= end ? minute >= start && minute <= end : minute >= start || minute <= end;
  }
  return true;
}

/**
 * Minutes from `at` to the soonest local time that could meet the conditions: the next local
 * midnight on a day that is not one of `daysOfWeek`, the start of `activeHours` outside them.
 * Wall-clock minutes: an hour less is jumped, so a DST change inside the jump cannot skip a run.
 */
function minutesToSkip(spec: Pick<ScheduleSpec, 'activeHours' | 'daysOfWeek'>, zone: string, at: Date): number {
  const local = localTime(at, zone);
  if (spec.daysOfWeek && !spec.daysOfWeek.includes(local.weekday)) return 24 * 60 - local.minuteOfDay;
  if (!spec.activeHours) return 0;
  return (minutesOf(spec.activeHours.start)! - local.minuteOfDay + 24 * 60) % (24 * 60);
}

/**
 * The first run strictly after `after` that meets the conditions, or null when there is none
 * within MAX_CANDIDATES. `anchor` is an interval's previous due time (absent: counting starts at `after`).
 */
export function nextRunAfter(spec: ScheduleSpec, zone: string, after: Date, anchor?: Date | null): Date | null {
  let candidate: Date | null;
  /** The next candidate at least `skipMs` after `from`. */
  let step: (from: Date, skipMs: number) => Date | null;
  if (spec.cron !== undefined) {
    const cron = cronOf(spec.cron, zone);
    step = (from, skipMs) => cron.nextRun(new Date(from.getTime() + Math.max(0, skipMs - 1)));
    candidate = cron.nextRun(after);
  } else {
    const every = spec.intervalMs!;
    const base = anchor && anchor.getTime() <= after.getTime() ? anchor.getTime() : after.getTime();
    const periods = Math.floor((after.getTime() - base) / every) + 1;
    step = (from, skipMs) => new Date(from.getTime() + Math.max(1, Math.ceil(skipMs / every)) * every);
    candidate = new Date(base + periods * every);
  }
  const horizon = after.getTime() + LOOK_AHEAD_MS;
  for (let tried = 0; candidate && candidate.getTime() <= horizon && tried < MAX_CANDIDATES; tried += 1) {
    if (isWithinConditions(spec, zone, candidate)) return candidate;
    const skip = minutesToSkip(spec, zone, candidate) - 60;
    candidate = step(candidate, skip > 0 ? skip * MINUTE_MS : 0);
  }
  return null;
}
