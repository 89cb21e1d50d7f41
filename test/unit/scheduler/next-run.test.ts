import { describe, expect, it } from 'vitest';
import { nextRunAfter } from '../../../main/skills/scheduler/index.ts';
import type { ScheduleSpec } from '../../../shared/skills/schedules.ts';

const WARSAW = 'Europe/Warsaw';

/** The next `count` runs from `from`, as UTC ISO times. */
function runs(spec: ScheduleSpec, zone: string, from: string, count: number): string[] {
  const out: string[] = [];
  let after = new Date(from);
  let anchor: Date | null = null;
  for (let i = 0; i < count; i++) {
    const next = nextRunAfter(spec, zone, after, anchor);
    if (!next) break;
    out.push(next.toISOString());
    after = next;
    anchor = next;
  }
  return out;
}

describe('when a schedule runs next', () => {
  it('a daily 08:00 in Warsaw runs at 08:00 Warsaw time, winter and summer alike', () => {
    expect(runs({ action: 'remind', cron: '0 8 * * *' }, WARSAW, '2026-01-10T12:00:00Z', 2)).toEqual(['2026-01-11T07:00:00.000Z', '2026-01-12T07:00:00.000Z']);
    expect(runs({ action: 'remind', cron: '0 8 * * *' }, WARSAW, '2026-07-10T12:00:00Z', 1)).toEqual(['2026-07-11T06:00:00.000Z']);
  });

  it('a 02:30 daily job on the spring-forward day runs once, at 03:00 (02:30 does not exist that night)', () => {
    // 29 March 2026: Warsaw's clocks jump from 02:00 to 03:00 (01:00 UTC).
    expect(runs({ action: 'job', cron: '30 2 * * *' }, WARSAW, '2026-03-27T12:00:00Z', 4)).toEqual([
      '2026-03-28T01:30:00.000Z', // 02:30 CET
      '2026-03-29T01:00:00.000Z', // 03:00 CEST, the first minute after the gap: once
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
      '2026-03-31T00:30:00.000Z',
    ]);
  });

  it('a 02:30 daily job on the fall-back day runs once, at the first 02:30 (summer time)', () => {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
    expect(runs({ action: 'job', cron: '30 2 * * *' }, WARSAW, '2026-10-23T12:00:00Z', 3)).toEqual([
      '2026-10-24T00:30:00.000Z', // 02:30 CEST
      '2026-10-25T00:30:00.000Z', // the first 02:30 (CEST); the second (01:30 UTC) does not run
      '2026-10-26T01:30:00.000Z', // 02:30 CET
    ]);
  });

  it('an interval counts from the previous due time, so a late start does not shift later runs', () => {
    const spec = { action: 'poll', intervalMs: 15 * 60_000 };
    const anchor = new Date('2026-01-01T10:00:00Z');
    expect(nextRunAfter(spec, 'UTC', new Date('2026-01-01T10:07:00Z'), anchor)?.toISOString()).toBe('2026-01-01T10:15:00.000Z');
    expect(nextRunAfter(spec, 'UTC', new Date('2026-01-01T11:01:00Z'), anchor)?.toISOString()).toBe('2026-01-01T11:15:00.000Z');
  });

  it('hourly within active hours that cross midnight runs from 22:00 to 02:00 and not in the day', () => {
    const spec = { action: 'check', cron: '0 * * * *', activeHours: { start: '22:00', end: '02:00' } };
    expect(runs(spec, 'UTC', '2026-01-01T12:00:00Z', 6)).toEqual([
      '2026-01-01T22:00:00.000Z', '2026-01-01T23:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-02T01:00:00.000Z', '2026-01-02T02:00:00.000Z',
      '2026-01-02T22:00:00.000Z',
    ]);
  });

  it('days of the week are read in the schedule’s zone: Saturday 00:30 in Warsaw is still Friday in UTC', () => {
    const spec = { action: 'remind', cron: '30 0 * * *', daysOfWeek: ['sat' as const] };
    expect(runs(spec, WARSAW, '2026-01-01T00:00:00Z', 2)).toEqual(['2026-01-02T23:30:00.000Z', '2026-01-09T23:30:00.000Z']);
  });

  it('a schedule no time can meet has no next run', () => {
    expect(nextRunAfter({ action: 'x', cron: '0 12 * * *', activeHours: { start: '08:00', end: '09:00' } }, 'UTC', new Date('2026-01-01T00:00:00Z'))).toBeNull();
  });
});
