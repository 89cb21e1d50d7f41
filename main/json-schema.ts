// One home for JSON Schema work (ajv, strict mode): describing errors the same way everywhere, and
// compiling schemas that come from skills without letting one skill's schema affect another's.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import localizePl from 'ajv-i18n/localize/pl/index.js';

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

/** Compiles a schema a skill supplied; the error is ajv's reason when it does not compile in strict mode. */
export function compileUntrustedSchema(schema: unknown): { ok: true; validate: ValidateFunction } | { ok: false; error: string } {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { ok: false, error: 'it must be a JSON object' };
  untrusted ??= new Ajv({ strict: true, allErrors: true, logger: false, addUsedSchema: false });
  try {
    return { ok: true, validate: untrusted.compile(schema) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    untrusted.removeSchema(schema);
  }
}
