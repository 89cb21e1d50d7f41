// One home for JSON Schema work (ajv, strict mode): describing errors the same way everywhere, and
// compiling schemas that come from skills without letting one skill's schema affect another's.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import localizePl from 'ajv-i18n/localize/pl/index.js';
import { RE2JS } from 're2js';
import type { Localized } from '../shared/i18n-types.ts';

/** For schemas of our own, compiled once at start. */
export function createStrictAjv(): Ajv {
  return new Ajv({ strict: true, allErrors: true });
}

/** Each error as `path message`, naming the offending property where ajv knows it. */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined, root = '(root)'): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? `: ${String((e.params as { additionalProperty?: string }).additionalProperty)}` : '';
    return `${e.instancePath || root} ${e.message ?? 'is invalid'}${extra}`;
  });
}

/** The same errors described in English and in Polish (ajv-i18n), line by line. */
export function describeSchemaErrorsInBoth(errors: readonly ErrorObject[] | null | undefined, root = '(root)'): { en: string[]; pl: string[] } {
  const polish = (errors ?? []).map((e) => ({ ...e }));
  localizePl(polish);
  return { en: describeSchemaErrors(errors, root), pl: describeSchemaErrors(polish, root) };
}

// Building an Ajv instance costs milliseconds, compiling a small schema a fraction of one. Each
// untrusted schema is removed again after compiling, and `addUsedSchema: false` keeps `$id`s from
// being registered, so one skill's schemas never affect another's.
let untrusted: Ajv | null = null;

/**
 * Compiles a schema a skill supplied; the error says why it does not compile in strict mode (ajv's
 * own reasons are English only, in both fields). Each run of `validate` gets PATTERN_WORK_PER_VALIDATION.
 */
export function compileUntrustedSchema(schema: unknown): { ok: true; validate: ValidateFunction } | { ok: false; error: Localized } {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { ok: false, error: { en: 'it must be a JSON object.', pl: 'musi być obiektem JSON.' } };
  untrusted ??= withSettingsConventions(new Ajv({ strict: true, allErrors: true, logger: false, addUsedSchema: false, code: { regExp: linearTimeRegExp } }));
  try {
    return { ok: true, validate: withPatternBudget(untrusted.compile(schema)) };
  } catch (error) {
    if (error instanceof UnsupportedPatternError) return { ok: false, error: error.userMessage };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { en: reason, pl: reason } };
  } finally {
    untrusted.removeSchema(schema);
  }
}

/**
 * A skill's settings schema (config_schema) may carry its labels in Polish beside `title` and
 * `description`, and mark a secret with `format: "secret"` (README, "Skill settings and secrets").
 * Strict mode refuses unknown keywords and formats, so these are declared: as annotations only,
 * they never change what validates ("secret" accepts any string).
 */
export const POLISH_LABEL_KEYWORDS = { title: 'x-title-pl', description: 'x-description-pl' } as const;
export const SECRET_FORMAT = 'secret';

function withSettingsConventions(ajv: Ajv): Ajv {
  ajv.addVocabulary(Object.values(POLISH_LABEL_KEYWORDS));
  ajv.addFormat(SECRET_FORMAT, true);
  return ajv;
}

// A skill's `pattern` runs on main for every execution, on text the caller chooses. A backtracking
// engine (JavaScript's RegExp) can take exponential time on patterns like ^(\w|[0-9])*z$, so
// skill-supplied patterns run in RE2 (re2js, pure JavaScript): time linear in the text, always.
// RE2 has no lookaround and no backreferences; such a pattern does not compile, and the skill is
// told so, rather than falling back to a backtracking engine.
//
// Linear is not yet cheap: RE2's cost is the pattern's program size times the text's length, up to
// ~75 ns per unit here (^(.*a){25}$ on 50,000 characters: half a second). So one validation may
// spend PATTERN_WORK_PER_VALIDATION units (about 50-75 ms at worst); a string that would take more
// does not match, which refuses the params instead of holding main.
const PATTERN_WORK_PER_VALIDATION = 1_000_000;
let patternWorkLeft = PATTERN_WORK_PER_VALIDATION;

function withPatternBudget(validate: ValidateFunction): ValidateFunction {
  const budgeted = ((data: unknown) => {
    patternWorkLeft = PATTERN_WORK_PER_VALIDATION;
    return validate(data);
  }) as ValidateFunction;
  Object.defineProperty(budgeted, 'errors', { get: () => validate.errors });
  return budgeted;
}

class UnsupportedPatternError extends Error {
  readonly userMessage: Localized;

  constructor(pattern: string, reason: string) {
    const shown = pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern;
    super(`the pattern "${shown}" cannot be checked in linear time: ${reason}`);
    this.userMessage = {
      en: `the pattern “${shown}” uses syntax the linear-time pattern engine does not support (lookaround, backreferences): ${reason}.`,
      pl: `wzorzec „${shown}” używa składni, której silnik wzorców o liniowym czasie nie obsługuje (lookaround, odwołania wsteczne): ${reason}.`,
    };
  }
}

/** ajv's `code.regExp`: what ajv calls with each schema `pattern` (and the `u` flag, which RE2 always has). */
function linearTimeRegExp(pattern: string): { test(text: string): boolean; toString(): string } {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    throw new UnsupportedPatternError(pattern, error instanceof Error ? error.message : String(error));
  }
  const size = compiled.programSize();
  return {
    test(text) {
      patternWorkLeft -= size * text.length;
      return patternWorkLeft >= 0 && compiled.matcher(text).find();
    },
    // ajv keys its compiled patterns by this text.
    toString: () => `/${pattern}/u`,
  };
}
// Shown only in code ajv generates for standalone export, which Foundry never does.
linearTimeRegExp.code = 'RE2JS';
