import { Ajv, type ErrorObject } from 'ajv';
import type { JsonSchema } from '../../../shared/skills/json-schema.ts';

const ajv = new Ajv({ allErrors: true, strict: true });

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const extra = error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
  return `${where} ${error.message ?? 'is invalid'}${extra}`;
}

/** Compiles a schema of ours once; the checker lists every problem of a value, or none. */
export function schemaChecker(schema: JsonSchema): (value: unknown) => string[] {
  const validate = ajv.compile(schema);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map(describe));
}
