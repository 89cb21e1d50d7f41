// The route table: the seed's app/api/skills/* routes, plus health and the OpenAPI document. The
// server validates and authorizes from it and the OpenAPI document is built from it, so the two
// cannot disagree.
//
// Permissions, checked by the server in one place before a handler runs:
//   generate                      skills:create
//   execute                       skills:execute, with { skillSlug, approved } looked up first
//   PATCH, DELETE, approve,
//   rollback                      skills:create — changing one's own skills and *asking* the owner;
//                                 approve and rollback only file a request, so skills:approve is
//                                 never what they need (and the assistant never holds it)
//   GET skills, a skill, its settings,
//   notifications, openapi.json   the token alone: reading changes nothing (marking notifications
//                                 read is the owner's, in the app or the CLI, so no route does it;
//                                 settings never carry a secret's value)
//   GET schedules                 the token alone: reading changes nothing
//   GET today                     the token alone: each card is read as the assistant's run of an
//                                 approved skill (skills:execute, per skill, in the service)
//   POST schedules/proposals      skills:create — only *proposes*: the owner confirms or declines it
//                                 in the desktop app; adding, pausing or removing one is the owner's
//   GET consents                  the token alone: the assistant sees that a run waits; answering is
//                                 the owner's, in the desktop window, so no route does it
//   DELETE an allowance           skills:create — it only narrows what a skill can reach; adding
//                                 one is the owner's, with two factors, so no route does it
//   GET market, GET market/{id}   skills:marketplace — browsing fetches the owner's registries
//   POST market/install           skills:marketplace — only *requests*: the version waits in the
//                                 review queue as the assistant's, and counts as one of its proposals
//   health                        nothing at all: it answers only { status: 'ok' }
//   events (message, tool-use,    the token alone: an event only reports; what it fires is
//   session)                      authorized run by run, as the assistant (trigger-engine.ts),
//                                 and each route has a rate-limit bucket of its own
import type { JsonSchema } from '../../shared/skills/json-schema.ts';
import type { Permission } from '../skills/rbac/permissions.ts';
import type { AccessContext } from '../skills/rbac/authorize.ts';
import type { PrincipalKind } from '../skills/rbac/roles.ts';
import type { ApiBackend, GenerateInput, OwnerRequest, SkillPatch } from './backend.ts';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi.ts';
import { MESSAGE_EVENT_BODY, SESSION_EVENT_BODY, TOOL_USE_EVENT_BODY, type EventRoute } from '../skills/triggers/index.ts';
import {
  ALLOWANCE_ADDRESS_SCHEMA,
  ALLOWANCE_PORT_SCHEMA,
  APPROVE_BODY,
  EXECUTE_BODY,
  EVENT_REPORT_SCHEMA,
  EXECUTION_SCHEMA,
  GENERATE_BODY,
  GENERATED_SCHEMA,
  HEALTH_SCHEMA,
  NOTIFICATIONS_SCHEMA,
  CONSENTS_SCHEMA,
  PROPOSE_SCHEDULE_BODY,
  SCHEDULE_SCHEMA,
  SCHEDULES_SCHEMA,
  type ProposeScheduleBody,
  OPENAPI_SCHEMA,
  PAGE_QUERY,
  DEFAULT_PAGE_LIMIT,
  SKILL_LIST_SCHEMA,
  PATCH_BODY,
  REVIEW_REQUESTED_SCHEMA,
  ROLLBACK_BODY,
  ROLLBACK_REQUESTED_SCHEMA,
  SKILL_REF_SCHEMA,
  SKILL_SCHEMA,
  SKILL_SETTINGS_SCHEMA,
  SKILL_DEPENDENCIES_SCHEMA,
  TODAY_SCHEMA,
  MARKET_INSTALL_BODY,
  MARKET_INSTALL_SCHEMA,
  MARKET_LISTING_REF_SCHEMA,
  MARKET_LISTING_SCHEMA,
  MARKET_SEARCH_QUERY,
  MARKET_SEARCH_SCHEMA,
  type MarketInstallBody,
  type ApproveBody,
  type ExecuteBody,
  type RollbackBody,
} from './schemas.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RouteInput {
  backend: ApiBackend;
  principal: PrincipalKind;
  /** Path parameters, already checked against `params`. */
  params: Readonly<Record<string, string>>;
  /** Query parameters, already checked against `query` (none for a route without it). */
  query: Readonly<Record<string, string>>;
  /** The body, already checked against `body` (an absent body is `{}`). */
  body: unknown;
}

