// JSON Schemas for generator output. The parts are shared by the candidate check, Claude's
// `submit_skill` tool and the exported folder's files, so all three accept the same shapes.
import { SKILL_TABLE_NAME } from '../../../shared/skills/api-allowlist.ts';
import { SAMPLE_METHODS } from '../../../shared/skills/candidate.ts';
import { SECRET_NAME } from '../../../shared/skills/http-capability.ts';
import { ACTION_TYPES } from '../../../shared/skills/actions.ts';
import { PERMISSIONS } from '../rbac/permissions.ts';
import { MAX_PRESENTATION_NAME, MAX_PRESENTATION_UNIT, PER_DAY_RULES } from '../../../shared/skills/presentation.ts';
import { MAX_TABLE_LABEL } from '../../../shared/skills/manifest.ts';

const MAX_CODE_CHARS = 200_000;
const MAX_SKILL_MD_CHARS = 64 * 1024;
const MAX_SAMPLES = 20;
/** Answers one sample input may give: a dry run makes few requests, and each answer is reviewed. */
const MAX_HTTP_SAMPLES = 10;
/** One sample answer's body, as the guard bounds a request body: enough for a real page or API answer. */
const MAX_HTTP_SAMPLE_BYTES = 64 * 1024;
/** All sample answers of a candidate together: it is stored with every version and shown in the review. */
const MAX_HTTP_SAMPLES_BYTES = 256 * 1024;
/** The methods foundry.http sends. */
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const tableList = { type: 'array', maxItems: 32, uniqueItems: true, items: { type: 'string', pattern: SKILL_TABLE_NAME.source } };

export const CAPABILITIES_SCHEMA = {
  type: 'object',
  required: ['reads', 'writes', 'http', 'notifications', 'skills'],
  additionalProperties: false,
  properties: {
    reads: tableList,
    writes: tableList,
    // The form is checked in full by parseHttpCapability (candidate.ts); a schema pattern cannot say it.
    http: {
      type: 'array',
      maxItems: 16,
      uniqueItems: true,
      description: 'Origins the code calls: api.example.com (HTTPS), api.example.com:8443 (HTTPS on another port), http://host:port (plain HTTP).',
      items: { type: 'string', minLength: 1, maxLength: 300 },
    },
    notifications: { type: 'boolean' },
    skills: { type: 'array', maxItems: 16, uniqueItems: true, items: { type: 'string', maxLength: 64 } },
  },
} as const;

/** A canned answer to the dry run's requests (shared/skills/candidate.ts `HttpSample`); body sizes are checked in candidate.ts. */
const HTTP_SAMPLE_SCHEMA = {
  type: 'object',
  required: ['url', 'body'],
  additionalProperties: false,
  properties: {
    method: { type: 'string', enum: [...HTTP_METHODS] },
    url: { type: 'string', minLength: 8, maxLength: 2000, pattern: '^https?://' },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    headers: {
      type: 'object',
      maxProperties: 32,
      propertyNames: { pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$" },
      additionalProperties: { type: 'string', maxLength: 1000 },
    },
    body: { description: 'The answer body: text as it is, any other JSON value sent as its JSON text.' },
  },
} as const;

export const SAMPLE_INPUTS_SCHEMA = {
  type: 'array',
  maxItems: MAX_SAMPLES,
  items: {
    type: 'object',
    required: ['method'],
    additionalProperties: false,
    properties: {
      method: { type: 'string', enum: [...SAMPLE_METHODS] },
      action: { type: 'string', minLength: 1, maxLength: 64 },
      params: { type: 'object' },
      http: { type: 'array', maxItems: MAX_HTTP_SAMPLES, items: HTTP_SAMPLE_SCHEMA },
    },
  },
} as const;

/** `manifest.secrets` (shared/skills/manifest.ts `SkillSecret`): which of its hosts each must be one of is the audit's check. */
export const SECRETS_SCHEMA = {
  type: 'array',
  maxItems: 16,
  items: {
    type: 'object',
    required: ['name', 'hosts'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', pattern: SECRET_NAME.source },
      hosts: { type: 'array', minItems: 1, maxItems: 16, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 300 } },
      title: { type: 'string', minLength: 1, maxLength: 100 },
      description: { type: 'string', minLength: 1, maxLength: 500 },
    },
  },
} as const;

