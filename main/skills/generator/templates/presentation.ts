// The presentation hint (shared/skills/presentation.ts) for a skill the offline generator wrote:
// which of its getData() keys is the card's headline and which rows the home view charts, derived
// from what the template made (its kind and its table's columns). A hint naming a column the
// template no longer has is left out, and the home view then guesses from the data's shape.
import type { SkillKind } from '../../../../shared/skills/need.ts';
import type { SkillPresentation } from '../../../../shared/skills/presentation.ts';
import type { SkillTemplate } from './template.ts';

type Derive = (columns: readonly string[]) => SkillPresentation | null;

const has = (columns: readonly string[], ...names: string[]) => names.every((name) => columns.includes(name));

/** Per kind: where its getData() keeps the rows, and how a day's rows become one point. */
const BY_KIND: Partial<Record<SkillKind, Derive>> = {
  // Amounts logged through the day, totalled: `total_ml` today, `entries` with `amount_ml`.
  tracker: (columns) => {
    const amount = columns.find((column) => /^amount(_|$)/.test(column));
    if (!amount || !has(columns, 'logged_at')) return null;
    return { headline: amount.replace(/^amount/, 'total'), series: { key: 'entries', time: 'logged_at', value: amount, per_day: 'sum' } };
  },
  // One row per day with the day's count (a day without a row counted nothing, so `sum` gives it 0).
  counter: (columns) => (has(columns, 'day', 'count') ? { headline: 'today', series: { key: 'last_days', time: 'day', value: 'count', per_day: 'sum' } } : null),
  // Entries counted per day.
  journal: (columns) => (has(columns, 'logged_at') ? { headline: 'today_count', series: { key: 'entries', time: 'logged_at', per_day: 'count' } } : null),
  // Each reading of the price; the day's last one is the day's price.
  'price-watch': (columns) => (has(columns, 'price', 'checked_at') ? { series: { key: 'recent', time: 'checked_at', value: 'price', per_day: 'last' } } : null),
};

/** `{ presentation }` for `template`'s skill's manifest, or nothing where its data is no series (checklists, reminders, webhooks). */
export function presentationField(kind: SkillKind, template: Pick<SkillTemplate, 'columns'>): { presentation?: SkillPresentation } {
  const presentation = BY_KIND[kind]?.(template.columns);
  return presentation ? { presentation } : {};
}