export interface RouteOutput {
  body: unknown;
  headers?: Record<string, string>;
}

export interface ApiRoute {
  method: HttpMethod;
  /** OpenAPI path template: `/api/skills/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  /** Whether the bearer token is required (and the rate limit applies). */
  auth: boolean;
  permission: Permission | null;
  params?: Record<string, JsonSchema>;
  /** Optional query parameters; any other is refused. */
  query?: Record<string, JsonSchema>;
  /** Absent: the route takes no body. */
  body?: JsonSchema;
  success: { status: number; description: string; schema: JsonSchema };
  /** What the backend itself may answer with, beyond the server's own refusals. */
  refusals: number[];
  /** `own`: the route has a token bucket of its own (ApiLimits.events…) instead of the one every other route shares. */
  rateLimit?: 'own';
  /** Facts the permission's conditions are checked against. */
  accessContext?: (input: RouteInput) => Promise<AccessContext>;
  handle: (input: RouteInput) => Promise<RouteOutput>;
}

const skillRef = { id: SKILL_REF_SCHEMA };
const id = (input: RouteInput) => input.params.id!;
/** The response to a request filed for the owner: always says it is a request, whatever the backend returned. */
const filed = (status: 'review-requested' | 'rollback-requested', request: OwnerRequest) => ({
  body: { status, skillId: request.skillId, version: request.version, requestedAt: request.requestedAt },
});

/** An event route: checked, stored, answered 202 with what it fires. */
const eventRoute = (route: EventRoute, body: JsonSchema, summary: string, description: string): ApiRoute => ({
  method: 'POST',
  path: `/api/events/${route}`,
  operationId: `report${route.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}Event`,
  summary,
  description: `${description} Stored exactly as sent (the newest 10,000 events, for at most 90 days). Skills whose triggers match run in the background, at most one firing per skill per event: the answer says what fires, and Activity shows each run with its trigger (on-message#42).`,
  auth: true,
  permission: null,
  rateLimit: 'own',
  body,
  success: { status: 202, description: 'Stored; what it fires now runs in the background.', schema: EVENT_REPORT_SCHEMA },
  refusals: [],
  handle: async ({ backend, principal, body: event }) => ({ body: await backend.reportEvent(principal, route, event) }),
});

