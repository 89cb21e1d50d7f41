import type { Locale } from '../i18n-types.ts';

/** The kinds of skill the detector recognises and the offline generator can build. */
export const SKILL_KINDS = ['tracker', 'reminder', 'counter', 'checklist', 'journal', 'price-watch', 'webhook'] as const;
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
}

/** "Check the price at URL and tell me when it drops under `below`." */
export interface PriceWatch {
  /** An absolute http(s) address, as the request wrote it (plain http only when it said so). */
  url: string;
  below: number;
}

export type NeedParseResult =
  | { isRequest: true; need: SkillNeed }
  | { isRequest: false; reason: { pl: string; en: string } };
