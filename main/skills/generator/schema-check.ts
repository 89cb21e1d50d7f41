import type { JsonSchema } from '../../../shared/skills/json-schema.ts';
import { createStrictAjv, describeSchemaErrors } from '../../json-schema.ts';

const ajv = createStrictAjv();

/** Compiles a schema of ours once; the checker lists every problem of a value, or none. */
export function schemaChecker(schema: JsonSchema): (value: unknown) => string[] {
  const validate = ajv.compile(schema);
  return (value) => (validate(value) ? [] : describeSchemaErrors(validate.errors));
}
