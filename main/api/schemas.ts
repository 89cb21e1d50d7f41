// JSON Schemas of the API: the server validates requests with these and the OpenAPI document
// publishes the very same objects. Keywords are limited to what JSON Schema draft-07 (ajv) and
// 2020-12 (OpenAPI 3.1) read alike.
import type { JsonSchema } from '../../shared/skills/json-schema.ts';
import type { JsonObject } from './backend.ts';
import { SKILL_KINDS } from '../../shared/skills/need.ts';
import { MAX_REQUEST_LENGTH } from '../skills/detector/request-parser.ts';

const string = (maxLength: number, extra: JsonSchema = {}) => ({ type: 'string', minLength: 1, maxLength, ...extra });
const object = (properties: Record<string, JsonSchema>, required: string[] = [], extra: JsonSchema = {}) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
  ...extra,
});

// ── path parameters ─────────────────────────────────────────────────────────────────────────

/** A skill's id (UUID) or slug (`custom-water-tracker`). */
export const SKILL_REF_SCHEMA = string(80, { pattern: '^[A-Za-z0-9][A-Za-z0-9-]*$' });

/** An allowance's address: an IPv4 or IPv6 literal (no brackets); the engine checks it with ipaddr.js. */
export const ALLOWANCE_ADDRESS_SCHEMA = string(45, { pattern: '^[0-9A-Fa-f.:]+$', examples: ['192.168.1.20'] });
export const ALLOWANCE_PORT_SCHEMA = string(5, { pattern: '^[0-9]+$', examples: ['8123'] });

// ── query parameters ────────────────────────────────────────────────────────────────────────

/** How many skills one page of GET /api/skills holds at most, and by default. */
export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 50;
export const PAGE_QUERY = {
  offset: string(6, { pattern: '^(0|[1-9][0-9]*)$', description: 'How many skills to skip (default 0).', examples: ['50'] }),
  limit: string(3, { pattern: '^([1-9]|[1-9][0-9]|100)$', description: `How many skills to list, 1 to ${MAX_PAGE_LIMIT} (default ${DEFAULT_PAGE_LIMIT}).`, examples: ['20'] }),
};

// ── request bodies ──────────────────────────────────────────────────────────────────────────

export const GENERATE_BODY = {
  description: 'A request for a skill in Polish or English, or a need the assistant already worked out.',
  oneOf: [
    object({ text: string(MAX_REQUEST_LENGTH, { examples: ['Chcę śledzić ile piję wody', 'I want to track how much water I drink'] }) }, ['text']),
    object(
      {
        need: {
          type: 'object',
          description: 'A SkillNeed (kind, subject, subjectKey, unit, cadence, language, source, text); the generator checks it in full.',
          required: ['kind', 'subject', 'subjectKey'],
          properties: { kind: { type: 'string', enum: [...SKILL_KINDS] }, subject: string(200), subjectKey: string(200) },
        },
      },
      ['need'],
    ),
  ],
};

export const PATCH_BODY = object(
  {
    description: { type: 'string', maxLength: 500 },
    archived: { type: 'boolean', description: 'true archives the skill (nothing is deleted); false restores it, which only the owner may do.' },
  },
  [],
  { minProperties: 1, description: 'Only these fields can change through the API; approval is never one of them.' },
);

const note = string(500, { description: 'Why the assistant asks, shown to the owner.' });

export const APPROVE_BODY = object({ note }, [], {
  description: 'At most a note: the API only asks the owner for a review. Approval takes both factors, in the desktop app.',
});

