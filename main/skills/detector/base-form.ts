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

/** The subject's words in base form where a rule applies: the first word only, as it is the head of the phrase. */
export function baseForm(words: string[], context: { subjunctive: boolean }): string[] {
  const [head, ...rest] = words;
  if (head === undefined) return words;
  const base = (context.subjunctive ? infinitiveOf(head) : null) ?? nominativePluralOf(head) ?? head;
  return [base, ...rest];
}
