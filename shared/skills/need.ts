import type { Locale, Localized } from '../i18n-types.ts';

/** The kinds of skill the detector recognises and the offline generator can build. */
export const SKILL_KINDS = ['tracker', 'reminder', 'counter', 'checklist', 'journal', 'price-watch', 'webhook', 'habit'] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];

/** Where a need came from (seed stage 1): asked for, noticed in conversation, or a gap. */
export type NeedSource = 'request' | 'pattern' | 'gap' | 'import';

export type Cadence =
  | { type: 'none' }
  | { type: 'daily'; at?: string /* HH:MM, 24 h */ }
  | { type: 'weekly'; days: string[] /* mon..sun */; at?: string }
  | { type: 'interval'; everyMinutes: number };

export interface NeedEvidence {
  /** e.g. "mentioned 12 times in 30 days" — bilingual text is built from the numbers by the UI. */
  count?: number;
  distinctDays?: number;
  examples?: { text: string; at: string }[];
  domain?: string;
  /** What a gap was judged on: user messages read and the distinct days they span. */
  scanned?: { messages: number; days: number };
}

export interface SkillNeed {
  kind: SkillKind;
  /** Normalised subject in the request's language, base form: "woda", "sleep", "stretching". */
  subject: string;
  /** English slug-friendly subject used for names: "water", "sleep", "stretching". */
  subjectKey: string;
  /** Unit of measure for trackers/counters, when one is known: "ml", "h", "cups". */
  unit: string | null;
  cadence: Cadence;
  language: Locale;
  source: NeedSource;
  /** The original sentence (request) or a description of the pattern / gap. */
  text: string;
  evidence?: NeedEvidence;
  /** What a `price-watch` need watches (its `unit` is the currency, when the request named one). */
  priceWatch?: PriceWatch;
  /** Where a `webhook` need posts: an absolute http(s) address, as the request wrote it. */
  webhook?: { url: string };
  /** What one entry holds when it is more than one amount: systolic + diastolic + pulse, amount + category. */
  fields?: NeedField[];
  /** The period a total or a limit is about ("ile razy w tygodniu", "monthly spending"); a day when absent. */
  period?: NeedPeriod;
  /** A limit the person named, with its direction: "warn me when I spend more than 500 zł a week". */
  threshold?: NeedThreshold;
  /** sum: amounts add up over the period (water, spending); latest: each entry is a reading (weight, blood pressure). Sum when absent. */
  aggregate?: 'sum' | 'latest';
  /** How many times a day the skill should ask or remind ("twice a day" → 2). */
  timesPerDay?: number;
}

export const NEED_PERIODS = ['day', 'week', 'month', 'year'] as const;
export type NeedPeriod = (typeof NEED_PERIODS)[number];

export interface NeedField {
  /** `[a-z][a-z0-9_]*`, e.g. "systolic", "amount", "category". */
  key: string;
  label: Localized;
  type: 'number' | 'text';
  /** The unit of a number field ("mmHg", "km", "min"). */
  unit?: string;
  /** An entry without it is refused. */
  required: boolean;
}

export interface NeedThreshold {
  /** above: warn once the total is over the limit; below: warn while it is under. */
  direction: 'above' | 'below';
  limit: number;
}

/** "Check the price at URL and tell me when it drops under `below`." */
export interface PriceWatch {
  /** An absolute http(s) address, as the request wrote it (plain http only when it said so). */
  url: string;
  below: number;
}

export type NeedParseResult =
  | { isRequest: true; need: SkillNeed }
  | { isRequest: false; reason: { pl: string; en: string } }
  /** Two readings are equally plausible: `reason` is the question to ask back ("Do you mean the number of books or of pages?"). */
  | { isRequest: false; reason: { pl: string; en: string }; clarify: true };
