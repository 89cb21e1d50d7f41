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

/**
 * How many candidates are tried before a schedule is judged never to run: with the shortest
 * interval (a minute) that is two weeks, enough for any one-day-a-week, one-hour-a-day window.
 */
const MAX_CANDIDATES = 20_160;

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
 * The first run strictly after `after` that meets the conditions, or null when there is none
 * within MAX_CANDIDATES. `anchor` is an interval's previous due time (absent: counting starts at `after`).
 */
export function nextRunAfter(spec: ScheduleSpec, zone: string, after: Date, anchor?: Date | null): Date | null {
  let candidate: Date | null;
  let step: (from: Date) => Date | null;
  if (spec.cron !== undefined) {
    const cron = cronOf(spec.cron, zone);
    step = (from) => cron.nextRun(from);
    candidate = step(after);
  } else {
    const every = spec.intervalMs!;
    const base = anchor && anchor.getTime() <= after.getTime() ? anchor.getTime() : after.getTime();
    const periods = Math.floor((after.getTime() - base) / every) + 1;
    step = (from) => new Date(from.getTime() + every);
    candidate = new Date(base + periods * every);
  }
  for (let tried = 0; candidate && tried < MAX_CANDIDATES; tried += 1) {
    if (isWithinConditions(spec, zone, candidate)) return candidate;
    candidate = step(candidate);
  }
  return null;
}
