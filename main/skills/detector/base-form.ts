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

/**
 * The subject's words in base form where a rule applies: the first word only, as it is the head of
 * the phrase. `subjunctive`: it follows "żebym"; `accusative`: it is the object of a verb trigger.
 */
export function baseForm(words: string[], context: { subjunctive: boolean; accusative: boolean }): string[] {
  const [head, ...rest] = words;
  if (head === undefined) return words;
  const base = (context.subjunctive ? infinitiveOf(head) : null)
    ?? (context.accusative ? nominativeOfObject(head) : null)
    ?? nominativePluralOf(head)
    ?? head;
  return [base, ...rest];
}
