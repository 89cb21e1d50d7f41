// config.yaml's JSON Schema, built from the key table in shared/contract/config-records.ts: one
// validator for the whole file (unknown keys, wrong shapes) and one per key for a single change.
import type { ErrorObject, ValidateFunction } from 'ajv';
import localizePl from 'ajv-i18n/localize/pl/index.js';
import type { Localized } from '../../../shared/i18n-types.ts';
import { CONFIG_KEYS, CONFIG_KEY_NAMES, LEARNING_MODE_NAMES, type ConfigKey, type ConfigKeySpec } from '../../../shared/contract/config-records.ts';
import { createStrictAjv } from '../../json-schema.ts';

function keySchema(spec: ConfigKeySpec): Record<string, unknown> {
  switch (spec.control) {
    case 'switch':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer', minimum: spec.range![0], maximum: spec.range![1] };
    case 'modes':
      // `autonomous` is a known mode so that it is refused with its reason (safety.ts), not as a typo.
      return { type: 'array', maxItems: LEARNING_MODE_NAMES.length, uniqueItems: true, items: { type: 'string', enum: [...LEARNING_MODE_NAMES] } };
    case 'registry-urls':
      // Marketplace registries: https:// (fetched through the HTTP guard) or file:// (a local folder), space-separated.
      return { type: 'string', minLength: 8, maxLength: 2048, pattern: '^(?:https|file)://\\S+(?:\\s+(?:https|file)://\\S+)*$' };
  }
}

type SchemaNode = { type: 'object'; additionalProperties: false; properties: Record<string, SchemaNode | Record<string, unknown>> };

/** Every key nested as the seed writes it (`skills.execution.timeoutMs` → skills: execution: timeoutMs:). */
function fileSchema(): SchemaNode {
  const root: SchemaNode = { type: 'object', additionalProperties: false, properties: {} };
  for (const key of CONFIG_KEY_NAMES) {
    const path = key.split('.');
    let node = root;
    for (const segment of path.slice(0, -1)) {
      node = (node.properties[segment] ??= { type: 'object', additionalProperties: false, properties: {} }) as SchemaNode;
    }
    node.properties[path.at(-1)!] = keySchema(CONFIG_KEYS[key]);
  }
  return root;
}

const ajv = createStrictAjv();
export const validateFile: ValidateFunction = ajv.compile(fileSchema());
const keyValidators = Object.fromEntries(CONFIG_KEY_NAMES.map((key) => [key, ajv.compile(keySchema(CONFIG_KEYS[key]))])) as Record<ConfigKey, ValidateFunction>;

/** Why the schema refuses `value` for `key`, or null when it accepts it. */
export function keyValueProblem(key: ConfigKey, value: unknown): Localized | null {
  const validate = keyValidators[key];
  return validate(value) ? null : describeErrors(validate.errors ?? []);
}

/** ajv's reasons, English and Polish (ajv-i18n), joined. */
export function describeErrors(errors: readonly ErrorObject[]): Localized {
  const polish = errors.map((e) => ({ ...e }));
  localizePl(polish);
  const join = (list: readonly ErrorObject[]) => list.map((e) => (e.instancePath.match(/\/\d+$/) ? `${e.instancePath.slice(1).split('/').at(-1)}: ` : '') + (e.message ?? '')).join('; ');
  return { en: join(errors), pl: join(polish) };
}
