// The request's cadence as a manifest schedule (issue 13 §3): "codziennie o 8" → every day at 08:00,
// "w każdą sobotę" → Saturdays (at 09:00 unless a time was said), "co godzinę" → hourly within
// waking hours, all in the owner's time zone. A reminder that was due while the laptop slept comes
// once on wake (`catch-up-once`), saying it is late.
import type { Cadence } from '../../../../shared/skills/need.ts';
import type { ScheduleSpec } from '../../../../shared/skills/schedules.ts';
import { repeatRule } from './cadence.ts';

/** A reminder every hour or few minutes is for the day, not the night. */
const WAKING_HOURS = { start: '08:00', end: '22:00' };
const DAY_MINUTES = 24 * 60;

/** The schedule that runs `action` on `cadence` in `zone`; null for a one-off. */
export function cadenceSchedule(cadence: Cadence, action: string, zone: string): ScheduleSpec | null {
  const rule = repeatRule(cadence);
  const base = { action, timezone: zone, missed: 'catch-up-once' as const };
  switch (rule.type) {
    case 'once':
      return null;
    case 'daily':
      return { ...base, cron: `${rule.minute} ${rule.hour} * * *` };
    case 'weekly':
      return { ...base, cron: `${rule.minute} ${rule.hour} * * ${rule.dayNumbers.join(',')}` };
    case 'interval': {
      const every = rule.everyMinutes;
      if (every >= DAY_MINUTES) return { ...base, intervalMs: every * 60_000 };
      const cron = every < 60 && 60 % every === 0 ? `*/${every} * * * *`
        : every === 60 ? '0 * * * *'
        : every % 60 === 0 && DAY_MINUTES % every === 0 ? `0 */${every / 60} * * *`
        : null;
      return cron ? { ...base, cron, activeHours: WAKING_HOURS } : { ...base, intervalMs: every * 60_000, activeHours: WAKING_HOURS };
    }
  }
}

/** "Twice a day" at the ends of the waking day, more often evenly between: 2 → 08:00 and 20:00, 3 → 08:00, 14:00, 20:00. */
export function timesOfDay(times: number): string[] {
  if (times <= 1) return ['09:00'];
  const span = 12 * 60;
  return Array.from({ length: times }, (_, i) => {
    const minutes = 8 * 60 + Math.round((i * span) / (times - 1) / 5) * 5;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });
}

/** One daily schedule per time of `timesOfDay(times)`, each running `action`. */
export function timesPerDaySchedules(times: number, action: string, zone: string): ScheduleSpec[] {
  return timesOfDay(times).map((at) => {
    const [hour, minute] = at.split(':').map(Number);
    return { action, timezone: zone, missed: 'catch-up-once' as const, cron: `${minute} ${hour} * * *` };
  });
}
