// An action's params_schema (JSON Schema) as form fields, and the checks the window makes before
// sending: required, type, range, length, pattern, enum. Main validates again with ajv; these
// checks only spare the owner a round trip and say in plain words what is wrong.
import type { JsonSchema } from '../../../../shared/skills/json-schema.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { MessageParams } from '../../i18n/translate.ts';

export type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'json';

export interface FormField {
  name: string;
  /** The schema's title, else the property's name. */
  label: string;
  description: string | null;
  kind: FieldKind;
  required: boolean;
  /** For enum fields: the allowed values, shown as options. */
  options: unknown[];
  /** For json fields: the JSON type the value must have (object, array, …), or null for any. */
  jsonType: string | null;
  minimum: number | null;
  maximum: number | null;
  exclusiveMinimum: number | null;
  exclusiveMaximum: number | null;
  multipleOf: number | null;
  minLength: number | null;
  maxLength: number | null;
  pattern: string | null;
  defaultValue: unknown;
}

/** What the person typed or chose, per field: text, an option's index, 'true'/'false', or '' for nothing. */
export type FieldValues = Record<string, string>;

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export interface ParamsCheck {
  /** The params to send, when `problems` is empty. Empty optional fields are left out. */
  params: Record<string, unknown>;
  problems: Record<string, Message>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The schema's main type: the first of a type list that is not "null". */
function mainType(schema: Record<string, unknown>): string | null {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') as string | undefined) ?? null;
  return null;
}

function kindOf(schema: Record<string, unknown>): { kind: FieldKind; jsonType: string | null } {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { kind: 'enum', jsonType: null };
  if ('const' in schema) return { kind: 'enum', jsonType: null };
  const type = mainType(schema);
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return { kind: type, jsonType: null };
  return { kind: 'json', jsonType: type };
}

/** One field per property of an object schema, in the schema's order. */
export function fieldsOf(schema: JsonSchema): FormField[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : []);
  return Object.entries(properties).map(([name, raw]) => {
    const property = isRecord(raw) ? raw : {};
    const { kind, jsonType } = kindOf(property);
    // Draft 4 wrote exclusiveMinimum: true beside minimum; later drafts give the bound itself.
    const minimum = numberOrNull(property.minimum);
    const maximum = numberOrNull(property.maximum);
    const exclusiveMinimum = property.exclusiveMinimum === true ? minimum : numberOrNull(property.exclusiveMinimum);
    const exclusiveMaximum = property.exclusiveMaximum === true ? maximum : numberOrNull(property.exclusiveMaximum);
    return {
      name,
      label: typeof property.title === 'string' && property.title.trim() ? property.title : name,
      description: typeof property.description === 'string' && property.description.trim() ? property.description : null,
      kind,
      required: required.has(name),
      options: Array.isArray(property.enum) ? property.enum : 'const' in property ? [property.const] : [],
      jsonType,
      minimum: property.exclusiveMinimum === true ? null : minimum,
      maximum: property.exclusiveMaximum === true ? null : maximum,
      exclusiveMinimum,
      exclusiveMaximum,
      multipleOf: numberOrNull(property.multipleOf),
      minLength: numberOrNull(property.minLength),
      maxLength: numberOrNull(property.maxLength),
      pattern: typeof property.pattern === 'string' ? property.pattern : null,
      defaultValue: property.default,
    };
  });
}

/** The form's starting values: each field's default where the schema gives one. */
export function initialValues(fields: FormField[]): FieldValues {
  const values: FieldValues = {};
  for (const field of fields) values[field.name] = initialValue(field);
  return values;
}

