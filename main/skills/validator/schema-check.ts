import type { Localized } from '../../../shared/i18n-types.ts';
import { compileUntrustedSchema } from '../../json-schema.ts';
import { backtracksCatastrophically } from './regex-check.ts';

/**
 * Null when the schema compiles the way the app validates with it (ajv, strict mode); otherwise why not.
 */
export function schemaProblem(schema: unknown): Localized | null {
  const compiled = compileUntrustedSchema(schema);
  return compiled.ok ? null : compiled.error;
}

/** `pattern` and `patternProperties` regexes in a schema that can backtrack catastrophically (ReDoS in a backtracking engine). */
export function catastrophicPatterns(schema: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'pattern' && typeof inner === 'string' && backtracksCatastrophically(inner, 'u')) found.push(inner);
      if (key === 'patternProperties' && typeof inner === 'object' && inner !== null) {
        found.push(...Object.keys(inner).filter((pattern) => backtracksCatastrophically(pattern, 'u')));
      }
      visit(inner);
    }
  };
  visit(schema);
  return found;
}
