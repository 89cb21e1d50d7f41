// What a version's manifest says about its settings: the form's fields (from config_schema's
// top-level `properties`), its secrets (manifest.secrets, and properties marked `writeOnly: true`
// or `format: "secret"`), and how stored values are checked against the schema, with its defaults.
// Skills write these schemas, so they are compiled with the untrusted compile (RE2 patterns, no
// shared ids) and only once per schema object.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import type { JsonSchema } from '../../../shared/skills/json-schema.ts';
import type { JsonValue, SettingsControl, SettingsField, SettingsProblem } from '../../../shared/contract/skill-settings-records.ts';
import { compileUntrustedSchema, describeSchemaErrorsInBoth, POLISH_LABEL_KEYWORDS, SECRET_FORMAT } from '../../json-schema.ts';
import { isRecord } from '../sandbox/json-guards.ts';
import { SETTINGS_MESSAGES } from './settings-messages.ts';

export interface SecretSpec {
  name: string;
  label: Localized;
  help: Localized | null;
  hosts: string[];
}

export interface Evaluation {
  effective: Record<string, JsonValue>;
  problems: SettingsProblem[];
  /** Why the schema refuses each refused stored value, as ajv says it (for the form's fields). */
  refused: Record<string, Localized>;
}

export interface SettingsForm {
  fields: SettingsField[];
  secrets: SecretSpec[];
  /** Non-secret keys, in the schema's order. */
  keys: string[];
  /**
   * `stored` checked against the schema with its defaults applied: the valid values, and a problem
   * for each stored value refused, each required key left without one and each key not in the schema.
   */
  evaluate(stored: Readonly<Record<string, JsonValue>>): Evaluation;
}

/** A property whose value is a secret: sealed, never shown, never given to the skill's code. */
export const isSecretProperty = (schema: unknown): boolean => isRecord(schema) && (schema.writeOnly === true || schema.format === SECRET_FORMAT);

const textOf = (value: unknown): string | null => (typeof value === 'string' && value.trim().length > 0 ? value.trim() : null);

/** English from `title`/`description`, Polish from `x-title-pl`/`x-description-pl`; each language falls back to the other. */
function localized(schema: Record<string, unknown>, which: 'title' | 'description'): Localized | null {
  const en = textOf(schema[which]);
  const pl = textOf(schema[POLISH_LABEL_KEYWORDS[which]]);
  return en || pl ? { en: en ?? pl!, pl: pl ?? en! } : null;
}

function controlOf(schema: Record<string, unknown>): SettingsControl {
  if (Array.isArray(schema.enum)) return 'select';
  switch (schema.type) {
    case 'string': return 'text';
    case 'integer': return 'integer';
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    default: return 'json';
  }
}

const numberOr = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The top-level property an ajv error is about ('' for the settings as a whole). */
function keyOf(error: ErrorObject): string {
  if (error.instancePath) return error.instancePath.split('/')[1]!.replaceAll('~1', '/').replaceAll('~0', '~');
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  return params.missingProperty ?? params.additionalProperty ?? '';
}

