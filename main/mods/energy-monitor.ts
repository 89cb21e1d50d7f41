// Built-in energy monitor: energy levels 1–10 through the day, averages by part of the day, the
// week's trend against the week before, and the afternoon slump when there is one.
import type { Locale } from '../../shared/i18n-types.ts';
import type { IModExecutor, ModActionResult, ModInsight } from '../../shared/skills/mod-types.ts';
import { average, builtinExecutor, DAY_MS, formatNumber, insight, localDate, modTable, round1, type BuiltinModDeps, type LocalizedAction } from './builtin-mod.ts';

export const ENERGY_THRESHOLDS = Object.freeze({ low: 4, good: 7, slumpDrop: 2, trendChange: 1.5 });

const ACTIONS: readonly LocalizedAction[] = [
  {
    slug: 'log_energy',
    name: { en: 'Log energy', pl: 'Zapisz energię' },
    description: { en: 'Record how much energy you have now, from 1 (none) to 10 (full).', pl: 'Zapisz, ile masz teraz energii, od 1 (brak) do 10 (pełnia).' },
    params_schema: {
      type: 'object',
      required: ['level'],
      additionalProperties: false,
      properties: {
        level: { type: 'integer', minimum: 1, maximum: 10 },
        note: { type: 'string', minLength: 1, maxLength: 200 },
      },
    },
  },
];

type PartOfDay = 'morning' | 'afternoon' | 'evening';

interface EnergyEntry {
  level: number;
  note: string | null;
  part_of_day: PartOfDay;
  logged_at: string;
}

/** On this computer's clock: morning 5–12, afternoon 12–18, evening (and night) otherwise. */
function partOfDay(at: Date): PartOfDay {
  const hour = at.getHours();
  return hour >= 5 && hour < 12 ? 'morning' : hour >= 12 && hour < 18 ? 'afternoon' : 'evening';
}

export function createEnergyMonitor(deps: BuiltinModDeps): IModExecutor {
  const table = modTable(deps, 'energy-monitor', 'energy_entries');

  async function getData(tenantId: string) {
    const now = deps.now().getTime();
    const all = table.recent(tenantId, 500).map((row) => row.data as unknown as EnergyEntry);
    const since = (days: number) => new Date(now - days * DAY_MS).toISOString();
    const week = all.filter((e) => e.logged_at > since(7));
    const weekBefore = all.filter((e) => e.logged_at > since(14) && e.logged_at <= since(7));
    const today = all.filter((e) => localDate(new Date(e.logged_at)) === localDate(deps.now()));
    const levels = (entries: EnergyEntry[]) => entries.map((e) => e.level);
    const averageWeek = average(levels(week));
    const averageBefore = average(levels(weekBefore));
    const byPart = (part: PartOfDay) => average(levels(week.filter((e) => e.part_of_day === part)));
    return {
      scale: { min: 1, max: 10 },
      today: { count: today.length, average: average(levels(today)) },
      average_7d: averageWeek,
      average_previous_7d: averageBefore,
      trend_7d: averageWeek !== null && averageBefore !== null ? round1(averageWeek - averageBefore) : null,
      by_part_of_day_7d: { morning: byPart('morning'), afternoon: byPart('afternoon'), evening: byPart('evening') },
      entries: all.slice(0, 50),
    };
  }

  function insightsFor(data: Awaited<ReturnType<typeof getData>>, locale: Locale): ModInsight[] {
    const n = (value: number) => formatNumber(value, locale);
    const avg = data.average_7d;
    if (avg === null) {
      return [insight('info', { en: 'No energy logged this week', pl: 'Brak zapisów energii w tym tygodniu' },
        { en: 'Log your energy a few times a day to see when it rises and falls.', pl: 'Zapisuj energię kilka razy dziennie, aby zobaczyć, kiedy rośnie, a kiedy spada.' }, locale)];
    }
    const found: ModInsight[] = [];
    if (avg <= ENERGY_THRESHOLDS.low) {
      found.push(insight('warning', { en: 'Low energy', pl: 'Niski poziom energii' },
        { en: `On average ${n(avg)}/10 this week.`, pl: `Średnio ${n(avg)}/10 w tym tygodniu.` }, locale));
    }
    const { morning, afternoon } = data.by_part_of_day_7d;
    if (morning !== null && afternoon !== null && afternoon <= morning - ENERGY_THRESHOLDS.slumpDrop) {
      found.push(insight('info', { en: 'Afternoon slump', pl: 'Popołudniowy spadek' },
        { en: `Mornings ${n(morning)}/10, afternoons ${n(afternoon)}/10 on average this week.`, pl: `Rano średnio ${n(morning)}/10, po południu ${n(afternoon)}/10 w tym tygodniu.` }, locale));
    }
    const trend = data.trend_7d;
    const before = data.average_previous_7d;
    if (trend !== null && before !== null && Math.abs(trend) >= ENERGY_THRESHOLDS.trendChange) {
      found.push(trend < 0
        ? insight('warning', { en: 'Energy falling', pl: 'Energia spada' },
          { en: `${n(before)} → ${n(avg)}/10 compared with the week before.`, pl: `${n(before)} → ${n(avg)}/10 w porównaniu z poprzednim tygodniem.` }, locale)
        : insight('success', { en: 'Energy rising', pl: 'Energia rośnie' },
          { en: `${n(before)} → ${n(avg)}/10 compared with the week before.`, pl: `${n(before)} → ${n(avg)}/10 w porównaniu z poprzednim tygodniem.` }, locale));
    }
    if (found.length === 0 && avg >= ENERGY_THRESHOLDS.good) {
      found.push(insight('success', { en: 'Good energy', pl: 'Dobra energia' },
        { en: `On average ${n(avg)}/10 this week.`, pl: `Średnio ${n(avg)}/10 w tym tygodniu.` }, locale));
    }
    return found;
  }

  function logEnergy(tenantId: string, params: Record<string, unknown>): ModActionResult {
    const at = deps.now();
    const entry: EnergyEntry = {
      level: params.level as number,
      note: typeof params.note === 'string' ? params.note : null,
      part_of_day: partOfDay(at),
      logged_at: at.toISOString(),
    };
    table.add(tenantId, { ...entry });
    return { success: true, data: entry };
  }

  return builtinExecutor(deps, { slug: 'energy-monitor', actions: ACTIONS, getData, insights: insightsFor, run: (tenantId, _action, params) => logEnergy(tenantId, params) });
}
