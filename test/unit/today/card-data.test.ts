import { describe, expect, it } from 'vitest';
import { cardFigures } from '../../../main/skills/today/card-data.ts';

const TODAY = new Date('2026-12-08T15:00:00Z');
const lastPoints = (chart: ReturnType<typeof cardFigures>['chart'], n: number) => chart!.points.slice(-n).map((p) => p.value);

describe('what a card shows of getData()', () => {
  it('without a hint: the first number is the headline, the first list of dated numbers is charted per day, unit and goal from the data', () => {
    const card = cardFigures({
      date: '2026-12-08', unit: 'ml', total_ml: 550, goal: 2000, tenant_id: 'local', today_count: 2,
      entries: [
        { tenant_id: 'local', amount_ml: 300, logged_at: '2026-12-08T09:00:00.000Z' },
        { tenant_id: 'local', amount_ml: 250, logged_at: '2026-12-08T08:00:00.000Z' },
        { tenant_id: 'local', amount_ml: 400, logged_at: '2026-12-06T20:00:00.000Z' },
      ],
    }, undefined, TODAY);
    expect(card.headline).toEqual({ key: 'total_ml', value: 550, unit: 'ml' });
    expect(card.figures).toEqual([{ key: 'goal', value: 2000 }, { key: 'today_count', value: 2 }]);
    expect(card.chart).toMatchObject({ key: 'entries', unit: 'ml', goal: 2000 });
    expect(card.chart!.points).toHaveLength(30);
    expect(card.chart!.points.at(-1)).toEqual({ date: '2026-12-08', value: 550 });
    expect(lastPoints(card.chart, 3)).toEqual([400, 0, 550]);
  });

  it('follows the hint: its headline, its rows with their fields, a day’s last reading, its unit and goal', () => {
    const data = {
      count: 3,
      weight_kg: 81.2,
      readings: [
        { measured: '2026-12-08T07:00:00Z', kg: 81.2, id: 7 },
        { measured: '2026-12-08T06:00:00Z', kg: 81.6, id: 6 },
        { measured: '2026-12-07T07:00:00Z', kg: 81.9, id: 5 },
      ],
    };
    const card = cardFigures(data, { headline: 'weight_kg', unit: 'kg', goal: 78, series: { key: 'readings', time: 'measured', value: 'kg', per_day: 'last' } }, TODAY);
    expect(card.headline).toEqual({ key: 'weight_kg', value: 81.2, unit: 'kg' });
    expect(card.chart).toMatchObject({ key: 'readings', unit: 'kg', goal: 78 });
    expect(lastPoints(card.chart, 3)).toEqual([null, 81.9, 81.2]);
  });

  it('counts a day’s entries when the hint says count, and draws a flat line before the first entry', () => {
    const hint = { headline: 'today_count', series: { key: 'entries', time: 'logged_at', per_day: 'count' as const } };
    const empty = cardFigures({ today_count: 0, entries: [] }, hint, TODAY);
    expect(empty.chart!.points.every((p) => p.value === 0)).toBe(true);
    const two = cardFigures({ today_count: 2, entries: [{ text: 'a', logged_at: '2026-12-08T01:00:00Z' }, { text: 'b', logged_at: '2026-12-08T02:00:00Z' }] }, hint, TODAY);
    expect(two.chart!.points.at(-1)!.value).toBe(2);
  });

  it('falls back to the data’s shape when the hint names keys the data does not have', () => {
    const card = cardFigures({ total: 4, log: [{ at: '2026-12-08T10:00:00Z', minutes: 4 }] }, { headline: 'missing', series: { key: 'nowhere' } }, TODAY);
    expect(card.headline).toEqual({ key: 'total', value: 4, unit: null });
    expect(card.chart?.key).toBe('log');
  });

  it('shows no chart but how many each list holds for data that is no series, and nothing for data that is not an object', () => {
    expect(cardFigures({ open: [{ item: 'milk', done: false }], done: [] }, undefined, TODAY)).toEqual({
      headline: null, figures: [{ key: 'open', value: 1 }, { key: 'done', value: 0 }], chart: null,
    });
    expect(cardFigures([1, 2, 3], undefined, TODAY)).toEqual({ headline: null, figures: [], chart: null });
    expect(cardFigures(null, undefined, TODAY)).toEqual({ headline: null, figures: [], chart: null });
  });

  it('keeps long text, nested objects and ids out of the figures, and at most six of them', () => {
    const data = { id: 9, user_id: 3, note: 'x'.repeat(41), a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, nested: { x: 1 } };
    const card = cardFigures(data, undefined, TODAY);
    expect(card.headline?.key).toBe('a');
    expect(card.figures.map((f) => f.key)).toEqual(['b', 'c', 'd', 'e', 'f', 'g']);
  });
});
