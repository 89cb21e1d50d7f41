// What the disclosure, the CLI and the Schedules view say about when a schedule runs.
import { describe, expect, it } from 'vitest';
import { describeSchedule } from '../../../main/skills/scheduler/schedule-text.ts';

const said = (spec: Parameters<typeof describeSchedule>[0]) => describeSchedule(spec, 'Europe/Warsaw');

describe('a schedule in plain words', () => {
  it('words the common shapes in both languages', () => {
    expect(said({ action: 'remind', cron: '0 8 * * *' })).toEqual({ en: 'runs every day at 08:00, Europe/Warsaw', pl: 'uruchamia się codziennie o 08:00, Europe/Warsaw' });
    expect(said({ action: 'remind', cron: '30 9 * * 6' })).toEqual({ en: 'runs every Saturday at 09:30, Europe/Warsaw', pl: 'uruchamia się w każdą sobotę o 09:30, Europe/Warsaw' });
    expect(said({ action: 'remind', cron: '0 * * * *', activeHours: { start: '08:00', end: '22:00' } }).pl).toBe('uruchamia się co godzinę między 08:00 a 22:00, Europe/Warsaw');
  });

  it('says “every minute”, not “every 1 minutes”', () => {
    expect(said({ action: 'remind', cron: '*/1 * * * *' })).toEqual({ en: 'runs every minute, Europe/Warsaw', pl: 'uruchamia się co minutę, Europe/Warsaw' });
    expect(said({ action: 'remind', intervalMs: 900_000 })).toEqual({ en: 'runs every 15 minutes, Europe/Warsaw', pl: 'uruchamia się co 15 min, Europe/Warsaw' });
  });

  it('shows any other pattern as written', () => {
    expect(said({ action: 'remind', cron: '0 8 1 * *' }).en).toBe('runs on the cron schedule “0 8 1 * *”, Europe/Warsaw');
  });
});