const LABEL_SCHEMA = (maxLength: number) => ({
  type: 'object',
  required: ['en', 'pl'],
  additionalProperties: false,
  properties: { en: { type: 'string', minLength: 1, maxLength }, pl: { type: 'string', minLength: 1, maxLength } },
}) as const;

/**
 * `manifest.actions` (shared/skills/actions.ts): the policy of code actions and the declarative
 * ones. The audit checks what each field means (hosts, placeholders, secrets); `shell` is refused
 * for generated skills in candidate.ts, with the reason.
 */
export const ACTIONS_SCHEMA = {
  type: 'array',
  maxItems: 32,
  items: {
    type: 'object',
    required: ['slug'],
    additionalProperties: false,
    properties: {
      slug: { type: 'string', maxLength: 64, pattern: '^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$' },
      type: { type: 'string', enum: [...ACTION_TYPES], description: 'code (a method of the class, the default), http (one request, no code) or function (another skill\'s action).' },
      permissions: { type: 'array', maxItems: 4, uniqueItems: true, items: { type: 'string', enum: [...PERMISSIONS] } },
      timeoutMs: { type: 'integer', minimum: 10, maximum: 600_000 },
      requireApproval: { type: 'boolean', description: 'Ask the owner before each run.' },
      labels: {
        type: 'object',
        required: ['name', 'description'],
        additionalProperties: false,
        description: 'The action\'s name and description in English and Polish, each idiomatic ("Log water" / "Zapisz wypitą wodę"); shown in the owner\'s language.',
        properties: { name: LABEL_SCHEMA(80), description: LABEL_SCHEMA(300) },
      },
      name: { type: 'string', minLength: 1, maxLength: 80 },
      description: { type: 'string', minLength: 1, maxLength: 500 },
      params_schema: { type: 'object' },
      http: {
        type: 'object',
        required: ['method', 'url'],
        additionalProperties: false,
        properties: {
          method: { type: 'string', enum: [...HTTP_METHODS] },
          url: { type: 'string', minLength: 8, maxLength: 2000, pattern: '^https?://', description: 'Host written out; {{params.x}} and {{secret:NAME}} only in the path and query.' },
          headers: { type: 'object', maxProperties: 32, additionalProperties: { type: 'string', maxLength: 1000 } },
          body: { description: 'Text, or a JSON value sent as JSON; its strings may hold {{params.x}} ("{{params.x}}" alone becomes the value itself).' },
        },
      },
      function: {
        type: 'object',
        required: ['skill', 'action'],
        additionalProperties: false,
        properties: { skill: { type: 'string', minLength: 1, maxLength: 72 }, action: { type: 'string', minLength: 1, maxLength: 64 }, params: { type: 'object' } },
      },
      shell: { type: 'object' },
    },
  },
} as const;

/**
 * `manifest.schedules` (shared/skills/schedules.ts): the shape only; the audit reads the cron with
 * croner and checks the interval, zone, conditions, action and webhook host (scheduler/schedule-check.ts).
 */
export const SCHEDULES_SCHEMA = {
  type: 'array',
  maxItems: 16,
  items: {
    type: 'object',
    required: ['action'],
    additionalProperties: false,
    properties: {
      action: { type: 'string', minLength: 1, maxLength: 64 },
      params: { type: 'object' },
      cron: { type: 'string', minLength: 9, maxLength: 200, description: '5 fields (minute hour day month weekday) or 6 (seconds first); exactly one of cron and intervalMs.' },
      intervalMs: { type: 'integer', minimum: 60_000 },
      timezone: { type: 'string', minLength: 1, maxLength: 100, description: 'IANA zone; absent: the owner’s.' },
      activeHours: {
        type: 'object', required: ['start', 'end'], additionalProperties: false,
        properties: { start: { type: 'string', pattern: '^[0-2][0-9]:[0-5][0-9]$' }, end: { type: 'string', pattern: '^[0-2][0-9]:[0-5][0-9]$' } },
      },
      daysOfWeek: { type: 'array', minItems: 1, maxItems: 7, uniqueItems: true, items: { type: 'string', enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] } },
      enabled: { type: 'boolean' },
      missed: { type: 'string', enum: ['skip', 'catch-up-once'] },
      notify: {
        type: 'object', additionalProperties: false,
        properties: { onSuccess: { type: 'boolean' }, onFailure: { type: 'boolean' }, webhookUrl: { type: 'string', maxLength: 2048 } },
      },
    },
  },
} as const;

