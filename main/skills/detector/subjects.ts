import type { Locale } from '../../../shared/i18n-types.ts';
import type { Token } from './text.ts';
import { createPhraseIndex } from './phrase-index.ts';
import { LEXICON, type LexiconEntry } from './lexicon.ts';

export interface SubjectMention {
  entry: LexiconEntry;
  /** The language of the form that matched; null when the form is the same in both ("latte"). */
  language: Locale | null;
  /** Token indices, end exclusive. */
  start: number;
  end: number;
}

const index = createPhraseIndex(
  LEXICON.flatMap((entry) => [
    ...entry.pl.forms.map((form) => [form, { entry, language: 'pl' as Locale }] as const),
    ...entry.en.forms.map((form) => [form, { entry, language: 'en' as Locale }] as const),
  ]),
);

/** Every lexicon subject named in the tokens, in order. */
export function findSubjects(tokens: readonly Token[]): SubjectMention[] {
  return index.match(tokens).map((match) => {
    const first = match.values[0]!;
    const languages = new Set(match.values.map((v) => v.language));
    return { entry: first.entry, language: languages.size === 1 ? first.language : null, start: match.start, end: match.end };
  });
}