function initialValue(field: FormField): string {
  const value = field.defaultValue;
  if (value === undefined) return field.kind === 'boolean' && field.required ? 'false' : '';
  switch (field.kind) {
    case 'enum': {
      const index = field.options.findIndex((option) => JSON.stringify(option) === JSON.stringify(value));
      return index < 0 ? '' : String(index);
    }
    case 'boolean':
      return value === true ? 'true' : value === false ? 'false' : '';
    case 'json':
      return JSON.stringify(value, null, 2);
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}

/**
 * "1,000" is a thousand in English and one in Polish: a comma followed by exactly three digits is
 * refused rather than guessed.
 */
export function isAmbiguousNumber(text: string): boolean {
  return /^[+-]?\d{1,3},\d{3}$/.test(text.trim().replace(/\s+/g, ''));
}

/** Reads a number as people type it: spaces ignored, a decimal comma (Polish) accepted. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function checkNumber(field: FormField, value: number): Message | null {
  if (field.kind === 'integer' && !Number.isInteger(value)) return { key: 'params.error.integer' };
  if (field.minimum !== null && value < field.minimum) return { key: 'params.error.min', params: { n: field.minimum } };
  if (field.exclusiveMinimum !== null && value <= field.exclusiveMinimum) return { key: 'params.error.gt', params: { n: field.exclusiveMinimum } };
  if (field.maximum !== null && value > field.maximum) return { key: 'params.error.max', params: { n: field.maximum } };
  if (field.exclusiveMaximum !== null && value >= field.exclusiveMaximum) return { key: 'params.error.lt', params: { n: field.exclusiveMaximum } };
  if (field.multipleOf !== null && field.multipleOf > 0) {
    const ratio = value / field.multipleOf;
    if (Math.abs(ratio - Math.round(ratio)) > 1e-9) return { key: 'params.error.multipleOf', params: { n: field.multipleOf } };
  }
  return null;
}

function checkString(field: FormField, value: string): Message | null {
  const length = [...value].length;
  if (field.minLength !== null && length < field.minLength) return { key: 'params.error.minLength', params: { n: field.minLength } };
  if (field.maxLength !== null && length > field.maxLength) return { key: 'params.error.maxLength', params: { n: field.maxLength } };
  if (field.pattern !== null) {
    let pattern: RegExp | null = null;
    try {
      pattern = new RegExp(field.pattern, 'u');
    } catch {
      // A pattern this browser cannot read is left to main's check.
    }
    if (pattern && !pattern.test(value)) return { key: 'params.error.pattern' };
  }
  return null;
}

type Read = { ok: true; value: unknown } | { ok: false; problem: Message } | { ok: true; empty: true };

function readField(field: FormField, raw: string): Read {
  if (field.kind !== 'string' && raw.trim() === '') return { ok: true, empty: true };
  switch (field.kind) {
    case 'string': {
      if (raw === '') return { ok: true, empty: true };
      const problem = checkString(field, raw);
      return problem ? { ok: false, problem } : { ok: true, value: raw };
    }
    case 'number':
    case 'integer': {
      if (isAmbiguousNumber(raw)) return { ok: false, problem: { key: 'params.error.ambiguous' } };
      const value = parseNumber(raw);
      if (value === null) return { ok: false, problem: { key: field.kind === 'integer' ? 'params.error.integer' : 'params.error.number' } };
      const problem = checkNumber(field, value);
      return problem ? { ok: false, problem } : { ok: true, value };
    }
    case 'boolean':
      return { ok: true, value: raw === 'true' };
    case 'enum': {
      const index = Number(raw);
      return Number.isInteger(index) && index >= 0 && index < field.options.length
        ? { ok: true, value: field.options[index] }
        : { ok: false, problem: { key: 'params.error.enum' } };
    }
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        return { ok: false, problem: { key: 'params.error.json' } };
      }
      const type = jsonTypeOf(value);
      const fits = field.jsonType === null || type === field.jsonType || (field.jsonType === 'number' && type === 'integer');
      return fits ? { ok: true, value } : { ok: false, problem: { key: 'params.error.jsonType', params: { type: field.jsonType ?? '' } } };
    }
  }
}

/** Checks every field; the params are only meant to be sent when no field has a problem. */
export function checkParams(fields: FormField[], values: FieldValues): ParamsCheck {
  const params: Record<string, unknown> = {};
  const problems: Record<string, Message> = {};
  for (const field of fields) {
    const read = readField(field, values[field.name] ?? '');
    if (!read.ok) problems[field.name] = read.problem;
    else if ('empty' in read) {
      if (field.required) problems[field.name] = { key: 'params.error.required' };
    } else params[field.name] = read.value;
  }
  return { params, problems };
}

/** The constraints of a field in words, e.g. "a number, greater than 0, at most 5000". */
export function hintOf(field: FormField): Message[] {
  const hints: Message[] = [];
  if (field.kind === 'number') hints.push({ key: 'params.hint.number' });
  if (field.kind === 'integer') hints.push({ key: 'params.hint.integer' });
  if (field.kind === 'json') hints.push({ key: 'params.hint.json', params: { type: field.jsonType ?? 'JSON' } });
  if (field.minimum !== null) hints.push({ key: 'params.hint.min', params: { n: field.minimum } });
  if (field.exclusiveMinimum !== null) hints.push({ key: 'params.hint.gt', params: { n: field.exclusiveMinimum } });
  if (field.maximum !== null) hints.push({ key: 'params.hint.max', params: { n: field.maximum } });
  if (field.exclusiveMaximum !== null) hints.push({ key: 'params.hint.lt', params: { n: field.exclusiveMaximum } });
  if (field.multipleOf !== null) hints.push({ key: 'params.hint.multipleOf', params: { n: field.multipleOf } });
  if (field.minLength !== null && field.minLength > 1) hints.push({ key: 'params.hint.minLength', params: { n: field.minLength } });
  if (field.maxLength !== null) hints.push({ key: 'params.hint.maxLength', params: { n: field.maxLength } });
  return hints;
}
