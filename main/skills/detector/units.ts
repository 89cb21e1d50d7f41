import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { Span } from './cadence.ts';

/**
 * A unit the person named overrides the subject's default: "w litrach", "in miles", "500 zł",
 * "ile kilometrów", "the books I read". Whole words are matched in any case form people use;
 * a bare symbol (ml, h, zł, €) only right after a number, so "min" or "l" in other words never count.
 */
interface UnitWord {
  unit: Localized;
  /** Counted items (books, steps, times) rather than a measured amount (ml, km, zł). */
  counted: boolean;
  /** Word forms, PL and EN, as a regex alternative. */
  words: string;
  /** Symbols valid only after a number. */
  symbols?: string;
}

const same = (unit: string): Localized => ({ pl: unit, en: unit });

const UNIT_WORDS: UnitWord[] = [
  { unit: same('ml'), counted: false, words: 'mililitr(?:y|ów|ach|a)?|millilit(?:er|re)s?', symbols: 'ml' },
  { unit: same('l'), counted: false, words: 'litr(?:y|ów|ach|a)?|lit(?:er|re)s?', symbols: 'l' },
  { unit: same('km'), counted: false, words: 'kilometr(?:y|ów|ach|ami|a)?|kilomet(?:er|re)s?', symbols: 'km' },
  { unit: same('mi'), counted: false, words: 'miles?|mil' },
  { unit: same('kg'), counted: false, words: 'kilogram(?:y|ów|ach|a)?|kilograms?|kilos?', symbols: 'kg' },
  { unit: same('lb'), counted: false, words: 'pounds|lbs', symbols: 'lbs?' },
  { unit: same('min'), counted: false, words: 'minut(?:y|a|ę|ach)?|minutes?', symbols: 'min' },
  { unit: same('h'), counted: false, words: 'godzin(?:y|a|ę|ach)?|hours?', symbols: 'h|godz\\.?' },
  { unit: same('kcal'), counted: false, words: 'kaloriach', symbols: 'kcal|kalorii|calories' },
  { unit: same('zł'), counted: false, words: 'złotych|złotówkach|złotówek|złotówki|złote|zlotys?|złoty|pln', symbols: 'zł|zl' },
  { unit: same('EUR'), counted: false, words: 'euro|euros|eur', symbols: '€' },
  { unit: same('USD'), counted: false, words: 'dolar(?:ach|ów|y)|dollars?|usd', symbols: '\\$' },
  { unit: { pl: 'szklanki', en: 'glasses' }, counted: true, words: 'szklank(?:ach|ami|i|ę|a)|szklanek|glasses' },
  { unit: { pl: 'filiżanki', en: 'cups' }, counted: true, words: 'filiżank(?:ach|i|ę|a)|filiżanek|cups' },
  { unit: { pl: 'strony', en: 'pages' }, counted: true, words: 'stron(?:y|ach|ę|a)?|pages?' },
  { unit: { pl: 'książki', en: 'books' }, counted: true, words: 'książ(?:ki|ek|ka|kę|kach|kami)|books?' },
  { unit: { pl: 'kroki', en: 'steps' }, counted: true, words: 'kroki|kroków|steps' },
];

export interface NamedUnit {
  /** In the request's language: "zł", "książki", "pages". */
  unit: string;
  counted: boolean;
  span: Span;
}

const WORD = (source: string) => `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`;
const NUMBER = '\\d+(?:[.,]\\d+)?';
// "w litrach", "in km": the preposition goes with the unit, not with the subject.
const RULES = UNIT_WORDS.map((u) => ({
  entry: u,
  pattern: new RegExp(
    [`(?:(?:w|in)\\s+)?${WORD(u.words)}`, ...(u.symbols ? [`(?<=${NUMBER}\\s?)(?:${u.symbols})(?![\\p{L}\\p{N}])`] : [])].join('|'),
    'gu',
  ),
}));

/** Every unit named in the request, in the order they appear; the first is the need's unit. */
export function findUnits(normalized: string, language: Locale): NamedUnit[] {
  const found: NamedUnit[] = [];
  for (const { entry, pattern } of RULES) {
    for (const m of normalized.matchAll(pattern)) {
      found.push({ unit: entry.unit[language], counted: entry.counted, span: { start: m.index, end: m.index + m[0].length } });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** Units that are counted items: a counter in these stays a counter; any other unit makes it a tracker of amounts. */
export function isCountedUnit(unit: string): boolean {
  return UNIT_WORDS.some((u) => u.counted && (u.unit.pl === unit || u.unit.en === unit)) || ['razy', 'times', 'szt.', 'pcs', 'porcje', 'servings', 'butelki', 'bottles', 'kieliszki'].includes(unit);
}
