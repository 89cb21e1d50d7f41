import { Ajv } from 'ajv';
import type { Localized } from '../../../shared/i18n-types.ts';
import { hasNestedQuantifier } from './regex-check.ts';

// Shared: building an Ajv instance costs milliseconds, compiling a small schema a fraction of one.
// Each schema is removed again after compiling, and `addUsedSchema: false` keeps `$id`s from being
// registered, so one audit's schemas never affect another's.
let ajv: Ajv | null = null;

/**
 * Null when the schema compiles the way the app validates with it (ajv, strict mode); otherwise why not.
 */
export function schemaProblem(schema: unknown): Localized | null {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return { en: 'it must be a JSON object.', pl: 'musi być obiektem JSON.' };
  }
  ajv ??= new Ajv({ strict: true, allErrors: true, logger: false, addUsedSchema: false });
  try {
    ajv.compile(schema);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { en: reason, pl: reason };
  } finally {
    ajv.removeSchema(schema);
  }
}

/** `pattern` and `patternProperties` regexes in a schema that nest repetitions (ReDoS when validating). */
export function catastrophicPatterns(schema: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'pattern' && typeof inner === 'string' && hasNestedQuantifier(inner)) found.push(inner);
      if (key === 'patternProperties' && typeof inner === 'object' && inner !== null) {
        found.push(...Object.keys(inner).filter(hasNestedQuantifier));
      }
      visit(inner);
    }
  };
  visit(schema);
  return found;
}
