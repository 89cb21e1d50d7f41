// The presentation hint a manifest may carry (shared/skills/presentation.ts): how the skill's card
// on the home view shows its getData(). It grants nothing, so the threat is small: a hint that
// silently shows nothing (a misspelt field, a rule that does not exist) or text big enough to
// break the card. Contract:
// - only the known fields, at both levels: a misspelt one would be a choice that never applies;
// - keys and field names are short identifiers (MAX_PRESENTATION_NAME): they name getData()'s keys;
// - the unit is short text (MAX_PRESENTATION_UNIT): it sits next to a number on a small card;
// - the goal is a finite number: it is drawn as a line on the chart;
// - `per_day` is one of PER_DAY_RULES: how a day's rows become one point.
// Whether the keys exist in what getData() returns is not knowable here: the home view says so on
// the card instead (and falls back to the data's shape).
import type { Localized } from '../../../shared/i18n-types.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import {
  MAX_PRESENTATION_NAME, MAX_PRESENTATION_UNIT, PER_DAY_RULES, PRESENTATION_FIELDS, SERIES_FIELDS,
} from '../../../shared/skills/presentation.ts';
import type { FindingSink, Where } from './findings.ts';

const NAME = new RegExp(`^[A-Za-z_][A-Za-z0-9_]{0,${MAX_PRESENTATION_NAME - 1}}$`);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const problem = (en: string, pl: string): Localized => ({ en, pl });
const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

function unknownField(value: Record<string, unknown>, known: readonly string[], where: Localized): Localized | null {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown === undefined) return null;
  return problem(
    `${where.en} has the field “${shown(unknown)}”, which does not exist (known: ${known.join(', ')}).`,
    `${where.pl} ma pole „${shown(unknown)}”, które nie istnieje (istniejące: ${known.join(', ')}).`,
  );
}

function nameProblem(value: unknown, field: string): Localized | null {
  if (typeof value === 'string' && NAME.test(value)) return null;
  return problem(
    `“${field}” must name a key of getData()'s result: letters, digits and _, at most ${MAX_PRESENTATION_NAME} characters.`,
    `„${field}” musi wskazywać klucz wyniku getData(): litery, cyfry i _, najwyżej ${MAX_PRESENTATION_NAME} znaków.`,
  );
}

function seriesProblems(series: unknown): Localized[] {
  if (!isObject(series)) return [problem('“series” must be an object naming the rows’ “key”.', '„series” musi być obiektem wskazującym „key” z wierszami.')];
  const found: (Localized | null)[] = [unknownField(series, SERIES_FIELDS, problem('“series”', '„series”')), nameProblem(series.key, 'series.key')];
  if (series.time !== undefined) found.push(nameProblem(series.time, 'series.time'));
  if (series.value !== undefined) found.push(nameProblem(series.value, 'series.value'));
  if (series.per_day !== undefined && !(PER_DAY_RULES as readonly unknown[]).includes(series.per_day)) {
    found.push(problem(`“series.per_day” must be one of: ${PER_DAY_RULES.join(', ')}.`, `„series.per_day” musi mieć jedną z wartości: ${PER_DAY_RULES.join(', ')}.`));
  }
  return found.filter((p) => p !== null);
}

/** Every problem of the manifest's `presentation`, in both languages; none when it is absent. */
export function presentationProblems(value: unknown): Localized[] {
  if (value === undefined) return [];
  if (!isObject(value)) return [problem('it must be an object.', 'musi być obiektem.')];
  const found: (Localized | null)[] = [unknownField(value, PRESENTATION_FIELDS, problem('The hint', 'Wskazówka'))];
  if (value.headline !== undefined) found.push(nameProblem(value.headline, 'headline'));
  if (value.series !== undefined) found.push(...seriesProblems(value.series));
  if (value.unit !== undefined && (typeof value.unit !== 'string' || value.unit.trim() === '' || value.unit.length > MAX_PRESENTATION_UNIT)) {
    found.push(problem(`“unit” must be text of 1 to ${MAX_PRESENTATION_UNIT} characters.`, `„unit” musi być tekstem o długości od 1 do ${MAX_PRESENTATION_UNIT} znaków.`));
  }
  if (value.goal !== undefined && !(typeof value.goal === 'number' && Number.isFinite(value.goal))) {
    found.push(problem('“goal” must be a number.', '„goal” musi być liczbą.'));
  }
  return found.filter((p) => p !== null);
}

export function checkManifestPresentation(manifest: SkillManifest, anchor: Where, sink: FindingSink): void {
  for (const found of presentationProblems(manifest.presentation)) sink.add('manifest/bad-presentation', anchor, found);
}
