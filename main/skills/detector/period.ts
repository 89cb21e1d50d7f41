import type { NeedPeriod } from '../../../shared/skills/need.ts';
import type { Span } from './cadence.ts';

// The period a total or a limit is about: "ile razy w tygodniu", "monthly spending", "dziennie".
// Adjectives count too ("miesięczne wydatki", "a daily stretching habit"); "dziennik" is a journal.
const PERIODS: [NeedPeriod, string][] = [
  ['day', 'dziennie|na\\s+dzień|co\\s*dzień|każdego\\s+dnia|w\\s+ciągu\\s+dnia|codzienn(?:ie|y|a|e|ego|ej|ą|ych)|dzienn(?:y|a|e|ego|ej|ą|ych)|(?:a|per|each|every)\\s+day|every\\s*day|daily'],
  ['week', 'w\\s+tygodniu|na\\s+tydzień|co\\s+tydzień|każdego\\s+tygodnia|w\\s+ciągu\\s+tygodnia|tygodniow(?:o|y|a|e|ego|ej|ą|ych)|(?:a|per|each|every|in\\s+a)\\s+week|weekly'],
  ['month', 'w\\s+miesiącu|na\\s+miesiąc|co\\s+miesiąc|każdego\\s+miesiąca|w\\s+ciągu\\s+miesiąca|miesięczn(?:ie|y|a|e|ego|ej|ą|ych)|(?:a|per|each|every|in\\s+a)\\s+month|monthly'],
  ['year', 'w\\s+roku|na\\s+rok|co\\s+rok|każdego\\s+roku|rocznie|roczn(?:y|a|e|ego|ej|ą|ych)|(?:a|per|each|every|in\\s+a)\\s+year|yearly|annually'],
];

const rx = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu');
const PERIOD_RULES = PERIODS.map(([period, source]) => ({ period, pattern: rx(source) }));

/** The longest period named ("a day" inside "twice a day" is taken by timesPerDay first); null when none is. */
export function findPeriod(normalized: string): { period: NeedPeriod; spans: Span[] } | null {
  let found: NeedPeriod | null = null;
  const spans: Span[] = [];
  for (const { period, pattern } of PERIOD_RULES) {
    for (const m of normalized.matchAll(pattern)) {
      found = period;
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return found ? { period: found, spans } : null;
}

const COUNTS: Record<string, number> = {
  raz: 1, dwa: 2, dwie: 2, trzy: 3, cztery: 4, pięć: 5, sześć: 6, once: 1, twice: 2, thrice: 3, two: 2, three: 3, four: 4, five: 5, six: 6,
};
const TIMES_PER_DAY = rx(
  '(\\d{1,2}|dwa|dwie|trzy|cztery|pięć|sześć)\\s*(?:razy|x)\\s+(?:dziennie|na\\s+dzień|w\\s+ciągu\\s+dnia)|(raz)\\s+(?:dziennie|na\\s+dzień)'
  + '|(?:(\\d{1,2}|two|three|four|five|six)\\s*(?:times|x)|(once|twice|thrice))\\s+(?:a|per|each)\\s+day',
);

/** "dwa razy dziennie", "twice a day", "3x a day": how many times a day; null when not said. */
export function findTimesPerDay(normalized: string): { times: number; span: Span } | null {
  TIMES_PER_DAY.lastIndex = 0;
  const m = TIMES_PER_DAY.exec(normalized);
  if (!m) return null;
  const said = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
  const times = /^\d+$/.test(said) ? Number(said) : COUNTS[said]!;
  return times >= 1 && times <= 24 ? { times, span: { start: m.index, end: m.index + m[0].length } } : null;
}
