// Text handling shared by the parser, the pattern matcher and the gap detector.

export interface Token {
  /** Lower-case word, or a clause break (. , ; : ! ?) when `isBreak`. */
  text: string;
  start: number;
  end: number;
  isBreak: boolean;
}

/** Lower case (Polish rules), composed diacritics, straight apostrophes: the form every matcher compares. */
export function normalize(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('pl').replace(/[\u2018\u2019\u02bc`]/g, "'");
}

const TOKEN = /[\p{L}\p{N}]+(?:'\p{L}+)*|[.!?;:,]/gu;

/** Words and clause breaks of already-normalised text, with their offsets in it. */
export function tokenize(normalized: string): Token[] {
  return [...normalized.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    isBreak: !/[\p{L}\p{N}]/u.test(m[0]),
  }));
}

export function wordsOf(text: string): string[] {
  return tokenize(normalize(text)).filter((t) => !t.isBreak).map((t) => t.text);
}

const ASCII_FOR: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };

/** "podlewanie kwiatów" → "podlewanie-kwiatow": a name-safe key for subjects the lexicon does not know. */
export function slugify(text: string, maxLength = 40): string {
  const ascii = normalize(text).replace(/[ąćęłńóśźż]/g, (c) => ASCII_FOR[c] ?? c).normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, maxLength).replace(/-+$/, '');
}

/** Replaces the given spans with spaces, keeping every other offset where it was. */
export function blankOut(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}