/** ajv's reasons for one field, without the field's own path (the form shows them beside it); a nested path stays. */
function describe(errors: readonly ErrorObject[], key: string): Localized {
  const { en, pl } = describeSchemaErrorsInBoth(errors, '');
  const own = `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  const strip = (lines: string[]) => lines.map((line) => (key && line.startsWith(own) ? line.slice(own.length) : line).trim()).join('; ');
  return { en: strip(en), pl: strip(pl) };
}

/** The schema the plain values must meet: config_schema without its secret properties. */
function valuesSchema(schema: JsonSchema, secretKeys: ReadonlySet<string>): JsonSchema {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  return {
    ...schema,
    type: 'object',
    properties: Object.fromEntries(Object.entries(properties).filter(([key]) => !secretKeys.has(key))),
    ...(Array.isArray(schema.required) ? { required: schema.required.filter((key) => typeof key === 'string' && !secretKeys.has(key)) } : {}),
  };
}

// Versions are read from the store for every execution, each time as new objects, so forms are kept
// by the text of the schema and secrets: the same version finds its compiled form again. Bounded,
// least recently used first out, since each entry holds compiled code.
const MAX_FORMS = 100;
const forms = new Map<string, SettingsForm>();

/** The settings form of `manifest`; compiled once per distinct schema and secrets. */
export function settingsForm(manifest: Pick<SkillManifest, 'config_schema' | 'secrets'>): SettingsForm {
  const schema = isRecord(manifest.config_schema) ? manifest.config_schema : {};
  const declared = manifest.secrets ?? [];
  const key = JSON.stringify([schema, declared]);
  let form = forms.get(key);
  if (form) forms.delete(key);
  else form = buildForm(schema, declared);
  forms.set(key, form);
  if (forms.size > MAX_FORMS) forms.delete(forms.keys().next().value!);
  return form;
}

function buildForm(schema: JsonSchema, declared: NonNullable<SkillManifest['secrets']>): SettingsForm {
  const properties: Record<string, unknown> = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === 'string') : []);
  const secretKeys = new Set(Object.keys(properties).filter((key) => isSecretProperty(properties[key])));

  const secrets = new Map<string, SecretSpec>();
  for (const secret of declared) {
    const label = secret.title ? { en: secret.title, pl: secret.title } : null;
    const help = secret.description ? { en: secret.description, pl: secret.description } : null;
    secrets.set(secret.name, { name: secret.name, label: label ?? { en: secret.name, pl: secret.name }, help, hosts: [...secret.hosts] });
  }
  for (const key of secretKeys) {
    const property = properties[key] as Record<string, unknown>;
    const known = secrets.get(key);
    // The schema's labels are written for the form, with both languages: they win over the manifest's.
    secrets.set(key, {
      name: key,
      label: localized(property, 'title') ?? known?.label ?? { en: key, pl: key },
      help: localized(property, 'description') ?? known?.help ?? null,
      hosts: known?.hosts ?? [],
    });
  }

  const fields: SettingsField[] = Object.entries(properties)
    .filter(([key, property]) => !secretKeys.has(key) && isRecord(property))
    .map(([key, value]) => {
      const property = value as Record<string, unknown>;
      const hasDefault = Object.hasOwn(property, 'default');
      return {
        key,
        control: controlOf(property),
        label: localized(property, 'title') ?? { en: key, pl: key },
        help: localized(property, 'description'),
        required: required.has(key),
        defaultValue: hasDefault ? (property.default as JsonValue) : null,
        hasDefault,
        options: Array.isArray(property.enum) ? (property.enum as JsonValue[]) : null,
        minimum: numberOr(property.minimum),
        maximum: numberOr(property.maximum),
      };
    });
  const keys = fields.map((field) => field.key);
  const defaults = Object.fromEntries(fields.filter((field) => field.hasDefault).map((field) => [field.key, field.defaultValue as JsonValue]));

  const compiled = compileUntrustedSchema(valuesSchema(schema, secretKeys));
  const validate: ValidateFunction | null = compiled.ok ? compiled.validate : null;

  return {
    fields,
    secrets: [...secrets.values()],
    keys,
    evaluate(stored) {
      const problems: SettingsProblem[] = [];
      const refused: Record<string, Localized> = {};
      if (!compiled.ok) return { effective: {}, problems: [{ kind: 'refused', key: '', message: SETTINGS_MESSAGES.schemaBroken(compiled.error) }], refused };
      for (const key of Object.keys(stored)) {
        if (!keys.includes(key)) problems.push({ kind: 'not-in-schema', key, message: SETTINGS_MESSAGES.notInSchema(key) });
      }
      const candidate: Record<string, JsonValue> = { ...defaults };
      for (const key of keys) if (Object.hasOwn(stored, key)) candidate[key] = stored[key]!;
      // Not `validate(candidate)` as a condition: ajv's type guard would narrow `candidate` to never below.
      const valid = validate!({ ...candidate });
      if (valid) return { effective: candidate, problems, refused };

      const byKey = new Map<string, ErrorObject[]>();
      for (const error of validate!.errors ?? []) byKey.set(keyOf(error), [...(byKey.get(keyOf(error)) ?? []), error]);
      for (const [key, errors] of byKey) {
        const reason = describe(errors, key);
        if (key !== '' && Object.hasOwn(stored, key)) {
          refused[key] = reason;
          problems.push({ kind: 'refused', key, message: SETTINGS_MESSAGES.refusedStored(key, reason) });
          if (Object.hasOwn(defaults, key)) candidate[key] = defaults[key]!;
          else delete candidate[key];
        } else if (errors.some((e) => e.keyword === 'required')) {
          problems.push({ kind: 'missing', key, message: SETTINGS_MESSAGES.missing(key) });
        } else {
          problems.push({ kind: 'refused', key, message: reason });
          delete candidate[key];
        }
      }
      return { effective: candidate, problems, refused };
    },
  };
}
