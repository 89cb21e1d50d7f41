// What a card shows of a skill's getData(): the headline figure, a few short figures, and a chart
// of dated numbers per day. The manifest's presentation hint chooses (shared/skills/presentation.ts);
// what it leaves out, or names wrongly, is guessed from the data's shape. getData() returns whatever
// the skill returns, so nothing here trusts a type it has not checked, and the work is bounded by
// the rows looked at (MAX_ROWS), not by what the skill sent.
import { TODAY_CHART_DAYS, type TodayCard, type TodayChart, type TodayFigure } from '../../../shared/contract/today-records.ts';
import type { PerDayRule, PresentationSeries, SkillPresentation } from '../../../shared/skills/presentation.ts';

type Row = Record<string, unknown>;

/** Rows of a series looked at: a skill returning 100,000 rows must not stall the card. */
const MAX_ROWS = 5_000;
/** Short figures beside the headline: a card, not a table. */
const MAX_FIGURES = 6;
/** Text longer than this is not a figure (it is a note or a list). */
const MAX_FIGURE_TEXT = 40;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Never figures: the tenant is always the one person here, and ids say nothing to them. */
const HIDDEN_KEY = /^(tenant_id|id)$|_id$/;
const TIME_KEY = /^(date|at)$|_(at|date)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The UTC calendar day of an ISO date or time (skills date rows with foundry.now()), or null. */
function dayOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  if (DAY.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

const timeField = (row: Row, wanted?: string): string | undefined =>
  wanted !== undefined ? (dayOf(row[wanted]) ? wanted : undefined) : Object.keys(row).find((key) => TIME_KEY.test(key) && dayOf(row[key]) !== null);

const valueField = (row: Row, time: string, wanted?: string): string | undefined =>
  wanted !== undefined ? (isNumber(row[wanted]) ? wanted : undefined) : Object.keys(row).find((key) => key !== time && !HIDDEN_KEY.test(key) && isNumber(row[key]));

interface SeriesShape {
  key: string;
  rows: Row[];
  time: string;
  value: string | null;
  perDay: PerDayRule;
}

/** The rows of `key` and which fields date and measure them, if the data has them. */
function seriesShape(data: Row, key: string, hint: Partial<PresentationSeries> = {}): SeriesShape | null {
  const list = data[key];
  if (!Array.isArray(list)) return null;
  const rows = list.slice(0, MAX_ROWS).filter(isRow);
  const perDay = hint.per_day ?? 'sum';
  // Named in full by the hint: a chart even before the first entry (a flat line, not nothing).
  if (hint.time !== undefined && (hint.value !== undefined || perDay === 'count')) return { key, rows, time: hint.time, value: hint.value ?? null, perDay };
  for (const row of rows) {
    const time = timeField(row, hint.time);
    if (time === undefined) continue;
    const value = valueField(row, time, hint.value) ?? null;
    if (value !== null || perDay === 'count') return { key, rows, time, value, perDay };
  }
  return null;
}

/** The hint's series when the data holds it, else the first list of dated numeric rows. */
function findSeries(data: Row, hint: PresentationSeries | undefined): SeriesShape | null {
  const hinted = hint ? seriesShape(data, hint.key, hint) : null;
  if (hinted) return hinted;
  for (const key of Object.keys(data)) {
    const found = seriesShape(data, key);
    if (found) return found;
  }
  return null;
}

/** One point per day over the last TODAY_CHART_DAYS days up to `today`, oldest first. */
function pointsPerDay(series: SeriesShape, today: Date): TodayChart['points'] {
  const days = Array.from({ length: TODAY_CHART_DAYS }, (_, i) => new Date(today.getTime() - (TODAY_CHART_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10));
  const byDay = new Map<string, { total: number; count: number; last: number | null; lastAt: string }>(days.map((day) => [day, { total: 0, count: 0, last: null, lastAt: '' }]));
  for (const row of series.rows) {
    const day = byDay.get(dayOf(row[series.time]) ?? '');
    const value = series.value === null ? null : row[series.value];
    if (!day || (series.perDay !== 'count' && !isNumber(value))) continue;
    day.count += 1;
    if (isNumber(value)) {
      day.total += value;
      const at = String(row[series.time]);
      if (day.last === null || at >= day.lastAt) { day.last = value; day.lastAt = at; }
    }
  }
  return days.map((date) => {
    const day = byDay.get(date)!;
    const value = series.perDay === 'count' ? day.count : series.perDay === 'last' ? day.last : Math.round(day.total * 100) / 100;
    return { date, value };
  });
}

type CardFigures = Pick<TodayCard, 'headline' | 'figures' | 'chart'>;

/** What the card shows of `data` (getData()'s result), as `hint` asks where the data allows it. */
export function cardFigures(data: unknown, hint: SkillPresentation | undefined, today: Date): CardFigures {
  if (!isRow(data)) return { headline: null, figures: [], chart: null };
  const unit = typeof hint?.unit === 'string' ? hint.unit : typeof data.unit === 'string' && data.unit.length <= 16 ? data.unit : null;
  const headlineKey = hint?.headline !== undefined && isNumber(data[hint.headline])
    ? hint.headline
    : Object.keys(data).find((key) => !HIDDEN_KEY.test(key) && key !== 'goal' && isNumber(data[key]));
  const headline = headlineKey === undefined ? null : { key: headlineKey, value: data[headlineKey] as number, unit };
  const series = findSeries(data, hint?.series);
  const figures: TodayFigure[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (figures.length >= MAX_FIGURES) break;
    if (key === headlineKey || key === series?.key || HIDDEN_KEY.test(key) || (key === 'unit' && unit !== null)) continue;
    // A date or a time is when the skill answered (`date`, `now`), not something it knows.
    const shortText = typeof value === 'string' && value.length <= MAX_FIGURE_TEXT && dayOf(value) === null;
    if (isNumber(value) || typeof value === 'boolean' || shortText) figures.push({ key, value });
    // A list other than the chart's says how many it holds (a checklist's `open`, a reminder's `due`).
    else if (Array.isArray(value)) figures.push({ key, value: value.length });
  }
  const goal = isNumber(hint?.goal) ? hint.goal : isNumber(data.goal) ? data.goal : null;
  const chart = series ? { key: series.key, unit, goal, points: pointsPerDay(series, today) } : null;
  return { headline, figures, chart };
}
