import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_EXECUTORS, ActionParamsError } from '../../../main/mods/index.ts';
import { openFoundryStore, type FoundryStore } from '../../../main/store/index.ts';
import { createSkillRowsRepository } from '../../../main/store/repositories/skill-rows.ts';
import type { Locale } from '../../../shared/i18n-types.ts';
import type { IModExecutor } from '../../../shared/skills/mod-types.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { createClock, type Clock } from '../approval/security-fixtures.ts';
import { DAY_MS } from './flow-fixtures.ts';

// Nights and parts of the day are on the owner's clock: pin it.
process.env.TZ = 'Europe/Warsaw';

const tempDir = useTempDir();
let store: FoundryStore;
let clock: Clock;
let locale: Locale;

beforeEach((context) => {
  // 2026-03-02 11:00 in Warsaw.
  clock = createClock(Date.parse('2026-03-02T10:00:00.000Z'));
  store = openFoundryStore(tempDir(), { now: clock.now });
  locale = 'en';
  context.onTestFinished(() => {
    store.close();
  });
});

const mod = (slug: keyof typeof BUILTIN_EXECUTORS): IModExecutor =>
  BUILTIN_EXECUTORS[slug]({ rows: createSkillRowsRepository(store.db), now: clock.now, locale: () => locale });

const rowsOf = (slug: string) => store.db.prepare('SELECT table_name, data FROM skill_rows WHERE skill_slug = ?').all(slug) as { table_name: string; data: string }[];

describe('sleep-tracker', () => {
  it('logs nights (a night logged again is corrected), averages the week and warns about too little sleep', async () => {
    const sleep = mod('sleep-tracker');
    expect(sleep.slug).toBe('sleep-tracker');
    expect(await sleep.executeAction('anna', 'log_sleep', { hours: 5.5, night: '2026-02-27' })).toMatchObject({ success: true });
    expect(await sleep.executeAction('anna', 'log_sleep', { hours: 6, night: '2026-02-28', quality: 2 })).toMatchObject({ success: true });
    // Logged at 11:00, the night without a date is the one that began yesterday.
    expect(await sleep.executeAction('anna', 'log_sleep', { hours: 7, quality: 3 })).toMatchObject({ success: true, data: { night: '2026-03-01', replaced: false } });
    expect(await sleep.executeAction('anna', 'log_sleep', { hours: 6.5, night: '2026-03-01', quality: 2 })).toMatchObject({ success: true, data: { replaced: true } });
    // Older than a week: kept, but not in the week's average.
    await sleep.executeAction('anna', 'log_sleep', { hours: 10, night: '2026-02-20' });
    await sleep.executeAction('bob', 'log_sleep', { hours: 9, night: '2026-03-01' });

    expect(rowsOf('sleep-tracker')).toHaveLength(5);
    expect(rowsOf('sleep-tracker').every((r) => r.table_name === 'sleep_entries')).toBe(true);
    const data = await sleep.getData('anna');
    expect(data).toMatchObject({
      nights_logged_7d: 3, average_hours_7d: 6, average_quality_7d: 2, spread_hours_7d: 1,
      last_night: { night: '2026-03-01', hours: 6.5, quality: 2 },
    });
    expect((data.entries as unknown[]).length).toBe(4);

    const insights = await sleep.getInsights('anna');
    expect(insights).toEqual([
      { type: 'warning', title: 'Not enough sleep', message: 'On average 6 h over 3 nights this week; aim for 7–9 h.' },
      { type: 'warning', title: 'Poor sleep quality', message: 'Average quality 2/5 this week.' },
    ]);
    expect(await sleep.getInsights('bob')).toEqual([{ type: 'success', title: 'Healthy sleep', message: 'On average 9 h over 1 nights this week.' }]);
  });

  it('raises an alert after a very short night, speaks Polish with Polish numbers, and says when nothing was logged', async () => {
    const sleep = mod('sleep-tracker');
    locale = 'pl';
    expect(await sleep.getInsights('anna')).toEqual([{ type: 'info', title: 'Brak zapisanego snu w tym tygodniu', message: 'Zapisz, ile spałeś, aby zobaczyć średnie.' }]);
    await sleep.executeAction('anna', 'log_sleep', { hours: 4.5, night: '2026-03-01' });
    const insights = await sleep.getInsights('anna');
    expect(insights[0]).toEqual({ type: 'alert', title: 'Bardzo krótka noc', message: 'Tylko 4,5 h w nocy 2026-03-01.' });
    expect(insights[1]).toMatchObject({ type: 'warning', title: 'Za mało snu' });
    expect(sleep.getActions()).toEqual([expect.objectContaining({ slug: 'log_sleep', name: 'Zapisz sen' })]);
  });

  it('refuses a night that has not happened, and params its schema refuses (nothing stored)', async () => {
    const sleep = mod('sleep-tracker');
    expect(await sleep.executeAction('anna', 'log_sleep', { hours: 7, night: '2026-03-03' })).toEqual({ success: false, error: 'That night has not happened yet.' });
    for (const [action, params] of [
      ['log_sleep', { hours: 30 }],
      ['log_sleep', { hours: 0 }],
      ['log_sleep', { hours: 7, quality: 6 }],
      ['log_sleep', { hours: 7, night: '1 March' }],
      ['log_sleep', { hours: 7, extra: true }],
      ['log_sleep', {}],
      ['delete_everything', {}],
    ] as const) {
      await expect(sleep.executeAction('anna', action, params)).rejects.toBeInstanceOf(ActionParamsError);
    }
    expect(rowsOf('sleep-tracker')).toHaveLength(0);
  });
});

