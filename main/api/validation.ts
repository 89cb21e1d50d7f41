// Request checks against the route table's schemas (ajv, strict), compiled once when the server
// starts. A failing check lists every problem, in English and in Polish.
import type { ErrorObject } from 'ajv';
import type { JsonSchema } from '../../shared/skills/json-schema.ts';
import { createStrictAjv, describeSchemaErrorsInBoth } from '../json-schema.ts';
import { httpErrors, type HttpError } from './http-error.ts';

/** Checks a value; null when it passes. `where` prefixes each problem's path ("body", "path"). */
export type RequestCheck = (value: unknown) => HttpError | null;

const ajv = createStrictAjv();

export function requestCheck(schema: JsonSchema, operation: string, where: string): RequestCheck {
  const validate = ajv.compile(schema);
  return (value) => {
    if (validate(value)) return null;
    const errors = (validate.errors ?? []).map((e): ErrorObject => ({ ...e, instancePath: where + e.instancePath }));
    const { en, pl } = describeSchemaErrorsInBoth(errors);
    return httpErrors.invalidRequest(operation, en, pl);
  };
}
