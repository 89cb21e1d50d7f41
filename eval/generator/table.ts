// The shape of the generator evaluation's table: a request as a person would type it, the category
// it stands for, and what a correct skill must do, written as checks the runner can evaluate by
// running the generated skill in the real sandbox. The checks say what a person would notice
// (the right fields, the right total, a warning past the limit they named), never how a template
// happens to be built, so a better generator passes them without the table changing.
import type { Locale } from '../../shared/i18n-types.ts';
import type { SkillKind } from '../../shared/skills/need.ts';
import type { Weekday } from '../../shared/skills/schedules.ts';

export const CATEGORIES = [
  'multi-field', 'period', 'threshold', 'units', 'item-count', 'habit', 'schedule', 'list', 'conditional', 'non-request',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Names of the fields a person means; the runner accepts a parameter or data key that matches the name's pattern (see FIELD_PATTERNS). */
export type FieldName =
  | 'systolic' | 'diastolic' | 'pulse' | 'amount' | 'category' | 'distance' | 'duration' | 'weight' | 'item' | 'text';

/** Units a person names; each has the spellings a skill may use for it (see UNIT_SPELLINGS). */
export type UnitName = 'ml' | 'l' | 'km' | 'kg' | 'zł' | '€' | '$' | 'min' | 'h' | 'pages' | 'books' | 'cups' | 'times' | 'steps';

export type Period = 'day' | 'week' | 'month';

export type Check =
  /** The request is not a skill request (a question, a refusal, small talk) and must be refused. */
  | { check: 'refused' }
  /** The skill is of this kind. */
  | { check: 'kind'; kind: SkillKind }
  /** One entry with these fields is accepted by an action and shows up in getData with these values. */
  | { check: 'entry'; fields: Partial<Record<FieldName, number | string>> }
  /** getData reports amounts in this unit (and never in `not`: books are not pages). */
  | { check: 'unit'; unit: UnitName; not?: UnitName }
  /** Amounts logged today, inside and outside the period: getData reports the total over exactly the period. */
  | { check: 'total'; period: Period }
  /** A total past `limit` in `direction` gives a warning insight that names the limit; one on the right side gives none. */
  | { check: 'threshold'; direction: 'above' | 'below'; limit: number; period?: Period }
  /** Marking it done three days running shows a streak of 3 in getData. */
  | { check: 'habit' }
  /** Items added through an action are listed by getData. */
  | { check: 'list'; items: string[] }
  /** manifest.schedules makes it run on its own: at these times, this many times a day, on these days, or every N minutes. */
  | { check: 'schedule'; at?: string[]; perDay?: number; days?: Weekday[]; everyMinutes?: number };

export interface EvalRequest {
  text: string;
  language: Locale;
  category: Category;
  /** Every recognised request is also checked for a name in its language without filler words. */
  checks: Check[];
}
