// The renderer↔main contract: every method, its request schema (JSON Schema, checked in main
// with ajv) and its request/response types. The preload, the IPC router, the test bridge and the
// local API are all built from this one table.
import type {
  AppInfo, AuditEntry, ChainVerification, ExecutionRecord, GenerationJob, GeneratorModels, GeneratorStatus, Page, ReviewItem, Settings, SkillSummary,
  SkillVersionRecord, ApiResult,
} from './records.ts';
import type { SuggestionRecord, SuggestionStatus } from '../skills/suggestion.ts';
import type {
  ActiveProviderDescription, ExecuteResult, ReviewRequestRecord, ReviewRequestStatus, SkillDetails, TotpEnrollmentOffer, TotpStatus, VersionDiff,
} from './review-records.ts';
import type { NotificationList } from './notification-records.ts';
import type { ConsentRequestRecord, StandingConsentRecord } from './consent-records.ts';
import type { ScheduleRecord } from '../skills/schedules.ts';
import type { Localized } from '../i18n-types.ts';
import type { JsonSchema } from '../skills/json-schema.ts';
import { CONFIG_KEY_NAMES, type ConfigKey, type ConfigValue, type ConfigView } from './config-records.ts';
import type { JsonValue, SkillSettingsView } from './skill-settings-records.ts';
import type { SkillDependencies } from './dependency-records.ts';
import type { ShellSwitchView, ShellView } from './shell-records.ts';
import type { TodayBoard } from './today-records.ts';
import type { ListingDetail, MarketInstallView, MarketSearchResult } from './market-records.ts';

const noParams = { type: 'object', additionalProperties: false, properties: {} } as const;
const pageParams = {
  type: 'object',
  additionalProperties: false,
  required: ['offset', 'limit'],
  properties: {
    offset: { type: 'integer', minimum: 0 },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
    skillSlug: { type: 'string', minLength: 1, maxLength: 80 },
    status: { type: 'string', enum: ['succeeded', 'failed'] },
    event: { type: 'string', minLength: 1, maxLength: 60 },
  },
} as const;

const id = { type: 'string', minLength: 1, maxLength: 100 } as const;
const secretName = { type: 'string', minLength: 1, maxLength: 64 } as const;
const address = { type: 'string', minLength: 1, maxLength: 60 } as const;
const port = { type: 'integer', minimum: 1, maximum: 65_535 } as const;
const slug = { type: 'string', minLength: 1, maxLength: 80 } as const;
const only = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) =>
  ({ type: 'object', additionalProperties: false, required, properties }) as const;

export interface PageRequest {
  offset: number;
  limit: number;
  skillSlug?: string;
  status?: 'succeeded' | 'failed';
  event?: string;
}

