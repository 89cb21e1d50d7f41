// Built-in sleep tracker: one entry per night (logging a night again corrects it), weekly averages
// and insights against the 7–9 h adults need.
import type { Locale } from '../../shared/i18n-types.ts';
import type { IModExecutor, ModActionResult, ModInsight } from '../../shared/skills/mod-types.ts';
import { average, builtinExecutor, DAY_MS, formatNumber, insight, localDate, modTable, round1, type BuiltinModDeps, type LocalizedAction } from './builtin-mod.ts';

export const SLEEP_GOAL = Object.freeze({ minHours: 7, maxHours: 9, shortNightHours: 5, poorQuality: 2, irregularSpreadHours: 3 });

const DATE = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

const ACTIONS: readonly LocalizedAction[] = [
  {
    slug: 'log_sleep',
    name: { en: 'Log sleep', pl: 'Zapisz sen' },
    description: {
      en: 'Record how long you slept (and how well) on a night; logging the same night again corrects it.',
      pl: 'Zapisz, ile spałeś (i jak dobrze) danej nocy; ponowny zapis tej samej nocy ją poprawia.',
    },
    params_schema: {
      type: 'object',
      required: ['hours'],
      additionalProperties: false,
      properties: {
        hours: { type: 'number', exclusiveMinimum: 0, maximum: 24 },
        quality: { type: 'integer', minimum: 1, maximum: 5 },
        night: { type: 'string', pattern: DATE },
        note: { type: 'string', minLength: 1, maxLength: 200 },
      },
    },
  },
];

interface SleepEntry {
  night: string;
  hours: number;
  quality: number | null;
  note: string | null;
  logged_at: string;
}

export function createSleepTracker(deps: BuiltinModDeps): IModExecutor {
  const table = modTable(deps, 'sleep-tracker', 'sleep_entries');
  // Logged in the morning, a night belongs to the day before: the night starts the evening before waking.
  const defaultNight = () => localDate(new Date(deps.now().getTime() - 12 * 60 * 60 * 1000));

  function entries(tenantId: string): SleepEntry[] {
    return table
      .recent(tenantId, 120)
      .map((row) => row.data as unknown as SleepEntry)
      .sort((a, b) => (a.night < b.night ? 1 : a.night > b.night ? -1 : 0));
  }

  async function getData(tenantId: string) {
    const all = entries(tenantId);
    const weekStart = localDate(new Date(deps.now().getTime() - 7 * DAY_MS));
    const week = all.filter((e) => e.night > weekStart);
    const hours = week.map((e) => e.hours);
    return {
      unit: 'h',
      goal_hours: { min: SLEEP_GOAL.minHours, max: SLEEP_GOAL.maxHours },
      nights_logged_7d: week.length,
      average_hours_7d: average(hours),
      average_quality_7d: average(week.flatMap((e) => (e.quality === null ? [] : [e.quality]))),
      spread_hours_7d: hours.length > 0 ? round1(Math.max(...hours) - Math.min(...hours)) : null,
      last_night: all[0] ?? null,
      entries: all.slice(0, 30),
    };
  }

  function insightsFor(data: Awaited<ReturnType<typeof getData>>, locale: Locale): ModInsight[] {
    const n = (value: number) => formatNumber(value, locale);
    const avg = data.average_hours_7d;
    if (avg === null) {
      return [insight('info', { en: 'No sleep logged this week', pl: 'Brak zapisanego snu w tym tygodniu' },
        { en: 'Log how long you slept to see your averages.', pl: 'Zapisz, ile spałeś, aby zobaczyć średnie.' }, locale)];
    }
    const found: ModInsight[] = [];
    const last = data.last_night;
    if (last && last.hours < SLEEP_GOAL.shortNightHours) {
      found.push(insight('alert', { en: 'Very short night', pl: 'Bardzo krótka noc' },
        { en: `Only ${n(last.hours)} h on the night of ${last.night}.`, pl: `Tylko ${n(last.hours)} h w nocy ${last.night}.` }, locale));
    }
    const nights = data.nights_logged_7d;
    if (avg < SLEEP_GOAL.minHours) {
      found.push(insight('warning', { en: 'Not enough sleep', pl: 'Za mało snu' },
        { en: `On average ${n(avg)} h over ${nights} nights this week; aim for 7–9 h.`, pl: `Średnio ${n(avg)} h z ${nights} nocy w tym tygodniu; celuj w 7–9 h.` }, locale));
    } else if (avg > SLEEP_GOAL.maxHours) {
      found.push(insight('info', { en: 'Long sleep', pl: 'Długi sen' },
        { en: `On average ${n(avg)} h over ${nights} nights this week, more than 9 h.`, pl: `Średnio ${n(avg)} h z ${nights} nocy w tym tygodniu, ponad 9 h.` }, locale));
    } else {
      found.push(insight('success', { en: 'Healthy sleep', pl: 'Zdrowy sen' },
        { en: `On average ${n(avg)} h over ${nights} nights this week.`, pl: `Średnio ${n(avg)} h z ${nights} nocy w tym tygodniu.` }, locale));
    }
    const quality = data.average_quality_7d;
    if (quality !== null && quality <= SLEEP_GOAL.poorQuality) {
      found.push(insight('warning', { en: 'Poor sleep quality', pl: 'Słaba jakość snu' },
        { en: `Average quality ${n(quality)}/5 this week.`, pl: `Średnia jakość ${n(quality)}/5 w tym tygodniu.` }, locale));
    }
    const spread = data.spread_hours_7d;
    if (nights >= 3 && spread !== null && spread > SLEEP_GOAL.irregularSpreadHours) {
      found.push(insight('info', { en: 'Irregular sleep', pl: 'Nieregularny sen' },
        { en: `Your nights differ by up to ${n(spread)} h this week; a steady schedule helps.`, pl: `Twoje noce różnią się w tym tygodniu nawet o ${n(spread)} h; stały rytm pomaga.` }, locale));
    }
    return found;
  }

  function logSleep(tenantId: string, params: Record<string, unknown>): ModActionResult {
    const night = typeof params.night === 'string' ? params.night : defaultNight();
    if (night > localDate(deps.now())) {
      const error = { en: 'That night has not happened yet.', pl: 'Ta noc jeszcze się nie wydarzyła.' };
      return { success: false, error: error[deps.locale()] };
    }
    const entry: SleepEntry = {
      night,
      hours: params.hours as number,
      quality: typeof params.quality === 'number' ? params.quality : null,
      note: typeof params.note === 'string' ? params.note : null,
      logged_at: deps.now().toISOString(),
    };
    const sameNight = [{ column: 'night', value: night }];
    const replaced = table.recent(tenantId, 1, sameNight).length > 0;
    if (replaced) table.update(tenantId, sameNight, { ...entry });
    else table.add(tenantId, { ...entry });
    return { success: true, data: { ...entry, replaced } };
  }

  return builtinExecutor(deps, { slug: 'sleep-tracker', actions: ACTIONS, getData, insights: insightsFor, run: (tenantId, _action, params) => logSleep(tenantId, params) });
}
