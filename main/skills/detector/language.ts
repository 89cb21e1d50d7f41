import type { Locale } from '../../../shared/i18n-types.ts';
import { wordsOf } from './text.ts';

const POLISH_LETTERS = /[ąćęłńóśźż]/iu;
// Words that exist in only one of the two languages ("i", "a", "to", "on", "do" are in both).
const POLISH_WORDS = new Set(
  'w we z ze na nie się że jak co mi mnie ile czy jest mój moja moje chcę chce proszę od po dla przez bardzo jestem mam już jeszcze tylko dziś dzisiaj jutro codziennie mnie sobie tak był była było żeby aby'.split(' '),
);
const ENGLISH_WORDS = new Set(
  "the an my me of and is are how what much many want would like please every at in it you your for with about this that i'm i'd don't can could was were today tomorrow daily when if than more less whether per each".split(' '),
);

/** Polish or English by diacritics and function words; null when the text gives no sign either way. */
export function detectLanguage(text: string): Locale | null {
  const words = wordsOf(text);
  // "500 zł" is a currency in any language, not a sign of Polish.
  let pl = POLISH_LETTERS.test(text.replace(/(?<!\p{L})zł(?!\p{L})/giu, '')) ? 3 : 0;
  let en = 0;
  for (const word of words) {
    if (POLISH_WORDS.has(word)) pl += 1;
    if (ENGLISH_WORDS.has(word)) en += 1;
  }
  if (pl === en) return null;
  return pl > en ? 'pl' : 'en';
}
