// What the local HTTP API needs from the engine: one method per route, the principal passed in,
// plain JSON-able data back (or an ApiBackendError). The service facade is adapted to this; tests
// use an in-memory fake.
// There is deliberately no method that approves anything: approving is the owner's act, with two
// factors, in the desktop app. The API can only ask for a review.
import type { ScheduleRecord } from '../../shared/skills/schedules.ts';
import type { ConsentRequestRecord } from '../../shared/contract/consent-records.ts';
import type { Localized } from '../../shared/i18n-types.ts';
import type { SkillSummary, VersionStatus } from '../../shared/contract/records.ts';
import type { SkillNeed } from '../../shared/skills/need.ts';
import type { NotificationList } from '../../shared/contract/notification-records.ts';
import type { PrincipalKind } from '../skills/rbac/roles.ts';
import type { JsonValue, SkillSettingsView } from '../../shared/contract/skill-settings-records.ts';
import type { SkillDependencies } from '../../shared/contract/dependency-records.ts';
import type { EventReport, EventRoute } from '../skills/triggers/index.ts';
import type { CatalogPage } from '../skills/catalog/index.ts';
import type { TodayBoard } from '../../shared/contract/today-records.ts';
import type { ListingDetail, ListingView, MarketSearchResult } from '../../shared/contract/market-records.ts';

/** Shared with the window's contract (a skill's settings are JSON values too). */
export type { JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A sentence asking for a skill (Polish or English), or a need the assistant already worked out. */
export type GenerateInput = { text: string } | { need: SkillNeed };

export interface SkillVersionSummary {
  version: string;
  /** `custom-water-tracker@v1.0.0` */
  tag: string;
  status: VersionStatus;
  createdAt: string;
}

export interface SkillDetails extends SkillSummary {
  /** Always present on the API: null when no version runs. */
  approvalSeal: NonNullable<SkillSummary['approvalSeal']> | null;
  versions: SkillVersionSummary[];
}

/** A new version generated, audited and dry-run; it now waits for the owner's approval. */
export interface GeneratedSkill {
  skill: SkillDetails;
  version: string;
  /** Unapproved by then = rejected automatically. */
  expiresAt: string | null;
  /** What the skill will be able to do, in plain words, as the owner will see it. */
  disclosure: Localized;
}

/** Only the fields the assistant may change; anything else is refused before the backend is called. */
export interface SkillPatch {
  description?: string;
  archived?: boolean;
}

/** A request filed for the owner (a review or a rollback); the owner decides in the desktop app. */
export interface OwnerRequest {
  skillId: string;
  version: string;
  requestedAt: string;
}

/** A marketplace install the assistant requested: a pending version in the review queue, requested by the assistant. */
export interface MarketInstallRequest extends GeneratedSkill {
  status: 'waiting-for-owner-approval';
  listing: ListingView;
}

export interface ExecutionResult {
  slug: string;
  action: string;
  /** What the action returned: executeAction's `{ success, data?, error? }`, getData's object, … */
  result: JsonValue;
}

export interface ApiBackend {
  /** What the assistant may see: runnable skills with their actions and schemas, the others with their status only. */
  listSkills(principal: PrincipalKind, offset: number, limit: number): Promise<CatalogPage>;
  generate(principal: PrincipalKind, input: GenerateInput): Promise<GeneratedSkill>;
  getSkill(principal: PrincipalKind, idOrSlug: string): Promise<SkillDetails>;
  updateSkill(principal: PrincipalKind, idOrSlug: string, patch: SkillPatch): Promise<SkillDetails>;
  /** Nothing is ever deleted: DELETE archives. */
  archive(principal: PrincipalKind, idOrSlug: string): Promise<SkillDetails>;
  /** Files a review request and notifies the owner. Never approves. */
  requestReview(principal: PrincipalKind, idOrSlug: string, note?: string): Promise<OwnerRequest>;
  /** Files a rollback request for the owner. Never switches versions by itself. */
  requestRollback(principal: PrincipalKind, idOrSlug: string, version: string, note?: string): Promise<OwnerRequest>;
  /**
   * The RBAC fact `approved` for execute: true for a built-in mod or a skill whose running version
   * the owner approved. Unknown slug: a 404 ApiBackendError.
   */
  isApproved(principal: PrincipalKind, slug: string): Promise<boolean>;
  /** `trigger` is what the execution record says started it; by default the principal's (`api` for the assistant). */
  execute(principal: PrincipalKind, slug: string, action: string, params: JsonObject, trigger?: string): Promise<ExecutionResult>;
  /** What approved skills sent with foundry.notify, newest first. Read only: marking read is the owner's, in the app or the CLI. */
  listNotifications(principal: PrincipalKind): Promise<NotificationList>;
  /** Runs waiting for the owner's consent. Read only: only the owner answers, in the desktop app. */
  listConsents(principal: PrincipalKind): Promise<ConsentRequestRecord[]>;
  /** Every schedule (what runs by itself, and when), proposals included. */
  listSchedules(principal: PrincipalKind): Promise<ScheduleRecord[]>;
  /** Proposes a schedule the owner confirms or declines in the desktop app; it runs only once confirmed. */
  proposeSchedule(principal: PrincipalKind, slug: string, spec: JsonObject): Promise<ScheduleRecord>;
  /** The skill's settings: fields, values, whether each secret is set (never its value), allowances. */
  getSettings(principal: PrincipalKind, idOrSlug: string): Promise<SkillSettingsView>;
  /** Takes back a local-address allowance; adding one needs the owner's two factors, in the desktop app. */
  revokeAllowance(principal: PrincipalKind, idOrSlug: string, address: string, port: number): Promise<SkillSettingsView>;
  /** What the skill calls (directly and through them), who calls it, what it provides, and whether a dependency disables it. */
  getDependencies(principal: PrincipalKind, idOrSlug: string): Promise<SkillDependencies>;
  /** Stores an event the assistant reported and starts, in the background, what it fires. */
  reportEvent(principal: PrincipalKind, route: EventRoute, body: unknown): Promise<EventReport>;
  /** The home view: each active skill's card (read through the sandbox, not counted as use), the next runs, the latest notifications. */
  today(principal: PrincipalKind): Promise<TodayBoard>;
  /** Listings of the configured registries matching every word of `query` (and the category). */
  searchMarket(principal: PrincipalKind, query: string, category?: string): Promise<MarketSearchResult>;
  /** One listing, downloaded, verified and audited on this computer, without installing it. */
  showMarketListing(principal: PrincipalKind, id: string): Promise<ListingDetail>;
  /** Puts the listing's version in the review queue as the assistant's request (one of its proposals). Never approves. */
  requestMarketInstall(principal: PrincipalKind, id: string): Promise<MarketInstallRequest>;
}

/** Statuses a backend may answer with; anything else it throws becomes a 500 without details. */
export type ApiBackendStatus = 400 | 403 | 404 | 409 | 422 | 429 | 502 | 503;

/** An expected refusal (unknown skill, conflict, not a skill request…), shown to the caller as is. */
export class ApiBackendError extends Error {
  readonly status: ApiBackendStatus;
  readonly code: string;
  readonly userMessage: Localized;
  readonly details: string[] | undefined;
  /** For a 429: when trying again can succeed (ISO 8601). */
  readonly retryAt: string | undefined;

  constructor(status: ApiBackendStatus, code: string, userMessage: Localized, details?: string[], retryAt?: string) {
    super(userMessage.en);
    this.name = 'ApiBackendError';
    this.status = status;
    this.code = code;
    this.userMessage = userMessage;
    this.details = details;
    this.retryAt = retryAt;
  }
}