export const API_SCHEMAS = {
  'app.info': noParams,
  'reviews.list': noParams,
  'skills.list': noParams,
  'activity.executions': pageParams,
  'activity.audit': pageParams,
  'settings.get': noParams,
  'settings.update': {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { language: { type: 'string', enum: ['system', 'pl', 'en'] } },
  },
  'versions.get': only({ versionId: id }),
  'versions.list': only({ slug: { type: 'string', minLength: 1, maxLength: 80 } }),
  'skills.generate': only({ text: { type: 'string', minLength: 1, maxLength: 500 } }),
  'jobs.get': only({ jobId: id }),
  'suggestions.list': only({ status: { type: 'string', enum: ['proposed', 'accepted', 'dismissed'] } }, []),
  'suggestions.accept': only({ id }),
  'suggestions.dismiss': only({ id }),
  'activity.verifyChain': noParams,
  'generator.status': noParams,
  'generator.setApiKey': only({ apiKey: { type: 'string', minLength: 1, maxLength: 400 } }),
  'generator.clearApiKey': noParams,
  'generator.setModel': only({ model: { type: 'string', minLength: 2, maxLength: 100 } }),
  'generator.use': only({ generator: { type: 'string', enum: ['offline', 'claude', 'openai'] } }),
  'generator.setOpenAI': only({ baseURL: { type: 'string', minLength: 1, maxLength: 300 }, model: { type: 'string', minLength: 1, maxLength: 200 } }, []),
  'generator.setOpenAIKey': only({ apiKey: { type: 'string', minLength: 1, maxLength: 400 } }),
  'generator.clearOpenAIKey': noParams,
  'generator.models': only({ generator: { type: 'string', enum: ['claude', 'openai'] }, refresh: { type: 'boolean' } }, ['generator']),
  'skills.get': only({ slug }),
  'skills.run': only({ slug, action: { type: 'string', minLength: 1, maxLength: 100 }, params: { type: 'object' } }),
  'skills.archive': only({ slug }),
  'skills.restore': only({ slug }),
  'skills.dependencies': only({ slug }),
  'versions.diff': only({ versionId: id, againstVersionId: id }, ['versionId']),
  'versions.rollback': only({ slug, version: { type: 'string', minLength: 5, maxLength: 64 }, passphrase: { type: 'string', minLength: 1, maxLength: 1024 } }, ['slug', 'version']),
  'approval.status': noParams,
  'approval.approve': only(
    { versionId: id, shownContentSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, totpCode: { type: 'string', minLength: 1, maxLength: 12 }, passphrase: { type: 'string', minLength: 1, maxLength: 1024 } },
    ['versionId', 'shownContentSha256', 'totpCode'],
  ),
  'approval.reject': only({ versionId: id, reason: { type: 'string', minLength: 1, maxLength: 500 } }),
  'reviewRequests.list': only({ status: { type: 'string', enum: ['open', 'closed'] } }, []),
  'reviewRequests.dismiss': only({ id: { type: 'integer', minimum: 1 } }),
  'totp.startEnrollment': only({ account: { type: 'string', minLength: 1, maxLength: 100 }, currentCode: { type: 'string', minLength: 1, maxLength: 12 } }, ['account']),
  'totp.confirmEnrollment': only({ code: { type: 'string', minLength: 1, maxLength: 12 } }),
  'fallback.setUp': only({ passphrase: { type: 'string', minLength: 1, maxLength: 1024 } }),
  'apiToken.status': noParams,
  'apiToken.reveal': noParams,
  'apiToken.rotate': noParams,
  // Seed 004's configuration file (config.yaml). Any value passes here: the config module checks it
  // against the key's own schema and safety rules, and says specifically what is wrong.
  'config.get': noParams,
  'config.set': only({ key: { type: 'string', enum: CONFIG_KEY_NAMES }, value: {} }),
  'notifications.list': only({ unreadOnly: { type: 'boolean' } }, []),
  'notifications.markRead': only({ ids: { type: 'array', minItems: 1, maxItems: 200, uniqueItems: true, items: { type: 'integer', minimum: 1 } } }),
  'notifications.markAllRead': noParams,
  // A skill's settings: the values are checked against the skill's own schema in the engine, which
  // names each field it refuses; here only the shape and the sizes.
  'skillSettings.get': only({ slug }),
  'skillSettings.set': only(
    { slug, values: { type: 'object', maxProperties: 100 }, unset: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 100 } } },
    ['slug'],
  ),
  'skillSettings.setSecret': only({ slug, name: secretName, value: { type: 'string', minLength: 1, maxLength: 4096 } }),
  'skillSettings.clearSecret': only({ slug, name: secretName }),
  'skillSettings.addAllowance': only(
    { slug, address, port, totpCode: { type: 'string', minLength: 1, maxLength: 12 }, passphrase: { type: 'string', minLength: 1, maxLength: 1024 } },
    ['slug', 'address', 'port', 'totpCode'],
  ),
  'skillSettings.revokeAllowance': only({ slug, address, port }),
  // Per-run consent: the window lists and answers waiting runs; the standing consents ("always allow") are listed and revoked.
  'consents.list': noParams,
  'consents.decide': only({ id: { type: 'integer', minimum: 1 }, verdict: { type: 'string', enum: ['grant', 'deny'] }, always: { type: 'boolean' } }, ['id', 'verdict']),
  'consents.standing': noParams,
  'consents.revokeStanding': only({ id: { type: 'integer', minimum: 1 } }),
  // Shell actions: turning them on (after config.yaml) and choosing a skill's folder take both
  // factors and happen only here, in the window; taking either back needs none.
  'shell.get': only({ slug }),
  'shell.confirmSwitch': only({ totpCode: { type: 'string', minLength: 1, maxLength: 12 }, passphrase: { type: 'string', minLength: 1, maxLength: 1024 } }, ['totpCode']),
  'shell.revokeSwitch': noParams,
  'shell.setFolder': only(
    { slug, folder: { type: 'string', minLength: 1, maxLength: 4096 }, totpCode: { type: 'string', minLength: 1, maxLength: 12 }, passphrase: { type: 'string', minLength: 1, maxLength: 1024 } },
    ['slug', 'folder', 'totpCode'],
  ),
  'shell.clearFolder': only({ slug }),
  // Schedules (issue 13 §1): the owner's view; what a spec means is checked by the engine.
  'schedules.list': noParams,
  'schedules.pause': only({ id: { type: 'integer', minimum: 1 } }),
  'schedules.resume': only({ id: { type: 'integer', minimum: 1 } }),
  'schedules.runNow': only({ id: { type: 'integer', minimum: 1 } }),
  'schedules.remove': only({ id: { type: 'integer', minimum: 1 } }),
  'schedules.confirm': only({ id: { type: 'integer', minimum: 1 } }),
  'schedules.decline': only({ id: { type: 'integer', minimum: 1 } }),
  'schedules.edit': only({ id: { type: 'integer', minimum: 1 }, spec: { type: 'object', maxProperties: 10 } }),
  // The home view (issue 16 §1): each active skill's card, read through the sandbox.
  'today.get': noParams,
  // The marketplace (issue 17): an install only puts a pending version in the review queue.
  'market.search': only({ query: { type: 'string', maxLength: 200 }, category: { type: 'string', minLength: 1, maxLength: 40 } }, []),
  'market.show': only({ id: { type: 'string', minLength: 1, maxLength: 200 } }),
  'market.install': only({ id: { type: 'string', minLength: 1, maxLength: 200 } }),
} as const satisfies Record<string, JsonSchema>;

