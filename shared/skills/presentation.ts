// How a skill wants its card on the home view ("Today") to look: an optional hint in the manifest.
// Every field names something in what the skill's getData() returns; without a hint (or for a field
// it leaves out) the home view guesses from the data's shape (main/skills/today/card-data.ts).
// The hint only chooses what to show: it grants nothing and runs nothing.

/** How one day's rows become the day's point on the chart. */
export const PER_DAY_RULES = ['sum', 'last', 'count'] as const;
export type PerDayRule = (typeof PER_DAY_RULES)[number];

export interface PresentationSeries {
  /** The key of getData()'s result holding the rows: `[{ logged_at, amount_ml }, …]`. */
  key: string;
  /** The field of a row holding its date or time (ISO 8601); by default `date`, `at`, or one ending in `_at` or `_date`. */
  time?: string;
  /** The field of a row holding its number; by default the first numeric field. Not needed with `per_day: 'count'`. */
  value?: string;
  /** `sum` (default: amounts through the day), `last` (a reading such as weight) or `count` (entries). */
  per_day?: PerDayRule;
}

export interface SkillPresentation {
  /** The key of getData()'s result whose number is the card's headline figure (`total_ml`). */
  headline?: string;
  /** The rows to chart over the last 7 or 30 days. */
  series?: PresentationSeries;
  /** The unit of the headline and the chart (`ml`); by default getData()'s `unit` when it is text. */
  unit?: string;
  /** A goal line on the chart; by default getData()'s `goal` when it is a number. */
  goal?: number;
}

export const PRESENTATION_FIELDS = ['headline', 'series', 'unit', 'goal'] as const;
export const SERIES_FIELDS = ['key', 'time', 'value', 'per_day'] as const;
/** A key or a field name: short, so a typo is visible in the disclosure and the check stays cheap. */
export const MAX_PRESENTATION_NAME = 64;
export const MAX_PRESENTATION_UNIT = 16;
