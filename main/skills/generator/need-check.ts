// A need reaches the generator from the detector, the API or an import: its shape is checked
// before any template or prompt uses it.
import { LOCALES } from '../../../shared/i18n-types.ts';
import { httpCapabilityOf } from '../../../shared/skills/http-capability.ts';
import { NEED_PERIODS, SKILL_KINDS, type SkillNeed } from '../../../shared/skills/need.ts';
import { GeneratorError } from './generator-error.ts';
import { schemaChecker } from './schema-check.ts';

const LABEL = { type: 'string', minLength: 1, maxLength: 80 };
const TIME = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' };

function cadence(type: string, properties: Record<string, unknown>, required: string[] = []) {
  return { type: 'object', required: ['type', ...required], properties: { type: { const: type }, ...properties }, additionalProperties: false };
}

const NEED_SCHEMA = {
  type: 'object',
  required: ['kind', 'subject', 'subjectKey', 'unit', 'cadence', 'language', 'source', 'text'],
  properties: {
    kind: { type: 'string', enum: [...SKILL_KINDS] },
    subject: { type: 'string', maxLength: 200 },
    subjectKey: { type: 'string', maxLength: 200 },
    unit: { type: ['string', 'null'], maxLength: 32 },
    cadence: {
      oneOf: [
        cadence('none', {}),
        cadence('daily', { at: TIME }),
        cadence('weekly', { days: { type: 'array', maxItems: 7, items: { type: 'string', enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] } }, at: TIME }, ['days']),
        cadence('interval', { everyMinutes: { type: 'integer', minimum: 1, maximum: 525_600 } }, ['everyMinutes']),
      ],
    },
    language: { type: 'string', enum: [...LOCALES] },
    source: { type: 'string', maxLength: 32 },
    text: { type: 'string', maxLength: 4000 },
    evidence: { type: 'object' },
    priceWatch: {
      type: 'object',
      required: ['url', 'below'],
      properties: { url: { type: 'string', minLength: 1, maxLength: 2000 }, below: { type: 'number', exclusiveMinimum: 0, maximum: 1e12 } },
      additionalProperties: false,
    },
    webhook: {
      type: 'object',
      required: ['url'],
      properties: { url: { type: 'string', minLength: 1, maxLength: 2000 } },
      additionalProperties: false,
    },
    fields: {
      type: 'array',
      minItems: 1,
      maxItems: 8,
      items: {
        type: 'object',
        required: ['key', 'label', 'type', 'required'],
        properties: {
          key: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,31}$' },
          label: { type: 'object', required: ['pl', 'en'], properties: { pl: LABEL, en: LABEL }, additionalProperties: false },
          type: { enum: ['number', 'text'] },
          unit: { type: 'string', minLength: 1, maxLength: 32 },
          required: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    },
    period: { enum: [...NEED_PERIODS] },
    threshold: {
      type: 'object',
      required: ['direction', 'limit'],
      properties: { direction: { enum: ['above', 'below'] }, limit: { type: 'number', exclusiveMinimum: 0, maximum: 1e12 } },
      additionalProperties: false,
    },
    aggregate: { enum: ['sum', 'latest'] },
    timesPerDay: { type: 'integer', minimum: 1, maximum: 24 },
  },
  additionalProperties: false,
} as const;

const checkNeed = schemaChecker(NEED_SCHEMA);

/** The schema's problems, then a price watch's: it cannot be written without a web address and a price. */
function needProblems(need: unknown): string[] {
  const problems = checkNeed(need);
  if (problems.length > 0) return problems;
  const { kind, priceWatch, webhook } = need as SkillNeed;
  const keys = (need as SkillNeed).fields?.map((f) => f.key) ?? [];
  if (new Set(keys).size !== keys.length) problems.push('/fields must have distinct keys');
  if (kind === 'price-watch' && !priceWatch) problems.push('/priceWatch is required for a price-watch need');
  if (priceWatch && !(URL.canParse(priceWatch.url) && httpCapabilityOf(new URL(priceWatch.url))))
    problems.push('/priceWatch/url must be an absolute http(s) address with a host and no user name or password');
  if (kind === 'webhook' && !webhook) problems.push('/webhook is required for a webhook need');
  if (webhook && !(URL.canParse(webhook.url) && httpCapabilityOf(new URL(webhook.url))))
    problems.push('/webhook/url must be an absolute http(s) address with a host and no user name or password');
  return problems;
}

export function requireUsableNeed(need: unknown): SkillNeed {
  const problems = needProblems(need);
  if (problems.length > 0)
    throw new GeneratorError(
      'generator/invalid-need',
      { en: 'The need is incomplete or malformed, so no skill can be written for it.', pl: 'Potrzeba jest niepełna lub błędna, więc nie da się napisać dla niej skilla.' },
      { details: problems },
    );
  return need as SkillNeed;
}