export type ApiMethod = keyof typeof API_SCHEMAS;
export const API_METHODS = Object.keys(API_SCHEMAS) as ApiMethod[];

type Empty = Record<string, never>;

export interface ApiTypes {
  'app.info': { request: Empty; response: AppInfo };
  'reviews.list': { request: Empty; response: ReviewItem[] };
  'skills.list': { request: Empty; response: SkillSummary[] };
  'activity.executions': { request: PageRequest; response: Page<ExecutionRecord> };
  'activity.audit': { request: PageRequest; response: Page<AuditEntry> };
  'settings.get': { request: Empty; response: Settings };
  'settings.update': { request: Partial<Settings>; response: Settings };
  'versions.get': { request: { versionId: string }; response: SkillVersionRecord };
  'versions.list': { request: { slug: string }; response: SkillVersionRecord[] };
  'skills.generate': { request: { text: string }; response: { accepted: true; jobId: string } | { accepted: false; reason: Localized; /** `reason` is a question to answer, not a refusal. */ clarify?: true } };
  'jobs.get': { request: { jobId: string }; response: GenerationJob };
  'suggestions.list': { request: { status?: SuggestionStatus }; response: SuggestionRecord[] };
  'suggestions.accept': { request: { id: string }; response: { jobId: string } };
  'suggestions.dismiss': { request: { id: string }; response: SuggestionRecord };
  'activity.verifyChain': { request: Empty; response: ChainVerification };
  'generator.status': { request: Empty; response: GeneratorStatus };
  'generator.setApiKey': { request: { apiKey: string }; response: GeneratorStatus };
  'generator.clearApiKey': { request: Empty; response: GeneratorStatus };
  'generator.setModel': { request: { model: string }; response: GeneratorStatus };
  'generator.use': { request: { generator: 'offline' | 'claude' | 'openai' }; response: GeneratorStatus };
  'generator.setOpenAI': { request: { baseURL?: string; model?: string }; response: GeneratorStatus };
  'generator.setOpenAIKey': { request: { apiKey: string }; response: GeneratorStatus };
  'generator.clearOpenAIKey': { request: Empty; response: GeneratorStatus };
  'generator.models': { request: { generator: 'claude' | 'openai'; refresh?: boolean }; response: GeneratorModels };
  'skills.get': { request: { slug: string }; response: SkillDetails };
  'skills.run': { request: { slug: string; action: string; params: Record<string, unknown> }; response: { outcome: ExecuteResult; record: ExecutionRecord | null } };
  'skills.archive': { request: { slug: string }; response: SkillSummary & { disabledDependents: string[] } };
  'skills.restore': { request: { slug: string }; response: SkillSummary };
  'skills.dependencies': { request: { slug: string }; response: SkillDependencies };
  'versions.diff': { request: { versionId: string; againstVersionId?: string }; response: VersionDiff | null };
  'versions.rollback': { request: { slug: string; version: string; passphrase?: string }; response: SkillVersionRecord };
  'approval.status': { request: Empty; response: ApprovalStatus };
  'approval.approve': { request: { versionId: string; shownContentSha256: string; totpCode: string; passphrase?: string }; response: SkillVersionRecord };
  'approval.reject': { request: { versionId: string; reason: string }; response: SkillVersionRecord };
  'reviewRequests.list': { request: { status?: ReviewRequestStatus }; response: ReviewRequestRecord[] };
  'reviewRequests.dismiss': { request: { id: number }; response: ReviewRequestRecord };
  'totp.startEnrollment': { request: { account: string; currentCode?: string }; response: TotpEnrollmentOffer };
  'totp.confirmEnrollment': { request: { code: string }; response: TotpStatus };
  'fallback.setUp': { request: { passphrase: string }; response: ApprovalStatus };
  'apiToken.status': { request: Empty; response: ApiTokenStatus };
  'apiToken.reveal': { request: Empty; response: { token: string } };
  'apiToken.rotate': { request: Empty; response: { token: string } };
  'config.get': { request: Empty; response: ConfigView };
  'config.set': { request: { key: ConfigKey; value: ConfigValue }; response: ConfigView };
  'notifications.list': { request: { unreadOnly?: boolean }; response: NotificationList };
  'notifications.markRead': { request: { ids: number[] }; response: { marked: number } };
  'notifications.markAllRead': { request: Empty; response: { marked: number } };
  'skillSettings.get': { request: { slug: string }; response: SkillSettingsView };
  'skillSettings.set': { request: { slug: string; values?: Record<string, JsonValue>; unset?: string[] }; response: SkillSettingsView };
  'skillSettings.setSecret': { request: { slug: string; name: string; value: string }; response: SkillSettingsView };
  'skillSettings.clearSecret': { request: { slug: string; name: string }; response: SkillSettingsView };
  'skillSettings.addAllowance': { request: { slug: string; address: string; port: number; totpCode: string; passphrase?: string }; response: SkillSettingsView };
  'skillSettings.revokeAllowance': { request: { slug: string; address: string; port: number }; response: SkillSettingsView };
  'consents.list': { request: Empty; response: ConsentRequestRecord[] };
  'consents.decide': { request: { id: number; verdict: 'grant' | 'deny'; always?: boolean }; response: ConsentRequestRecord };
  'consents.standing': { request: Empty; response: StandingConsentRecord[] };
  'consents.revokeStanding': { request: { id: number }; response: StandingConsentRecord };
  'shell.get': { request: { slug: string }; response: ShellView };
  'shell.confirmSwitch': { request: { totpCode: string; passphrase?: string }; response: ShellSwitchView };
  'shell.revokeSwitch': { request: Empty; response: ShellSwitchView };
  'shell.setFolder': { request: { slug: string; folder: string; totpCode: string; passphrase?: string }; response: ShellView };
  'shell.clearFolder': { request: { slug: string }; response: ShellView };
  'schedules.list': { request: Empty; response: ScheduleRecord[] };
  'schedules.pause': { request: { id: number }; response: ScheduleRecord };
  'schedules.resume': { request: { id: number }; response: ScheduleRecord };
  'schedules.runNow': { request: { id: number }; response: ScheduleRecord };
  'schedules.remove': { request: { id: number }; response: { removed: number } };
  'schedules.confirm': { request: { id: number }; response: ScheduleRecord };
  'schedules.decline': { request: { id: number }; response: ScheduleRecord };
  'schedules.edit': { request: { id: number; spec: Record<string, unknown> }; response: ScheduleRecord };
  'today.get': { request: Empty; response: TodayBoard };
  'market.search': { request: { query?: string; category?: string }; response: MarketSearchResult };
  'market.show': { request: { id: string }; response: ListingDetail };
  'market.install': { request: { id: string }; response: MarketInstallView };
}

