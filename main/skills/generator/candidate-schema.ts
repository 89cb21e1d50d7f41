// JSON Schemas for generator output. The parts are shared by the candidate check, Claude's
// `submit_skill` tool and the exported folder's files, so all three accept the same shapes.
import { SKILL_TABLE_NAME } from '../../../shared/skills/api-allowlist.ts';
import { SAMPLE_METHODS } from '../../../shared/skills/candidate.ts';

const MAX_CODE_CHARS = 200_000;
const MAX_SKILL_MD_CHARS = 64 * 1024;
const MAX_SAMPLES = 20;

const tableList = { type: 'array', maxItems: 32, uniqueItems: true, items: { type: 'string', pattern: SKILL_TABLE_NAME.source } };

export const CAPABILITIES_SCHEMA = {
  type: 'object',
  required: ['reads', 'writes', 'http', 'notifications', 'skills'],
  additionalProperties: false,
  properties: {
    reads: tableList,
    writes: tableList,
    http: { type: 'array', maxItems: 16, uniqueItems: true, items: { type: 'string', pattern: '^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$' } },
    notifications: { type: 'boolean' },
    skills: { type: 'array', maxItems: 16, uniqueItems: true, items: { type: 'string', maxLength: 64 } },
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
    },
  },
} as const;

/** A manifest without `config_schema`, which travels on its own. */
export const MANIFEST_FIELDS = {
  slug: { type: 'string', minLength: 8, maxLength: 64 },
  name: { type: 'string', minLength: 1, maxLength: 80 },
  description: { type: 'string', minLength: 1, maxLength: 1024 },
  version: { type: 'string', pattern: '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$' },
  capabilities: CAPABILITIES_SCHEMA,
} as const;

export const MANIFEST_FILE_SCHEMA = {
  type: 'object',
  required: Object.keys(MANIFEST_FIELDS),
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
      required: [...Object.keys(MANIFEST_FIELDS), 'config_schema'],
      additionalProperties: false,
      properties: { ...MANIFEST_FIELDS, config_schema: { type: 'object' } },
    },
    configSchema: { type: 'object' },
    skillMd: { type: 'string', minLength: 1, maxLength: MAX_SKILL_MD_CHARS },
    sampleInputs: SAMPLE_INPUTS_SCHEMA,
    generator: { type: 'string', pattern: '^(offline|import|claude:[A-Za-z0-9._-]{1,100})$' },
    attempt: { type: 'integer', minimum: 1, maximum: 100 },
  },
} as const;

export const LIMITS = { MAX_CODE_CHARS, MAX_SKILL_MD_CHARS } as const;