export const ROLLBACK_BODY = object({ version: string(64, { pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$', examples: ['1.0.0'] }), note }, ['version'], {
  description: 'The earlier approved version to go back to; the owner confirms it in the desktop app.',
});

export const EXECUTE_BODY = object(
  {
    slug: string(72, { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', examples: ['custom-water-tracker'] }),
    action: string(64, { pattern: '^[A-Za-z_][A-Za-z0-9_]*$', examples: ['log_water'] }),
    params: { type: 'object', maxProperties: 64, description: 'Checked against the action’s own params_schema.' },
  },
  ['slug', 'action'],
);

export interface ApproveBody {
  note?: string;
}
export interface RollbackBody {
  version: string;
  note?: string;
}
export interface ExecuteBody {
  slug: string;
  action: string;
  params?: JsonObject;
}

// ── responses ───────────────────────────────────────────────────────────────────────────────

const anyString = { type: 'string' };
const nullable = (type: string) => ({ type: [type, 'null'] });
const timestamp = { type: 'string', description: 'ISO 8601 date and time (UTC).' };
const nullableTimestamp = { type: ['string', 'null'], description: 'ISO 8601 date and time (UTC), or null.' };
const closed = (properties: Record<string, JsonSchema>) => object(properties, Object.keys(properties));

export const LOCALIZED_SCHEMA = closed({ pl: anyString, en: anyString });

const VERSION_STATUS = { type: 'string', enum: ['failed', 'pending', 'approved', 'rejected', 'expired'] };

export const SKILL_SCHEMA = closed({
  id: anyString,
  slug: anyString,
  name: anyString,
  description: anyString,
  status: { type: 'string', enum: ['pending', 'active', 'archived', 'rejected'] },
  activeVersion: nullable('string'),
  usageCount: { type: 'integer', minimum: 0 },
  lastUsedAt: nullableTimestamp,
  createdAt: timestamp,
  approvalSeal: {
    enum: ['verified', 'tampered', 'unverifiable', null],
    description: "Whether the running version's approval is proven by its seal (null: nothing runs); a tampered or unverifiable skill is refused.",
  },
  versions: { type: 'array', items: closed({ version: anyString, tag: anyString, status: VERSION_STATUS, createdAt: timestamp }) },
});

const ACTION_SCHEMA = object(
  { slug: anyString, name: anyString, description: anyString, params_schema: { type: 'object', description: 'The JSON Schema its params are checked against.' }, timeoutMs: { type: 'integer' } },
  ['slug', 'name', 'description', 'params_schema'],
);
const RUNNABLE_SKILL_SCHEMA = closed({
  slug: anyString,
  name: anyString,
  description: anyString,
  status: { const: 'active' },
  builtin: { type: 'boolean' },
  version: { ...nullable('string'), description: 'The running version; null for a built-in mod.' },
  runnable: { const: true },
  actions: { type: 'array', items: ACTION_SCHEMA },
});
const WAITING_SKILL_SCHEMA = closed({
  slug: anyString,
  name: anyString,
  status: { type: 'string', enum: ['pending', 'active', 'rejected'] },
  runnable: { const: false },
});
export const SKILL_LIST_SCHEMA = closed({
  skills: { type: 'array', items: { oneOf: [RUNNABLE_SKILL_SCHEMA, WAITING_SKILL_SCHEMA] } },
  total: { type: 'integer', minimum: 0 },
  offset: { type: 'integer', minimum: 0 },
  limit: { type: 'integer', minimum: 1 },
});

export const GENERATED_SCHEMA = closed({ skill: SKILL_SCHEMA, version: anyString, expiresAt: nullableTimestamp, disclosure: LOCALIZED_SCHEMA });

const ownerRequest = (status: string) => closed({ status: { const: status }, skillId: anyString, version: anyString, requestedAt: timestamp });
export const REVIEW_REQUESTED_SCHEMA = ownerRequest('review-requested');
export const ROLLBACK_REQUESTED_SCHEMA = ownerRequest('rollback-requested');

export const EXECUTION_SCHEMA = closed({ slug: anyString, action: anyString, result: {} });

export const NOTIFICATIONS_SCHEMA = closed({
  items: {
    type: 'array',
    description: 'Newest first, at most 200.',
    items: closed({
      id: { type: 'integer', minimum: 1 },
      kind: { type: 'string', enum: ['skill', 'held-back'], description: '`held-back`: one notice standing for the notifications a skill sent over 10 an hour.' },
      skillSlug: anyString,
      skillName: anyString,
      version: anyString,
      title: { type: 'string', description: 'The skill’s own words; empty for `held-back`.' },
      body: { type: 'string', description: 'The skill’s own words; empty for `held-back`.' },
      heldBack: { type: 'integer', minimum: 0, description: 'How many notifications a `held-back` notice stands for.' },
      createdAt: timestamp,
      readAt: nullableTimestamp,
    }),
  },
  unread: { type: 'integer', minimum: 0, description: 'Unread notifications in all.' },
});

export const CONSENTS_SCHEMA = {
  type: 'array',
  description: 'Runs waiting for the owner’s consent, oldest first. Only the owner answers them, in the desktop app.',
  items: closed({
    id: { type: 'integer', minimum: 1 },
    skillSlug: anyString,
    skillName: nullable('string'),
    versionId: anyString,
    version: nullable('string'),
    action: anyString,
    actor: { type: 'string', enum: ['owner', 'assistant', 'scheduler', 'system'], description: 'Who started the run.' },
    trigger: anyString,
    summary: LOCALIZED_SCHEMA,
    details: { type: 'array', items: anyString, description: 'What will run, verbatim (an argv, a URL); never a secret value.' },
    fingerprint: anyString,
    status: { type: 'string', enum: ['pending', 'granted', 'denied', 'timed-out', 'cancelled'] },
    createdAt: timestamp,
    expiresAt: timestamp,
    timeLeftMs: { type: 'integer', minimum: 0, description: 'How long the run still waits, as of this answer.' },
    decidedAt: nullableTimestamp,
    decidedBy: nullable('string'),
  }),
};

const JSON_VALUE = { description: 'Any JSON value.' };
const nullableLocalized = { oneOf: [LOCALIZED_SCHEMA, { type: 'null' }] };

const slugList = { type: 'array', items: anyString };

export const SKILL_DEPENDENCIES_SCHEMA = closed({
  slug: anyString,
  provides: { ...slugList, description: 'Capability names (water.log) this skill offers others.' },
  dependencies: {
    type: 'array',
    description: 'What the skill may call, as its manifest lists it, with the skill each reaches now.',
    items: closed({ name: anyString, slug: nullable('string'), problem: nullableLocalized }),
  },
  indirect: { ...slugList, description: 'Skills reached only through those, at most three calls deep.' },
  dependents: { ...slugList, description: 'Running skills that call this one.' },
  disabled: { ...nullableLocalized, description: 'Why a dependency stops this skill from running; null when nothing does.' },
});

export const SKILL_SETTINGS_SCHEMA = closed({
  slug: anyString,
  version: { ...nullable('string'), description: 'The version whose config_schema the settings follow: the running one, else the newest.' },
  fields: {
    type: 'array',
    items: closed({
      key: anyString,
      control: { type: 'string', enum: ['text', 'number', 'integer', 'boolean', 'select', 'json'] },
      label: LOCALIZED_SCHEMA,
      help: nullableLocalized,
      required: { type: 'boolean' },
      defaultValue: JSON_VALUE,
      hasDefault: { type: 'boolean' },
      options: { type: ['array', 'null'] },
      minimum: nullable('number'),
      maximum: nullable('number'),
    }),
  },
  values: { type: 'object', description: 'What the owner set (secrets never appear here).' },
  effective: { type: 'object', description: 'What the skill gets as foundry.config: valid values with the schema’s defaults.' },
  secrets: {
    type: 'array',
    description: 'Whether each secret is set and when; never its value.',
    items: closed({ name: anyString, label: LOCALIZED_SCHEMA, help: nullableLocalized, hosts: { type: 'array', items: anyString }, set: { type: 'boolean' }, updatedAt: nullableTimestamp }),
  },
  allowances: {
    type: 'array',
    description: 'Local addresses the owner let this skill reach (added in the desktop app, with two factors).',
    items: closed({ address: anyString, port: { type: 'integer' }, addedAt: timestamp, inEffect: { type: 'boolean' } }),
  },
  problems: {
    type: 'array',
    items: closed({ kind: { type: 'string', enum: ['refused', 'missing', 'not-in-schema'] }, key: anyString, message: LOCALIZED_SCHEMA }),
  },
});

const FIRING_SCHEMA = closed({
  skill: anyString,
  version: anyString,
  action: anyString,
  trigger: { type: 'string', description: 'As the execution record and the audit log will name it: on-message#42, on-tool-use#43, on-session-start#44…', examples: ['on-message#42'] },
});

export const EVENT_REPORT_SCHEMA = closed({
  event: closed({ id: { type: 'integer', minimum: 1 }, kind: { type: 'string', enum: ['message', 'tool-use', 'session-start', 'session-end'] }, receivedAt: timestamp }),
  firing: { type: 'array', items: FIRING_SCHEMA, description: 'What this event starts in the background, at most one per skill; each run is recorded in Activity with its trigger.' },
  dropped: { type: 'array', items: FIRING_SCHEMA, description: 'Matches not run because too many firings already wait (audited).' },
});

export const HEALTH_SCHEMA = closed({ status: { const: 'ok' } });

export const OPENAPI_SCHEMA = {
  type: 'object',
  required: ['openapi', 'info', 'paths'],
  properties: { openapi: { const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' } },
};

export const ERROR_SCHEMA = object(
  {
    error: object({ code: anyString, message: LOCALIZED_SCHEMA, details: { type: 'array', items: anyString } }, ['code', 'message']),
    message: { type: 'string', description: 'error.message in the language Accept-Language prefers (Polish or English).' },
  },
  ['error', 'message'],
);

// ── schedules (issue 13 §1) ───────────────────────────────────────────────────────────────

/** A schedule as the manifest writes it (shared/skills/schedules.ts); its meaning is checked by the engine, with every reason given. */
const SCHEDULE_SPEC_SCHEMA = {
  type: 'object',
  required: ['action'],
  maxProperties: 10,
  description: 'action, and exactly one of cron (5 or 6 fields) and intervalMs (≥ 60000); optional timezone (IANA), activeHours { start, end } (HH:MM), daysOfWeek (mon..sun), enabled, missed (skip | catch-up-once), params, notify { onSuccess, onFailure, webhookUrl }.',
  properties: { action: string(64, { examples: ['remind'] }) },
  examples: [{ action: 'remind', cron: '0 8 * * *', timezone: 'Europe/Warsaw' }],
};

export const PROPOSE_SCHEDULE_BODY = object(
  {
    skill: string(72, { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', examples: ['custom-medication-reminder'] }),
    schedule: SCHEDULE_SPEC_SCHEMA,
  },
  ['skill', 'schedule'],
);
export interface ProposeScheduleBody {
  skill: string;
  schedule: JsonObject;
}

const SCHEDULE_ITEM = closed({
  id: { type: 'integer', minimum: 1 },
  skillSlug: anyString,
  skillName: nullable('string'),
  versionId: anyString,
  version: nullable('string'),
  source: { type: 'string', enum: ['manifest', 'owner', 'proposal'] },
  spec: { type: 'object' },
  timezone: anyString,
  status: { type: 'string', enum: ['active', 'paused', 'proposed', 'declined'], description: '`proposed`: waits for the owner to confirm it in the desktop app.' },
  pausedReason: { type: ['string', 'null'], enum: ['owner', 'failures', 'skill-unavailable', 'limit', null] },
  description: LOCALIZED_SCHEMA,
  nextRunAt: nullableTimestamp,
  lastRunAt: nullableTimestamp,
  lastResult: { type: ['string', 'null'], enum: ['succeeded', 'failed', 'skipped', null] },
  lastExecutionId: { type: ['integer', 'null'] },
  lastMessage: { oneOf: [LOCALIZED_SCHEMA, { type: 'null' }] },
  lastLate: { type: 'boolean', description: 'The last run came late: it was due while nothing ran.' },
  consecutiveFailures: { type: 'integer', minimum: 0 },
  createdAt: timestamp,
  createdBy: { type: 'string', enum: ['owner', 'assistant', 'system'] },
});

export const SCHEDULES_SCHEMA = { type: 'array', description: 'Every schedule, proposals included, oldest first.', items: SCHEDULE_ITEM };
export const SCHEDULE_SCHEMA = SCHEDULE_ITEM;

// ── the home view (issue 16 §1) ─────────────────────────────────────────────────────────────

const FIGURE_VALUE = { oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }] };
const TODAY_CARD = closed({
  slug: anyString,
  name: anyString,
  version: nullable('string'),
  insights: {
    type: 'array',
    description: 'The skill’s getInsights(), in its own words (a skill writes in its owner’s language); at most 5.',
    items: closed({ type: { type: 'string', enum: ['info', 'success', 'warning', 'alert'] }, title: anyString, message: anyString }),
  },
  headline: {
    description: 'The headline figure of getData(): the manifest’s presentation hint names it, else the first number.',
    oneOf: [closed({ key: anyString, value: { type: 'number' }, unit: nullable('string') }), { type: 'null' }],
  },
  figures: { type: 'array', description: 'Other short figures of getData(), at most 6.', items: closed({ key: anyString, value: FIGURE_VALUE }) },
  chart: {
    description: 'Where getData() holds dated numbers: one point per day (UTC) over the last 30 days, oldest first.',
    oneOf: [
      closed({
        key: anyString,
        unit: nullable('string'),
        goal: nullable('number'),
        points: { type: 'array', items: closed({ date: { type: 'string', description: 'YYYY-MM-DD' }, value: nullable('number') }) },
      }),
      { type: 'null' },
    ],
  },
  quickAction: { description: 'The action run most often (else the first): its slug, name, description and params_schema.', oneOf: [{ type: 'object' }, { type: 'null' }] },
  problem: { description: 'Why the card could not be read; the rest is then empty.', oneOf: [LOCALIZED_SCHEMA, { type: 'null' }] },
  readAt: timestamp,
});

export const TODAY_SCHEMA = closed({
  cards: { type: 'array', description: 'One card per active skill, by name.', items: TODAY_CARD },
  upcoming: {
    type: 'array',
    description: 'The next scheduled runs, soonest first, at most 5.',
    items: closed({ scheduleId: { type: 'integer', minimum: 1 }, skillSlug: anyString, skillName: nullable('string'), action: anyString, at: timestamp }),
  },
  notifications: NOTIFICATIONS_SCHEMA.properties.items!,
  unreadNotifications: { type: 'integer', minimum: 0 },
});

// ── the marketplace (issue 17) ──────────────────────────────────────────────────────────────

/** A listing: `slug@version`, or a slug for its newest version. */
export const MARKET_LISTING_REF_SCHEMA = string(140, {
  pattern: '^[a-z0-9][a-z0-9-]*(@[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?)?$',
  examples: ['custom-water-tracker', 'custom-water-tracker@1.0.0'],
});

export const MARKET_SEARCH_QUERY = {
  query: { type: 'string', maxLength: 200, description: 'Words that must all appear in the name, description, slug, category or author (none: every listing).', examples: ['water'] },
  category: string(100, { description: 'Only listings of this category (the answer lists the categories there are).', examples: ['health'] }),
};

export const MARKET_INSTALL_BODY = object({ id: MARKET_LISTING_REF_SCHEMA }, ['id'], {
  description: 'The listing to install: it is downloaded, verified, audited and dry-run here, then waits for the owner’s approval.',
});

export interface MarketInstallBody {
  id: string;
}

const DISCLOSURE_ITEM = object(
  { kind: anyString, target: nullable('string'), text: LOCALIZED_SCHEMA, details: LOCALIZED_SCHEMA },
  ['kind', 'target', 'text'],
);
const RISK = { type: 'string', enum: ['low', 'medium', 'high'] };
const VERDICT = { type: 'string', enum: ['pass', 'warn', 'block'] };
const LISTING_FIELDS = {
  id: { type: 'string', description: '`slug@version`.' },
  slug: anyString,
  name: anyString,
  description: anyString,
  category: anyString,
  author: anyString,
  version: anyString,
  permissions: { type: 'array', description: 'What the skill may do once approved, in plain words.', items: DISCLOSURE_ITEM },
  risk: closed({ level: RISK, reasons: { type: 'array', items: LOCALIZED_SCHEMA } }),
  auditInfo: { ...closed({ verdict: VERDICT, warnings: { type: 'integer' }, notes: { type: 'integer' }, summary: LOCALIZED_SCHEMA }), description: 'The registry’s own audit: shown, never trusted (installing audits again here).' },
  remoteUrl: nullable('string'),
  bundle: anyString,
  sha256: anyString,
  publisher: closed({ name: anyString, publicKey: anyString, keyId: anyString, fingerprint: { type: 'string', description: 'Computed here from the key, not read from the index.' } }),
  publishedAt: timestamp,
  registry: anyString,
  installedVersion: { ...nullable('string'), description: 'The version installed here (running or waiting for review), if any.' },
  revoked: { type: 'boolean' },
  trust: closed({
    score: { type: 'integer', minimum: 0, maximum: 100 },
    signals: {
      type: 'array',
      description: 'What the score is made of, each with its reason. It informs; it never skips a step.',
      items: closed({ id: anyString, verdict: { type: 'string', enum: ['good', 'neutral', 'bad'] }, points: { type: 'integer' }, text: LOCALIZED_SCHEMA }),
    },
  }),
};
const LISTING_SCHEMA = closed(LISTING_FIELDS);

export const MARKET_SEARCH_SCHEMA = closed({
  listings: { type: 'array', description: 'The newest version of each matching skill per registry.', items: LISTING_SCHEMA },
  categories: { type: 'array', items: anyString },
  registries: {
    type: 'array',
    description: 'Each configured registry: whether it answered, or is shown from the cache (`stale`).',
    items: closed({ url: anyString, ok: { type: 'boolean' }, stale: { type: 'boolean' }, fetchedAt: nullableTimestamp, listings: { type: 'integer' }, error: nullableLocalized }),
  },
});

export const MARKET_LISTING_SCHEMA = closed({
  ...LISTING_FIELDS,
  localAudit: {
    description: 'The audit run here on the downloaded bundle; null when it could not be checked (see `problem`).',
    oneOf: [closed({ verdict: VERDICT, warnings: { type: 'array', items: LOCALIZED_SCHEMA } }), { type: 'null' }],
  },
  problem: { description: 'Why the bundle failed its checks here (hash, signature, archive); null when it passed.', oneOf: [LOCALIZED_SCHEMA, { type: 'null' }] },
});

export const MARKET_INSTALL_SCHEMA = closed({
  status: { const: 'waiting-for-owner-approval' },
  listing: LISTING_SCHEMA,
  skill: SKILL_SCHEMA,
  version: anyString,
  expiresAt: nullableTimestamp,
  disclosure: LOCALIZED_SCHEMA,
});