/** Everything the approval dialog and Settings → Security need to know about the two factors. */
export interface ApprovalStatus {
  /** False where secrets cannot be sealed (no OS keychain): the authenticator cannot be set up. */
  secretStorage: boolean;
  totp: TotpStatus | null;
  biometric: ActiveProviderDescription;
  fallbackSetUp: boolean;
}

export interface ApiTokenStatus {
  exists: boolean;
  createdAt: string | null;
}

export type ApiRequest<M extends ApiMethod> = ApiTypes[M]['request'];
export type ApiResponse<M extends ApiMethod> = ApiTypes[M]['response'];

export type ApiCall<M extends ApiMethod> = (request: ApiRequest<M>) => Promise<ApiResult<ApiResponse<M>>>;

type GroupOf<M> = M extends `${infer G}.${string}` ? G : never;
export type ApiGroup = GroupOf<ApiMethod>;

/** window.foundry: `foundry.skills.list({})`, each call answering with an ApiResult envelope. */
export type FoundryApi = {
  [G in ApiGroup]: { [M in ApiMethod as M extends `${G}.${infer N}` ? N : never]: ApiCall<M> };
};

/** The IPC channel of a method: one prefix, so main can refuse anything else. */
export const IPC_PREFIX = 'foundry:';
export function ipcChannel(method: ApiMethod): string {
  return IPC_PREFIX + method;
}
