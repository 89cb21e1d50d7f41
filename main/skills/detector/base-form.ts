// Polish words of a subject outside the lexicon, put back into the form a name uses, by the few
// rules that hold without a dictionary. A word no rule covers is kept as the request said it:
// a wrong base form would read worse than the right inflected one.

/** "zadzwonił(em)" → "zadzwonić", "napisała" → "napisać": the past form after "żebym" as an infinitive. */
function infinitiveOf(word: string): string | null {
  const stem = word.replace(/(?:łem|łam|łeś|łaś|ła|ł)$/u, '');
  if (stem === word) return null;
  if (/[iy]$/u.test(stem)) return `${stem}ć`;
  if (/[ae]$/u.test(stem)) return `${stem}ć`;
  return null;
}

/** "filmów" → "filmy", "prezentów" → "prezenty", "kroków" → "kroki": a masculine genitive plural as a nominative. */
function nominativePluralOf(word: string): string | null {
  if (!/ów$/u.test(word) || word.length < 5) return null;
  const stem = word.slice(0, -2);
  return /[kg]$/u.test(stem) ? `${stem}i` : `${stem}y`;
}

/** "grę" → "gra", "jazdę" → "jazda": a feminine noun that is the object of "śledzić", "liczyć". */
function nominativeOfObject(word: string): string | null {
  return /^\p{L}{2,}ę$/u.test(word) ? `${word.slice(0, -1)}a` : null;
}

/** "czytania" → "czytanie", "gimnastyki" → "gimnastyka": a genitive after "nawyk", "lista", "dziennik". */
function nominativeOfGenitive(word: string): string | null {
  if (/^\p{L}{2,}[nc]ia$/u.test(word)) return `${word.slice(0, -1)}e`;
  if (/^\p{L}{2,}[kg]i$/u.test(word)) return `${word.slice(0, -1)}a`;
  return null;
}

export interface SubjectForm {
  /** It follows "żebym": a past form that reads as an infinitive. */
  subjunctive: boolean;
  /** It is the object of a verb trigger ("śledzić grę"). */
  accusative: boolean;
  /** It follows a noun trigger ("nawyk porannej gimnastyki"). */
  genitive: boolean;
}

/**
 * The subject's words in base form where a rule applies: the head of the phrase (its first word),
 * and an adjective before a genitive head ("porannej gimnastyki" → "poranna gimnastyka").
 */
export function baseForm(words: string[], context: SubjectForm): string[] {
  const [head, ...rest] = words;
  if (head === undefined) return words;
  if (context.genitive) {
    const noun = rest[0] === undefined ? null : nominativeOfGenitive(rest[0]);
    if (noun && /ej$/u.test(head)) return [`${head.slice(0, -2)}a`, noun, ...rest.slice(1)];
    const base = nominativeOfGenitive(head) ?? nominativePluralOf(head);
    if (base) return [base, ...rest];
  }
  const base = (context.subjunctive ? infinitiveOf(head) : null)
    ?? (context.accusative ? nominativeOfObject(head) : null)
    ?? nominativePluralOf(head)
    ?? head;
  return [base, ...rest];
}