describe('energy-monitor', () => {
  const at = (iso: string) => clock.set(Date.parse(iso));

  it('averages by part of the day and finds the afternoon slump and a falling week', async () => {
    const energy = mod('energy-monitor');
    // The week before: steady 8s.
    for (const day of ['2026-02-20', '2026-02-21', '2026-02-22']) {
      at(`${day}T08:00:00.000Z`);
      await energy.executeAction('anna', 'log_energy', { level: 8 });
    }
    // This week: bright mornings (09:00 Warsaw), flat afternoons (15:00 Warsaw).
    for (const day of ['2026-02-27', '2026-02-28', '2026-03-01']) {
      at(`${day}T08:00:00.000Z`);
      expect(await energy.executeAction('anna', 'log_energy', { level: 8, note: 'coffee' })).toMatchObject({ success: true, data: { part_of_day: 'morning' } });
      at(`${day}T14:00:00.000Z`);
      expect(await energy.executeAction('anna', 'log_energy', { level: 4 })).toMatchObject({ success: true, data: { part_of_day: 'afternoon' } });
    }
    at('2026-03-01T20:00:00.000Z');
    const data = await energy.getData('anna');
    expect(data).toMatchObject({
      today: { count: 2, average: 6 },
      average_7d: 6,
      average_previous_7d: 8,
      trend_7d: -2,
      by_part_of_day_7d: { morning: 8, afternoon: 4, evening: null },
    });
    expect(await energy.getInsights('anna')).toEqual([
      { type: 'info', title: 'Afternoon slump', message: 'Mornings 8/10, afternoons 4/10 on average this week.' },
      { type: 'warning', title: 'Energy falling', message: '8 → 6/10 compared with the week before.' },
    ]);
  });

  it('warns about low energy, praises good energy, and refuses levels off the scale', async () => {
    const energy = mod('energy-monitor');
    expect(await energy.getInsights('anna')).toEqual([expect.objectContaining({ type: 'info', title: 'No energy logged this week' })]);
    await energy.executeAction('anna', 'log_energy', { level: 3 });
    await energy.executeAction('anna', 'log_energy', { level: 2 });
    expect(await energy.getInsights('anna')).toEqual([{ type: 'warning', title: 'Low energy', message: 'On average 2.5/10 this week.' }]);
    expect(await energy.getData('anna')).toMatchObject({ today: { count: 2, average: 2.5 } });
    await energy.executeAction('bob', 'log_energy', { level: 9 });
    expect(await energy.getInsights('bob')).toEqual([{ type: 'success', title: 'Good energy', message: 'On average 9/10 this week.' }]);

    for (const params of [{ level: 11 }, { level: 0 }, { level: 5.5 }, { level: '7' }, {}]) {
      await expect(energy.executeAction('anna', 'log_energy', params)).rejects.toBeInstanceOf(ActionParamsError);
    }
    clock.advance(8 * DAY_MS);
    expect(await energy.getInsights('anna')).toEqual([expect.objectContaining({ title: 'No energy logged this week' })]);
  });
});