let document: OpenApiDocument | null = null;
/** The OpenAPI document of these routes, built once. */
export const openApiDocument = (): OpenApiDocument => (document ??= buildOpenApiDocument(API_ROUTES));

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/health',
    operationId: 'health',
    summary: 'Whether the API is up',
    description: 'No token needed; says nothing but that the server answers.',
    auth: false,
    permission: null,
    success: { status: 200, description: 'The API is up.', schema: HEALTH_SCHEMA },
    refusals: [],
    handle: async () => ({ body: { status: 'ok' } }),
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    operationId: 'openapi',
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of the API, built from the same route table and schemas the server checks requests with.',
    auth: true,
    permission: null,
    success: { status: 200, description: 'The OpenAPI document.', schema: OPENAPI_SCHEMA },
    refusals: [],
    handle: async () => ({ body: openApiDocument() }),
  },
  {
    method: 'GET',
    path: '/api/skills',
    operationId: 'listSkills',
    summary: 'The skills the assistant may see',
    description:
      'Built-in mods first, then generated skills by name. A skill that can run now comes with its actions and each action’s params_schema; a pending, rejected or not runnable one with its status only. Archived skills are not listed.',
    auth: true,
    permission: null,
    query: PAGE_QUERY,
    success: { status: 200, description: 'One page of skills.', schema: SKILL_LIST_SCHEMA },
    refusals: [],
    handle: async ({ backend, principal, query }) => ({
      body: await backend.listSkills(principal, Number(query.offset ?? 0), Number(query.limit ?? DEFAULT_PAGE_LIMIT)),
    }),
  },
  {
    method: 'POST',
    path: '/api/skills/generate',
    operationId: 'generateSkill',
    summary: 'Generate a skill from a request',
    description:
      'Runs the pipeline (generate, audit, sandboxed dry run, disclosure). The new version then waits for the owner, who approves it with two factors in the desktop app; it cannot run before that. Each request is one of the assistant’s proposals: at most `skills.learning.maxProposedPerDay` a day (429 with `Retry-After` until midnight once they are used up).',
    auth: true,
    permission: 'skills:create',
    body: GENERATE_BODY,
    success: { status: 201, description: 'A version was generated and waits for the owner’s approval.', schema: GENERATED_SCHEMA },
    refusals: [409, 422, 429, 503],
    handle: async ({ backend, principal, body }) => {
      const generated = await backend.generate(principal, body as GenerateInput);
      return { body: generated, headers: { Location: `/api/skills/${encodeURIComponent(generated.skill.id)}` } };
    },
  },
  {
    method: 'POST',
    path: '/api/skills/execute',
    operationId: 'executeSkill',
    summary: 'Run an action of an approved skill',
    description:
      'Runs in the sandbox and is recorded with hashes of its input and output. Only built-in mods and skills whose running version the owner approved run; params are checked against the action’s schema (400).',
    auth: true,
    permission: 'skills:execute',
    body: EXECUTE_BODY,
    success: { status: 200, description: 'What the action returned.', schema: EXECUTION_SCHEMA },
    refusals: [404, 409, 502, 503],
    accessContext: async ({ backend, principal, body }) => {
      const { slug } = body as ExecuteBody;
      return { skillSlug: slug, approved: await backend.isApproved(principal, slug) };
    },
    handle: async ({ backend, principal, body }) => {
      const { slug, action, params } = body as ExecuteBody;
      return { body: await backend.execute(principal, slug, action, params ?? {}) };
    },
  },
  {
    method: 'GET',
    path: '/api/skills/{id}',
    operationId: 'getSkill',
    summary: 'A skill and its versions',
    description: 'By id or slug.',
    auth: true,
    permission: null,
    params: skillRef,
    success: { status: 200, description: 'The skill.', schema: SKILL_SCHEMA },
    refusals: [404],
    handle: async (input) => ({ body: await input.backend.getSkill(input.principal, id(input)) }),
  },
  {
    method: 'PATCH',
    path: '/api/skills/{id}',
    operationId: 'updateSkill',
    summary: 'Change a skill’s description, or archive it',
    description:
      'Only `description` and `archived` can change. A status, a version or an approval cannot be set through the API; restoring an archived skill is the owner’s (403 for the assistant).',
    auth: true,
    permission: 'skills:create',
    params: skillRef,
    body: PATCH_BODY,
    success: { status: 200, description: 'The skill as it is now.', schema: SKILL_SCHEMA },
    refusals: [404, 409],
    handle: async (input) => ({ body: await input.backend.updateSkill(input.principal, id(input), input.body as SkillPatch) }),
  },
  {
    method: 'DELETE',
    path: '/api/skills/{id}',
    operationId: 'archiveSkill',
    summary: 'Archive a skill',
    description: 'Nothing is ever deleted: the skill is archived, its versions and history kept. The answer is the skill as archived; after that the assistant no longer sees it (404).',
    auth: true,
    permission: 'skills:create',
    params: skillRef,
    success: { status: 200, description: 'The archived skill.', schema: SKILL_SCHEMA },
    refusals: [404, 409],
    handle: async (input) => ({ body: await input.backend.archive(input.principal, id(input)) }),
  },
  {
    method: 'POST',
    path: '/api/skills/{id}/approve',
    operationId: 'requestReview',
    summary: 'Ask the owner to review the pending version',
    description:
      'Files a review request and notifies the owner. It can never complete an approval: that takes the owner’s two factors (biometric and authenticator code) in the desktop app. The body may carry a note for the owner, nothing else.',
    auth: true,
    permission: 'skills:create',
    params: skillRef,
    body: APPROVE_BODY,
    success: { status: 202, description: 'The owner was asked; the skill is not approved by this.', schema: REVIEW_REQUESTED_SCHEMA },
    refusals: [404, 409],
    handle: async (input) => filed('review-requested', await input.backend.requestReview(input.principal, id(input), (input.body as ApproveBody).note)),
  },
  {
    method: 'POST',
    path: '/api/skills/{id}/rollback',
    operationId: 'requestRollback',
    summary: 'Ask the owner to roll back to an earlier version',
    description: 'Files a rollback request for the owner, who confirms it in the desktop app. Nothing switches versions before that.',
    auth: true,
    permission: 'skills:create',
    params: skillRef,
    body: ROLLBACK_BODY,
    success: { status: 202, description: 'The owner was asked; no version changed yet.', schema: ROLLBACK_REQUESTED_SCHEMA },
    refusals: [404, 409],
    handle: async (input) => {
      const { version, note } = input.body as RollbackBody;
      return filed('rollback-requested', await input.backend.requestRollback(input.principal, id(input), version, note));
    },
  },
  {
    method: 'GET',
    path: '/api/notifications',
    operationId: 'listNotifications',
    summary: 'What approved skills notified the owner of',
    description:
      'Newest first, with the unread count. Read only: the owner marks notifications read in the desktop app or with `foundry notifications read`. Notifications from dry runs are never here: they stay in the review.',
    auth: true,
    permission: null,
    success: { status: 200, description: 'The notifications.', schema: NOTIFICATIONS_SCHEMA },
    refusals: [],
    handle: async ({ backend, principal }) => ({ body: await backend.listNotifications(principal) }),
  },
  {
    method: 'GET',
    path: '/api/consents',
    operationId: 'listConsents',
    summary: 'Runs waiting for the owner’s consent',
    description:
      'Oldest first. An action that needs the owner’s yes for each run waits here until the owner allows or denies it in the desktop app, or its time runs out. Read only: no route, token or command line answers a consent request.',
    auth: true,
    permission: null,
    success: { status: 200, description: 'The waiting runs.', schema: CONSENTS_SCHEMA },
    refusals: [],
    handle: async ({ backend, principal }) => ({ body: await backend.listConsents(principal) }),
  },
  {
    method: 'GET',
    path: '/api/schedules',
    operationId: 'listSchedules',
    summary: 'What runs by itself, and when',
    description:
      'Every schedule with its next run, its last result and its description in plain words; proposals wait for the owner. Read only: adding, pausing, resuming, running and removing schedules is the owner’s, in the desktop app or with `foundry schedules`.',
    auth: true,
    permission: null,
    success: { status: 200, description: 'The schedules.', schema: SCHEDULES_SCHEMA },
    refusals: [],
    handle: async ({ backend, principal }) => ({ body: await backend.listSchedules(principal) }),
  },
  {
    method: 'GET',
    path: '/api/today',
    operationId: 'getToday',
    summary: 'What the owner’s skills know today',
    description:
      'The desktop app’s home view: for each active skill its getData() and getInsights(), read in the sandbox like any run (recorded with trigger `dashboard`, not counted as use, cached for 5 seconds and fresh after any other run of the skill), a chart of its dated numbers per day where it has them, and its most used action; beside them the next scheduled runs and the latest notifications. A skill that cannot be read has its reason on its card.',
    auth: true,
    permission: null,
    success: { status: 200, description: 'The cards, the next runs and the latest notifications.', schema: TODAY_SCHEMA },
    refusals: [],
    handle: async ({ backend, principal }) => ({ body: await backend.today(principal) }),
  },
  {
    method: 'POST',
    path: '/api/schedules/proposals',
    operationId: 'proposeSchedule',
    summary: 'Propose a schedule to the owner',
    description:
      'Checked like any schedule (cron read by croner, at least a minute apart, a known time zone, an action the running version has, a webhook only to its approved hosts), then stored as a proposal and the owner is told. It never runs until the owner confirms it in the desktop app, and at most `skills.scheduled.maxScheduled` schedules are active.',
    auth: true,
    permission: 'skills:create',
    body: PROPOSE_SCHEDULE_BODY,
    success: { status: 201, description: 'The proposal, waiting for the owner.', schema: SCHEDULE_SCHEMA },
    refusals: [400, 404, 409],
    accessContext: async (input) => ({ skillSlug: (input.body as ProposeScheduleBody).skill }),
    handle: async (input) => {
      const { skill, schedule } = input.body as ProposeScheduleBody;
      return { body: await input.backend.proposeSchedule(input.principal, skill, schedule) };
    },
  },
  {
    method: 'GET',
    path: '/api/skills/{id}/settings',
    operationId: 'getSkillSettings',
    summary: 'A skill’s settings',
    description:
      'The form built from the running version’s config_schema, the values set, what the skill gets, whether each secret is set (never its value) and the local addresses it may reach. Changing them is the owner’s, in the desktop app or the CLI.',
    auth: true,
    permission: null,
    params: skillRef,
    success: { status: 200, description: 'The settings.', schema: SKILL_SETTINGS_SCHEMA },
    refusals: [404, 409],
    handle: async (input) => ({ body: await input.backend.getSettings(input.principal, id(input)) }),
  },
  {
    method: 'GET',
    path: '/api/skills/{id}/dependencies',
    operationId: 'getSkillDependencies',
    summary: 'What a skill calls and who calls it',
    description:
      'The skills (or capability names) its manifest lists in dependencies and what each reaches now, the skills reached through those, the running skills that depend on it, what it provides, and why it is disabled when a dependency cannot run.',
    auth: true,
    permission: null,
    params: skillRef,
    success: { status: 200, description: 'The dependency graph around the skill.', schema: SKILL_DEPENDENCIES_SCHEMA },
    refusals: [404],
    handle: async (input) => ({ body: await input.backend.getDependencies(input.principal, id(input)) }),
  },
  {
    method: 'DELETE',
    path: '/api/skills/{id}/allowances/{address}/{port}',
    operationId: 'revokeAllowance',
    summary: 'Take back a local-address allowance',
    description:
      'The skill can no longer reach that address and port. Only narrowing is possible here: adding an allowance takes the owner’s two factors in the desktop app.',
    auth: true,
    permission: 'skills:create',
    params: { ...skillRef, address: ALLOWANCE_ADDRESS_SCHEMA, port: ALLOWANCE_PORT_SCHEMA },
    success: { status: 200, description: 'The settings as they are now.', schema: SKILL_SETTINGS_SCHEMA },
    refusals: [400, 404],
    handle: async (input) => ({ body: await input.backend.revokeAllowance(input.principal, id(input), input.params.address!, Number(input.params.port)) }),
  },
  {
    method: 'GET',
    path: '/api/market',
    operationId: 'searchMarketplace',
    summary: 'Search the marketplace',
    description:
      'The listings of the registries the owner configured (`skills.marketplace.registryUrl`), newest version of each skill per registry, each with its permissions in plain words, the registry’s audit summary, its risk, the publisher’s fingerprint and a trust score with its reasons. Revocations a registry publishes are applied as it is read. Off until the owner turns the marketplace on (403).',
    auth: true,
    permission: 'skills:marketplace',
    query: MARKET_SEARCH_QUERY,
    success: { status: 200, description: 'The matching listings, the categories and each registry’s state.', schema: MARKET_SEARCH_SCHEMA },
    refusals: [403, 503],
    handle: async ({ backend, principal, query }) => ({ body: await backend.searchMarket(principal, query.query ?? '', query.category) }),
  },
  {
    method: 'POST',
    path: '/api/market/install',
    operationId: 'requestMarketplaceInstall',
    summary: 'Ask for a marketplace skill to be installed',
    description:
      'Downloads the bundle, checks its hash and signature, audits it and dry-runs it with its samples here, then puts the version in the review queue, marked as requested by the assistant. It cannot run before the owner approves it with two factors in the desktop app. Each request is one of the assistant’s proposals: at most `skills.learning.maxProposedPerDay` a day (429 with `Retry-After` until midnight once they are used up).',
    auth: true,
    permission: 'skills:marketplace',
    body: MARKET_INSTALL_BODY,
    success: { status: 201, description: 'The version waits for the owner’s approval.', schema: MARKET_INSTALL_SCHEMA },
    refusals: [403, 404, 409, 422, 429, 503],
    handle: async ({ backend, principal, body }) => {
      const requested = await backend.requestMarketInstall(principal, (body as MarketInstallBody).id);
      return { body: requested, headers: { Location: `/api/skills/${encodeURIComponent(requested.skill.id)}` } };
    },
  },
  {
    method: 'GET',
    path: '/api/market/{id}',
    operationId: 'showMarketplaceListing',
    summary: 'One marketplace listing, checked here',
    description:
      'By `slug@version`, or a slug for its newest version. The bundle is downloaded, its hash and signature verified and its code audited on this computer (the registry’s own audit is never trusted), without installing anything; the trust score then reads those checks. A bundle that fails them is shown with `problem`.',
    auth: true,
    permission: 'skills:marketplace',
    params: { id: MARKET_LISTING_REF_SCHEMA },
    success: { status: 200, description: 'The listing with the checks made here.', schema: MARKET_LISTING_SCHEMA },
    refusals: [403, 404, 503],
    handle: async (input) => ({ body: await input.backend.showMarketListing(input.principal, id(input)) }),
  },
  eventRoute('message', MESSAGE_EVENT_BODY, 'Report a message of the conversation',
    'The person’s messages (role user) fire onMessage triggers; every message also feeds the pattern and gap detectors’ history, within the learning settings.'),
  eventRoute('tool-use', TOOL_USE_EVENT_BODY, 'Report a tool the assistant used', 'Fires onToolUse triggers naming that tool exactly.'),
  eventRoute('session', SESSION_EVENT_BODY, 'Report a conversation starting or ending', 'Fires onSessionStart or onSessionEnd triggers.'),
];