/** `manifest.dependencies` (shared/skills/dependencies.ts): what foundry.skills.call and `function` actions may reach; the audit checks each name. */
export const DEPENDENCIES_SCHEMA = { type: 'array', maxItems: 16, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 72 } } as const;

/** `manifest.triggers` (shared/skills/triggers.ts): the shape is the audit's check (validator/manifest-triggers.ts). */
export const TRIGGERS_SCHEMA = { type: 'object', description: 'onInstall, onUninstall, onMessage, onToolUse, onSessionStart, onSessionEnd: each names an action of this skill.' } as const;

/** `manifest.presentation` (shared/skills/presentation.ts): the shape only; the audit says what is wrong in words. */
const NAME_SCHEMA = { type: 'string', minLength: 1, maxLength: MAX_PRESENTATION_NAME } as const;
const PRESENTATION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    headline: NAME_SCHEMA,
    series: {
      type: 'object',
      required: ['key'],
      additionalProperties: false,
      properties: { key: NAME_SCHEMA, time: NAME_SCHEMA, value: NAME_SCHEMA, per_day: { type: 'string', enum: PER_DAY_RULES } },
    },
    unit: { type: 'string', minLength: 1, maxLength: MAX_PRESENTATION_UNIT },
    goal: { type: 'number' },
  },
} as const;

/** `manifest.tableLabels` (shared/skills/manifest.ts): the shape only; the audit checks each table is declared. */
const TABLE_LABEL_TEXT = { type: 'string', minLength: 1, maxLength: MAX_TABLE_LABEL } as const;
export const TABLE_LABELS_SCHEMA = {
  type: 'object',
  description: 'What each table holds, as a plural noun phrase in both languages: { "exo_water_entries": { "en": "water entries", "pl": "wpisy o wypitej wodzie" } }.',
  maxProperties: 16,
  additionalProperties: { type: 'object', required: ['en', 'pl'], additionalProperties: false, properties: { en: TABLE_LABEL_TEXT, pl: TABLE_LABEL_TEXT } },
} as const;

/** A manifest without `config_schema`, which travels on its own. */
export const MANIFEST_FIELDS = {
  slug: { type: 'string', minLength: 8, maxLength: 64 },
  name: { type: 'string', minLength: 1, maxLength: 80 },
  description: { type: 'string', minLength: 1, maxLength: 1024 },
  version: { type: 'string', pattern: '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$' },
  capabilities: CAPABILITIES_SCHEMA,
  secrets: SECRETS_SCHEMA,
  actions: ACTIONS_SCHEMA,
  schedules: SCHEDULES_SCHEMA,
  dependencies: DEPENDENCIES_SCHEMA,
  triggers: TRIGGERS_SCHEMA,
  presentation: PRESENTATION_SCHEMA,
  tableLabels: TABLE_LABELS_SCHEMA,
} as const;

/** Every field but `secrets` and `actions`, which skills written before those existed do not have. */
const REQUIRED_MANIFEST_FIELDS = ['slug', 'name', 'description', 'version', 'capabilities'];

export const MANIFEST_FILE_SCHEMA = {
  type: 'object',
  required: REQUIRED_MANIFEST_FIELDS,
  additionalProperties: false,
  properties: MANIFEST_FIELDS,
} as const;

export const CANDIDATE_SCHEMA = {
  type: 'object',
  required: ['code', 'manifest', 'configSchema', 'skillMd', 'sampleInputs', 'generator', 'attempt'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', minLength: 1, maxLength: MAX_CODE_CHARS },
    manifest: {
      type: 'object',
      required: [...REQUIRED_MANIFEST_FIELDS, 'config_schema'],
      additionalProperties: false,
      properties: { ...MANIFEST_FIELDS, config_schema: { type: 'object' } },
    },
    configSchema: { type: 'object' },
    skillMd: { type: 'string', minLength: 1, maxLength: MAX_SKILL_MD_CHARS },
    sampleInputs: SAMPLE_INPUTS_SCHEMA,
    generator: { type: 'string', pattern: '^(offline|import|claude:[A-Za-z0-9._-]{1,100}|openai:[A-Za-z0-9._:/@-]{1,200})$' },
    attempt: { type: 'integer', minimum: 1, maximum: 100 },
  },
} as const;

export const LIMITS = { MAX_CODE_CHARS, MAX_SKILL_MD_CHARS, MAX_HTTP_SAMPLES, MAX_HTTP_SAMPLE_BYTES, MAX_HTTP_SAMPLES_BYTES } as const;
