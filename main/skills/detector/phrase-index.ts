import type { Token } from './text.ts';

export interface PhraseMatch<T> {
  values: readonly T[];
  /** Token indices, end exclusive. */
  start: number;
  end: number;
}

/**
 * Exact look-up of one- to few-word phrases in a token stream. At each position the longest
 * phrase wins and its words are consumed, so "water the plants" is plants, not water.
 */
export function createPhraseIndex<T>(entries: Iterable<readonly [phrase: string, value: T]>) {
  const byPhrase = new Map<string, T[]>();
  let longest = 1;
  for (const [phrase, value] of entries) {
    const key = phrase.trim().split(/\s+/).join(' ');
    const words = key.split(' ').length;
    longest = Math.max(longest, words);
    const values = byPhrase.get(key);
    if (values) values.push(value);
    else byPhrase.set(key, [value]);
  }
  return {
    match(tokens: readonly Token[]): PhraseMatch<T>[] {
      const matches: PhraseMatch<T>[] = [];
      let i = 0;
      while (i < tokens.length) {
        const found = longestAt(tokens, i);
        if (found) {
          matches.push(found);
          i = found.end;
        } else {
          i += 1;
        }
      }
      return matches;
    },
  };

  function longestAt(tokens: readonly Token[], i: number): PhraseMatch<T> | null {
    const words: string[] = [];
    for (let j = i; j < tokens.length && j < i + longest; j++) {
      const token = tokens[j]!;
      if (token.isBreak) break;
      words.push(token.text);
    }
    for (let n = words.length; n >= 1; n--) {
      const values = byPhrase.get(words.slice(0, n).join(' '));
      if (values) return { values, start: i, end: i + n };
    }
    return null;
  }
}
