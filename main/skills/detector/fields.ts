import type { NeedField } from '../../../shared/skills/need.ts';
import type { Token } from './text.ts';

// What one entry holds when a single number would lose what the person means: a blood pressure
// reading is systolic/diastolic (and a pulse), an expense an amount and what it was for, a run a
// distance and a time. Subjects bring their usual fields; the person may name more ("ciśnienie i
// puls", "with amount and category"), and a named field is then required in every entry.

const field = (key: string, pl: string, en: string, type: NeedField['type'], unit?: string): NeedField =>
  ({ key, label: { pl, en }, type, ...(unit ? { unit } : {}), required: false });

const FIELDS = {
  systolic: field('systolic', 'skurczowe', 'systolic', 'number', 'mmHg'),
  diastolic: field('diastolic', 'rozkurczowe', 'diastolic', 'number', 'mmHg'),
  pulse: field('pulse', 'puls', 'pulse', 'number', 'bpm'),
  amount: field('amount', 'kwota', 'amount', 'number'),
  category: field('category', 'kategoria', 'category', 'text'),
  distance: field('distance', 'dystans', 'distance', 'number', 'km'),
  duration: field('duration', 'czas', 'time', 'number', 'min'),
} satisfies Record<string, NeedField>;
type FieldKey = keyof typeof FIELDS;

/** Words naming a field, in the forms a request uses them ("kwotę i kategorię"). */
const FIELD_WORDS: Record<string, FieldKey> = Object.fromEntries([
  ...['puls', 'pulsu', 'pulse', 'tętno', 'tętna', 'heart rate'].map((w) => [w, 'pulse']),
  ...['kwota', 'kwotę', 'kwoty', 'amount', 'amounts'].map((w) => [w, 'amount']),
  ...['kategoria', 'kategorię', 'kategorii', 'category', 'categories'].map((w) => [w, 'category']),
  ...['dystans', 'dystansu', 'distance', 'odległość'].map((w) => [w, 'distance']),
  ...['czas', 'czasu', 'time', 'duration'].map((w) => [w, 'duration']),
]) as Record<string, FieldKey>;

/** A field word counts only in a list of what to record: after "with", ":", "and"/"i" or a comma, so "screen time" stays a subject. */
const LIST_OPENERS = new Set([':', ',', 'i', 'oraz', 'and', 'with', 'z', 'ze', 'plus']);

/** The usual fields of a subject (by lexicon key), the first one being what totals and limits are about. */
const SUBJECT_FIELDS: Record<string, FieldKey[]> = {
  'blood-pressure': ['systolic', 'diastolic', 'pulse'],
  spending: ['amount', 'category'],
  running: ['distance', 'duration'],
  cycling: ['distance', 'duration'],
  walking: ['distance', 'duration'],
};

/** A reading is not one without both numbers: 120 alone is not a blood pressure. */
const REQUIRED_TOGETHER = new Set<FieldKey>(['systolic', 'diastolic']);

/** Subjects whose entries are readings (the latest counts), not amounts that add up. */
const READINGS = new Set(['blood-pressure', 'weight', 'mood']);

export function aggregateFor(subjectKey: string): 'sum' | 'latest' {
  return READINGS.has(subjectKey) ? 'latest' : 'sum';
}

export interface FieldsFound {
  fields: NeedField[];
  /** The tokens that named fields, so they are not taken for the subject. */
  tokenIndices: number[];
}

/** The fields named in the tokens (see LIST_OPENERS). */
export function namedFields(tokens: readonly Token[]): FieldsFound {
  const found: FieldsFound = { fields: [], tokenIndices: [] };
  tokens.forEach((token, i) => {
    const key = FIELD_WORDS[token.text];
    const before = tokens[i - 1]?.text;
    if (!key || before === undefined || !LIST_OPENERS.has(before)) return;
    if (!found.fields.some((f) => f.key === key)) found.fields.push({ ...FIELDS[key], required: FIELDS[key].type === 'number' });
    found.tokenIndices.push(i);
  });
  return found;
}

/**
 * The fields of one entry: the subject's usual ones, then any the person named. The first number
 * field is always required (it is what the total or the limit is about); an amount takes the need's unit.
 */
export function entryFields(subjectKey: string, named: NeedField[], unit: string | null): NeedField[] | undefined {
  const usual = (SUBJECT_FIELDS[subjectKey] ?? []).map((key): NeedField => ({ ...FIELDS[key], required: REQUIRED_TOGETHER.has(key) }));
  const all = [...usual];
  for (const f of named) {
    const at = all.findIndex((u) => u.key === f.key);
    if (at >= 0) all[at] = { ...all[at]!, required: all[at]!.required || f.required };
    else all.push(f);
  }
  if (all.length === 0) return undefined;
  if (!all.some((f) => f.type === 'number')) all.unshift(FIELDS.amount);
  const first = all.findIndex((f) => f.type === 'number');
  return all.map((f, i) => ({
    ...f,
    ...(i === first ? { required: true } : {}),
    ...(f.key === 'amount' && unit ? { unit } : {}),
  }));
}
