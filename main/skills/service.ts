// The skill service: the one object the IPC layer, the local HTTP API and the CLI call. Every
// method takes the calling principal and is authorized through the one authorizer; refusals are
// ServiceErrors in both languages. Review and rollback requests only ask the owner: approving,
// rejecting, rolling back and restoring are the owner's alone.
import type { Locale, Localized } from '../../shared/i18n-types.ts';
import type { ExecutionRecord, SkillSummary, SkillVersionRecord } from '../../shared/contract/records.ts';
import type { SkillNeed } from '../../shared/skills/need.ts';
import type { FoundryStore } from '../store/index.ts';
import type { ReviewRequestKind, ReviewRequestRecord, ReviewRequestStatus } from '../store/repositories/review-requests.ts';
import type { SkillState } from '../store/repositories/skill-lifecycle.ts';
import { ActionParamsError } from '../mods/checked-params.ts';
import type { SkillEngine } from './index.ts';
import type { PipelineDeps, PipelineResult } from './pipeline.ts';
import { GeneratorError, type SkillGenerator } from './generator/index.ts';
import { requireUsableNeed } from './generator/need-check.ts';
import { requestFor, type SkillRequest } from './generator/skill-request.ts';
import { createAuthorizer, type AccessContext, type Authorizer } from './rbac/authorize.ts';
import type { Permission } from './rbac/permissions.ts';
import { loadRbacPolicy, PRINCIPAL_NAMES, PRINCIPALS, type PrincipalKind } from './rbac/roles.ts';
import { createApprovalGateway, type ApprovalFactors, type DecisionChannel } from './approval/approval-gateway.ts';
import { isRecord } from './sandbox/json-guards.ts';
import {
  createLifecycleManager, createRegistryRepositories, createSkillRegistry, createVersionManager, LOCAL_TENANT, SkillExecutionError, versionDiff, versionNumber,
  type SkillResolution, type UnavailableReason, type VersionDiff,
} from './registry/index.ts';
import { REGISTRY_MESSAGES } from './registry/registry-messages.ts';
import { approvalDependencyProblem, dependencyView, dependentsOf, describeDependencyProblem, type DependencyProblem } from './registry/skill-dependencies.ts';
import type { SkillDependencies } from '../../shared/contract/dependency-records.ts';
import { SkillCallError } from './registry/skill-calls.ts';
import { NO_INTEGRITY_KEY } from './approval/integrity-key-file.ts';
import { ServiceError, refusalError } from './service-error.ts';
import { confirmAuthenticatorCode, confirmWithBothFactors } from './approval/owner-confirmation.ts';
import { SERVICE_MESSAGES } from './service-messages.ts';
import { CONFIG_MESSAGES, createSkillsConfig, type SkillsConfig } from './config/index.ts';
import type { SkillDetails, ExecuteResult } from '../../shared/contract/review-records.ts';
import { notificationText, type NotificationList } from '../../shared/contract/notification-records.ts';
import { createNotificationDelivery } from './notifications/index.ts';
import { createSkillSettings, SETTINGS_MESSAGES, type SkillSettings } from './settings/index.ts';
import type { SecretBox } from './approval/secret-box.ts';
import type { SettingsChange, SkillSettingsView } from '../../shared/contract/skill-settings-records.ts';
import type { ConsentRequestRecord, StandingConsentRecord } from '../../shared/contract/consent-records.ts';
import { askerName, CONSENT_MESSAGES, createConsentGate, type ConsentGate } from './consent/index.ts';
import { ActionRefusedError } from './actions/index.ts';
import { createShellActions, createShellSwitch, findIsolation, SHELL_MESSAGES, type Isolation } from './actions/shell/index.ts';
import type { ShellSwitchView, ShellView } from '../../shared/contract/shell-records.ts';
import { checkedEvent, createTriggerEngine, EventInputError, type EventReport, type EventRoute, type TriggerListing } from './triggers/index.ts';
import { reportedMessage, type HistoryMessage } from './detector/history.ts';
import { createHttpClient, type HttpClient } from './http/index.ts';
import { createScheduleService, systemClock, type SchedulerClock } from './scheduler/index.ts';
import type { ModAction } from '../../shared/skills/mod-types.ts';
import { createProposalQuota } from './generator/proposal-quota.ts';
import { createTodayBoard } from './today/index.ts';
import type { TodayBoard } from '../../shared/contract/today-records.ts';
import { createMarketChecks, createMarketplace, createRegistrySource, MarketError, marketServiceError, marketplaceNeed } from './marketplace/index.ts';
import type { GuardedHttpClient } from './http/index.ts';
export type { SkillDetails, ExecuteResult };

export interface OwnerNotice {
  kind: 'pending-review' | 'review-requested' | 'rollback-requested' | 'skill-notification' | 'consent-requested' | 'schedule-proposed' | 'skill-revoked';
  skillSlug: string;
  versionId: string | null;
  requestId: number | null;
  /** For 'skill-notification': the stored notification it shows. */
  notificationId?: number;
  title: Localized;
  body: Localized;
}

export interface SkillServiceDeps {
  store: FoundryStore;
  skills: Pick<SkillEngine, 'generate' | 'sandbox'>;
  /** Which generator writes skills now; absent where generating is not offered. */
  getGenerator?: () => Promise<SkillGenerator>;
  /** Both approval factors; absent where approvals cannot be completed (the command line). */
  factors?: ApprovalFactors | null;
  /** Defaults to the built-in roles, auditing denials to the store's log. */
  authorizer?: Authorizer;
  /** Tells the owner something waits for them (a notification in the app). */
  notifyOwner?: (notice: OwnerNotice) => void;
  /** The owner's language for built-in mods' texts; defaults to the language setting. */
  locale?: () => Locale;
  /** config.yaml; defaults to the store's data directory's. */
  config?: SkillsConfig;
  /** Per-skill settings; by default over `secretBox` and `factors`, without an integrity key (so no allowance can be added). */
  skillSettings?: SkillSettings;
  /** Seals the skills' secrets; null or absent where there is no protected storage. */
  secretBox?: SecretBox | null;
  /** Whether the owner can answer consent prompts here: only the desktop app's window; absent means no (the CLI, `foundry serve`). */
  canAskOwner?: () => boolean;
  /** How shell actions are isolated here; by default bubblewrap when installed on Linux (found once). */
  shellIsolation?: Isolation;
  /** What drives schedules: the system clock unless a test injects one. */
  scheduleClock?: SchedulerClock;
  /** The guard schedules' webhooks go through; tests pass one that reaches their 127.0.0.1 servers. */
  scheduleHttpClient?: HttpClient;
  /** The guard marketplace registries are fetched through; tests pass one that reaches their 127.0.0.1 servers. */
  marketHttpClient?: GuardedHttpClient;
}

export interface ConsentDecisionInput {
  id: number;
  verdict: 'grant' | 'deny';
  always?: boolean;
}

export interface AllowanceInput {
  address: string;
  port: number;
  totpCode: string;
}





export interface ApproveInput {
  versionId: string;
  shownContentSha256: string;
  totpCode: string;
}

export interface GenerateOptions {
  maxAttempts?: number;
  onStep?: PipelineDeps['onStep'];
}

const MAX_NOTE = 500;
const MAX_NAME = 200;
/** At most this many notifications in one list, and ids in one mark-read call. */
const MAX_NOTIFICATIONS_LISTED = 200;
/** What started an execution, by who asked, unless the caller says more precisely. */
const DEFAULT_TRIGGER: Readonly<Record<PrincipalKind, string>> = { owner: 'manual', assistant: 'api', scheduler: 'schedule' };

const isPrincipal = (value: unknown): value is PrincipalKind => (PRINCIPALS as readonly unknown[]).includes(value);

function text(value: unknown, what: string, max: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0 || trimmed.length > max) throw new ServiceError('bad-request', SERVICE_MESSAGES.badText(what, max));
  return trimmed;
}

/** A skill disabled because something it depends on cannot run. */
function dependencyRefusal(problem: DependencyProblem): Localized {
  const why = describeDependencyProblem(problem);
  return { en: `This skill is disabled: it ${why.en}. It runs again once that is back.`, pl: `Ten skill jest wyłączony: ${why.pl}. Zadziała znowu, gdy tamten wróci.` };
}

/** Names the skill in the audit entry of a denial. */
const slugContext = (idOrSlug: unknown): AccessContext => (typeof idOrSlug === 'string' ? { skillSlug: idOrSlug.slice(0, 100) } : {});

function optionalNote(value: unknown): string | null {
  return value === undefined || value === null ? null : text(value, 'note', MAX_NOTE);
}

/** The owner's language: the setting, or the system's when it says 'system'. */
export function systemLocale(store: FoundryStore): Locale {
  const { language } = store.settings.get();
  if (language !== 'system') return language;
  return Intl.DateTimeFormat().resolvedOptions().locale.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}

/** A detector's need sent as data: checked whole, or a bad request naming what is wrong. */
function usableNeed(value: unknown): SkillNeed {
  if (!isRecord(value)) throw new ServiceError('bad-request', SERVICE_MESSAGES.badNeed);
  try {
    return requireUsableNeed(value);
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    throw new ServiceError('bad-request', error.userMessage, { reason: 'invalid-need', details: error.details });
  }
}

/** The words as a request for `generator`, or a bad request with the detector's reason. */
function wordsRequest(words: string, generator: SkillGenerator): SkillRequest {
  const asked = requestFor(words, generator);
  if ('refused' in asked) throw new ServiceError('bad-request', asked.refused, { reason: asked.clarify ? 'needs-clarification' : 'not-a-request' });
  return asked.request;
}

export function createSkillService(deps: SkillServiceDeps) {
  const { store, skills } = deps;
  const factors = deps.factors ?? null;
  const authorizer = deps.authorizer ?? createAuthorizer(loadRbacPolicy(), store.auditLog);
  const notify = deps.notifyOwner ?? (() => {});
  const repos = createRegistryRepositories(store);
  const config = deps.config ?? createSkillsConfig(store);
  const shellSwitch = createShellSwitch({ store, fileValue: () => config.get('skills.execution.shell'), factors });
  const shell = createShellActions({ store, switch: shellSwitch, isolation: deps.shellIsolation ?? findIsolation(), factors });
  const gateway = createApprovalGateway({
    store, repos, authorizer, factors, dependencyProblem: (version) => approvalDependencyProblem(registry.catalog, version.manifest),
    shellPins: { problem: shell.approvalProblem, pin: shell.pin },
  });
  const versionManager = createVersionManager({ store, repos, authorizer, biometrics: factors?.biometrics ?? null });
  const lifecycle = createLifecycleManager(store, repos);
  const settings = deps.skillSettings ?? createSkillSettings({ store, box: deps.secretBox ?? null, factors, integrityKey: null });
  const delivery = createNotificationDelivery({
    store,
    announce: (n) => notify({ kind: 'skill-notification', skillSlug: n.skillSlug, versionId: null, requestId: null, notificationId: n.id, ...notificationText(n) }),
  });
  const canAskOwner = deps.canAskOwner ?? (() => false);
  const proposals = createProposalQuota({ store, maxPerDay: () => config.get('skills.learning.maxProposedPerDay') });
  /** Told when what can run may have changed: a version approved or rolled back, a skill archived or restored. */
  const skillsChangedListeners = new Set<() => void>();
  const skillsChanged = () => skillsChangedListeners.forEach((listener) => listener());
  const consent = createConsentGate({
    store,
    canAskOwner,
    timeoutMs: () => config.get('skills.execution.consentTimeoutSeconds') * 1000,
    notifyOwner: (request) => notify({
      kind: 'consent-requested', skillSlug: request.skillSlug, versionId: request.versionId, requestId: request.id,
      ...CONSENT_MESSAGES.notice(request.skillName ?? request.skillSlug, request.action, askerName(request.actor)),
    }),
  });
  const registry = createSkillRegistry({
    store,
    repos,
    sandbox: () => skills.sandbox,
    locale: deps.locale ?? (() => systemLocale(store)),
    execution: () => ({
      maxTimeoutMs: config.get('skills.execution.timeoutMs'),
      maxRetries: config.get('skills.execution.maxRetries'),
      parallel: { total: config.get('skills.execution.maxParallel'), perSkill: config.get('skills.execution.maxParallelPerSkill') },
      http: { maxRequests: config.get('skills.execution.http.maxRequests'), maxResponseBytes: config.get('skills.execution.http.maxResponseKb') * 1024 },
    }),
    runSettings: (slug, manifest) => settings.forRun(slug, manifest),
    authorizer,
    consent: { ask: consent.ask },
    deliverNotifications: (version, sent) => delivery.deliver(version, sent),
    shell,
  });

  const triggers = createTriggerEngine({
    store,
    runnable: (slug) => {
      const found = registry.resolve(slug);
      return found.kind === 'dynamic' ? found.version : null;
    },
    run: (actor, slug, action, params, trigger) => service.execute(actor, slug, action, params, { trigger }),
  });

  const schedules = createScheduleService({
    store,
    clock: deps.scheduleClock ?? systemClock,
    enabled: () => config.get('skills.scheduled.enabled'),
    maxScheduled: () => config.get('skills.scheduled.maxScheduled'),
    maxFailures: () => config.get('skills.scheduled.maxFailures'),
    runnableVersion: (slug) => {
      const found = registry.resolve(slug);
      return found.kind === 'dynamic' ? found.version : null;
    },
    actionsOf: async (slug) => {
      try {
        return (await registry.getModExecutor(slug, { actor: 'owner', trigger: 'schedule-check' }))?.getActions().map((a) => a.slug) ?? null;
      } catch {
        return null;
      }
    },
    execute: (slug, action, params) => service.execute('scheduler', slug, action, params, { trigger: 'schedule' }),
    deliver: (version, sent) => { delivery.deliver(version, sent); },
    locale: deps.locale ?? (() => systemLocale(store)),
    httpClient: deps.scheduleHttpClient ?? createHttpClient(),
    localAllowances: (slug, version) => settings.forRun(slug, version.manifest).localAllowances,
    announceProposal: (slug, text) => notify({ kind: 'schedule-proposed', skillSlug: slug, versionId: null, requestId: null, ...text }),
  });

  const today = createTodayBoard({
    store,
    read: async (principal, slug, method, trigger) => (await service.execute(principal, slug, method, {}, { trigger })).result,
    actionsOf: (principal, slug) => service.actionsOf(principal, slug),
    upcoming: (count) => schedules.upcomingRuns(count),
    problemOf: (error) => (error instanceof ServiceError ? error.userMessage : null),
  });

  const market = createMarketplace({
    store,
    source: createRegistrySource({ repo: store.market, http: deps.marketHttpClient ?? createHttpClient(), now: store.now }),
    settings: () => ({
      enabled: config.get('skills.marketplace.enabled'),
      registries: config.get('skills.marketplace.registryUrl').split(/\s+/).filter(Boolean),
      autoUpdate: config.get('skills.marketplace.autoUpdate'),
    }),
    // One attempt: a bundle is what its publisher signed; nothing may repair it behind the owner's back.
    submit: (candidate, actor, registry) => skills.generate(marketplaceNeed(candidate, registry), actor, { generator: { id: 'import', generate: async () => candidate }, maxAttempts: 1 }),
    requestReview: (slug, note) => { service.requestReview('assistant', slug, note); },
    disable: (slug) => {
      const skill = repos.lifecycle.find(slug);
      if (!skill || skill.status === 'archived') return;
      triggers.uninstalling(slug);
      lifecycle.archive(skill, 'system');
      schedules.syncSkill(slug);
      skillsChanged();
    },
    notify: (notice) => notify({ ...notice, requestId: null }),
  });

  const marketChecks = createMarketChecks({
    clock: deps.scheduleClock ?? systemClock,
    enabled: () => config.get('skills.marketplace.enabled'),
    check: () => market.check(),
    failed: (error) => store.auditLog.append({
      actor: 'system', event: 'market.check-failed',
      data: { error: (error instanceof MarketError ? error.userMessage.en : error instanceof Error ? error.message : String(error)).slice(0, 500) },
    }),
  });

  /** Runs a marketplace call, its refusals as the service's. */
  async function marketCall<T>(work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw marketServiceError(error);
    }
  }

  function principalOf(principal: unknown): PrincipalKind {
    if (!isPrincipal(principal)) throw new ServiceError('forbidden', SERVICE_MESSAGES.unknownPrincipal, { reason: 'unknown-principal' });
    return principal;
  }

  function authorize(principal: unknown, permission: Permission, context: AccessContext = {}): PrincipalKind {
    const decision = authorizer.authorize(principal as PrincipalKind, permission, context);
    if (!decision.allowed) throw new ServiceError('forbidden', decision.reason, { reason: decision.code });
    return decision.principal;
  }

  /** The skill as `principal` may see it: archived skills exist only for the owner. */
  function visibleSkill(principal: PrincipalKind, idOrSlug: unknown): SkillState {
    const skill = typeof idOrSlug === 'string' ? repos.lifecycle.find(idOrSlug) : null;
    if (!skill || (skill.status === 'archived' && principal !== 'owner')) throw new ServiceError('not-found', SERVICE_MESSAGES.skillNotFound);
    return skill;
  }

  const summary = (skillId: string): SkillSummary => store.skills.list().find((s) => s.id === skillId)!;

  /** Dependents `slug`'s archiving or rollback just disabled (those that now cannot run), in the audit log. */
  function recordDisabled(actor: PrincipalKind, slug: string, dependents: readonly string[], because: 'archived' | 'rolled-back'): string[] {
    const disabled = dependents.filter((dependent) => registry.resolve(dependent).kind === 'unavailable');
    if (disabled.length > 0) store.auditLog.append({ actor, event: 'skill.dependents-disabled', skillSlug: slug, data: { because, dependents: disabled } });
    return disabled;
  }

  /** A skill's settings are the owner's to change: the assistant may read them (never a secret) and ask. */
  function ownerOnly(principal: unknown, idOrSlug: unknown): SkillState {
    const caller = principalOf(principal);
    if (caller !== 'owner') {
      const skillSlug = typeof idOrSlug === 'string' ? idOrSlug.slice(0, 100) : null;
      store.auditLog.append({ actor: caller, event: 'access.denied', skillSlug, data: { principal: caller, permission: 'skills:settings', code: 'owner-only' } });
      throw new ServiceError('forbidden', SETTINGS_MESSAGES.ownersOnly, { reason: 'owner-only' });
    }
    return visibleSkill(caller, idOrSlug);
  }

  /** Turning shell actions on and choosing their folders: the owner, at the desktop window only. */
  function ownerInWindow(principal: unknown): void {
    const caller = principalOf(principal);
    if (caller === 'owner' && canAskOwner()) return;
    store.auditLog.append({ actor: caller, event: 'access.denied', data: { principal: caller, permission: 'shell', code: caller === 'owner' ? 'no-owner-window' : 'owner-only' } });
    throw new ServiceError('forbidden', SHELL_MESSAGES.ownersOnly, { reason: caller === 'owner' ? 'no-owner-window' : 'owner-only' });
  }

  function visibleVersion(principal: PrincipalKind, versionId: unknown): SkillVersionRecord {
    const version = typeof versionId === 'string' ? store.versions.get(versionId) : null;
    if (!version) throw new ServiceError('not-found', SERVICE_MESSAGES.skillNotFound);
    visibleSkill(principal, version.skillId);
    return version;
  }

  /** What `slug` would run for `principal`; unknown and (for all but the owner) archived skills are not found. */
  function resolveVisible(principal: PrincipalKind, slug: string): SkillResolution {
    const found = registry.resolve(slug);
    if (found.kind === 'unavailable' && (found.reason === 'not-found' || (found.reason === 'archived' && principal !== 'owner'))) {
      throw new ServiceError('not-found', SERVICE_MESSAGES.skillNotFound);
    }
    return found;
  }

  function fileRequest(principal: PrincipalKind, kind: ReviewRequestKind, skill: SkillState, version: SkillVersionRecord | null, note: string | null) {
    const { request, created } = repos.reviewRequests.open({ kind, skillId: skill.id, versionId: version?.id ?? null, requestedBy: principal, note });
    if (!created) return request;
    store.auditLog.append({
      actor: principal,
      event: 'review.requested',
      skillSlug: skill.slug,
      versionId: version?.id ?? null,
      contentSha256: version?.contentSha256 ?? null,
      data: { requestId: request.id, kind, version: version?.version ?? null },
    });
    const notice = kind === 'rollback'
      ? SERVICE_MESSAGES.rollbackNotice(skill.name, version!.version, PRINCIPAL_NAMES[principal])
      : SERVICE_MESSAGES.reviewNotice(skill.name, PRINCIPAL_NAMES[principal]);
    notify({ kind: kind === 'rollback' ? 'rollback-requested' : 'review-requested', skillSlug: skill.slug, versionId: version?.id ?? null, requestId: request.id, ...notice });
    return request;
  }

  const UNAVAILABLE: Record<UnavailableReason, Localized> = {
    'not-found': SERVICE_MESSAGES.skillNotFound,
    archived: REGISTRY_MESSAGES.archived,
    'not-deployed': SERVICE_MESSAGES.notDeployed,
    'content-changed': SERVICE_MESSAGES.changedSinceApproval,
    'approval-unproven': SERVICE_MESSAGES.approvalUnproven,
    'no-integrity-key': NO_INTEGRITY_KEY,
    'dependency-unavailable': SERVICE_MESSAGES.notDeployed,
  };
  /** A run refused because what would run is not what the owner approved: the owner must be able to see it was tried. */
  const TAMPERED: readonly UnavailableReason[] = ['content-changed', 'approval-unproven'];

  const service = {
    /** By name; nobody but the owner sees archived skills. */
    listSkills(principal: PrincipalKind): SkillSummary[] {
      const caller = principalOf(principal);
      const all = store.skills.list();
      return caller === 'owner' ? all : all.filter((s) => s.status !== 'archived');
    },

    getSkill(principal: PrincipalKind, idOrSlug: string): SkillDetails {
      const skill = visibleSkill(principalOf(principal), idOrSlug);
      return { skill: summary(skill.id), versions: store.versions.listForSkill(skill.slug), approvals: repos.approvals.listForSkill(skill.id) };
    },

    /** What `versionId` changes against `againstVersionId` (by default the running version); null when there is nothing to compare with. */
    diffVersion(principal: PrincipalKind, versionId: string, againstVersionId?: string): VersionDiff | null {
      const caller = principalOf(principal);
      const version = visibleVersion(caller, versionId);
      const base = againstVersionId === undefined ? store.versions.active(version.slug) : visibleVersion(caller, againstVersionId);
      return base && base.id !== version.id ? versionDiff(base, version) : null;
    },

    /**
     * Runs the pipeline for a sentence or a detector's need; leaves a pending version. A model reads
     * the sentence itself (the detector's reading is its hint); the built-in generator needs the
     * detector to understand it, so words it does not are refused before anything is generated.
     */
    async generate(principal: PrincipalKind, textOrNeed: string | SkillNeed, options: GenerateOptions = {}): Promise<PipelineResult> {
      const caller = authorize(principal, 'skills:create');
      // Bad input is refused before a generator is even chosen.
      const input = typeof textOrNeed === 'string' ? { words: textOrNeed } : usableNeed(textOrNeed);
      if (!deps.getGenerator) throw new ServiceError('unavailable', SERVICE_MESSAGES.noGenerator, { reason: 'no-generator' });
      let generator: SkillGenerator;
      try {
        generator = await deps.getGenerator();
      } catch (error) {
        if (!(error instanceof GeneratorError)) throw error;
        throw new ServiceError('unavailable', error.userMessage, { reason: error.code });
      }
      const request = 'words' in input ? wordsRequest(input.words, generator) : input;
      // The assistant's requests are its proposals: limited per day, unlike the owner's own.
      if (caller === 'assistant') proposals.take(caller);
      const result = await skills.generate(request, caller, { generator, ...options });
      if (result.outcome === 'pending') {
        const { version } = result;
        notify({ kind: 'pending-review', skillSlug: version.slug, versionId: version.id, requestId: null, ...SERVICE_MESSAGES.pendingNotice(version.name, version.tag) });
      }
      return result;
    },

    /**
     * Runs an action (or getData / getInsights / getActions) of a built-in mod or an approved skill.
     * Params the action's schema refuses are a bad request: nothing runs.
     */
    async execute(principal: PrincipalKind, slug: string, action: string, params: Record<string, unknown> = {}, options: { trigger?: string } = {}): Promise<ExecuteResult> {
      const caller = principalOf(principal);
      const name = text(slug, 'slug', MAX_NAME);
      const method = text(action, 'action', MAX_NAME);
      if (!isRecord(params)) throw new ServiceError('bad-request', SERVICE_MESSAGES.badParams);
      const trigger = options.trigger === undefined ? DEFAULT_TRIGGER[caller] : text(options.trigger, 'trigger', 64);
      const found = resolveVisible(caller, name);
      authorize(caller, 'skills:execute', { approved: found.kind !== 'unavailable', skillSlug: name });
      if (found.kind === 'unavailable') {
        if (TAMPERED.includes(found.reason)) {
          store.auditLog.append({ actor: caller, event: 'skill.run-refused', skillSlug: name, data: { reason: found.reason, action: method, trigger } });
        }
        throw new ServiceError('conflict', found.problem ? dependencyRefusal(found.problem) : UNAVAILABLE[found.reason], { reason: found.reason });
      }
      if (found.kind === 'dynamic' && !config.get('skills.enabled')) {
        store.auditLog.append({ actor: caller, event: 'skill.run-refused', skillSlug: name, data: { reason: 'skills-disabled', action: method, trigger } });
        throw new ServiceError('conflict', CONFIG_MESSAGES.skillsDisabled, { reason: 'skills-disabled' });
      }
      let record: ExecutionRecord | null = null;
      try {
        const executor = await registry.getModExecutor(name, {
          actor: caller,
          trigger,
          onExecuted: (stored) => { record = stored; },
          onNotifications: (version, sent) => delivery.deliver(version, sent),
        });
        if (!executor) throw new ServiceError('conflict', SERVICE_MESSAGES.notDeployed, { reason: 'not-deployed' });
        const result =
          method === 'getData' ? await executor.getData(LOCAL_TENANT)
          : method === 'getInsights' ? await executor.getInsights(LOCAL_TENANT)
          : method === 'getActions' ? executor.getActions()
          : await executor.executeAction(LOCAL_TENANT, method, params);
        return { slug: name, action: method, result, record };
      } catch (error) {
        if (error instanceof ActionParamsError) throw new ServiceError('bad-request', error.userMessage, { reason: 'params-refused', details: error.problems });
        if (error instanceof ActionRefusedError) {
          const status = error.code === 'permission-denied' ? 'forbidden' : error.code === 'shell-argv-refused' ? 'bad-request' : 'conflict';
          throw new ServiceError(status, error.userMessage, { reason: error.code });
        }
        if (error instanceof SkillCallError) throw new ServiceError(error.code === 'callee-failed' ? 'execution-failed' : 'conflict', error.userMessage, { reason: `skill-call-${error.code}` });
        if (error instanceof SkillExecutionError) {
          throw new ServiceError('execution-failed', error.userMessage, { reason: error.failure.code, details: [`execution #${error.execution.id}`] });
        }
        throw error;
      }
    },

    /** The RBAC fact `approved` for `slug`: a built-in mod, or a skill whose running version the owner approved and nobody changed since. */
    isApproved(principal: PrincipalKind, slug: string): boolean {
      return resolveVisible(principalOf(principal), text(slug, 'slug', MAX_NAME)).kind !== 'unavailable';
    },

    /** Asks the owner to review a skill (its pending version, else the running one). Changes nothing else. */
    requestReview(principal: PrincipalKind, idOrSlug: string, note?: string): ReviewRequestRecord {
      const caller = authorize(principal, 'skills:create', slugContext(idOrSlug));
      const skill = visibleSkill(caller, idOrSlug);
      const versions = store.versions.listForSkill(skill.slug);
      const version = versions.find((v) => v.status === 'pending') ?? versions.find((v) => v.id === skill.activeVersionId) ?? null;
      if (!version) throw new ServiceError('conflict', SERVICE_MESSAGES.nothingToReview, { reason: 'nothing-to-review' });
      return fileRequest(caller, 'review', skill, version, optionalNote(note));
    },

    /** Asks the owner to roll back to `version`; only the owner completes it, with the check on this computer. */
    requestRollback(principal: PrincipalKind, idOrSlug: string, version: string, note?: string): ReviewRequestRecord {
      const caller = authorize(principal, 'skills:create', slugContext(idOrSlug));
      const skill = visibleSkill(caller, idOrSlug);
      const wanted = text(version, 'version', 64);
      const target = versionManager.findVersion(skill.slug, wanted);
      if (!target) throw new ServiceError('not-found', REGISTRY_MESSAGES.versionNotFound(versionNumber(wanted)));
      const problem = versionManager.rollbackProblem(target);
      if (problem) throw refusalError({ ...problem, lockedUntil: null });
      return fileRequest(caller, 'rollback', skill, target, optionalNote(note));
    },

    /** For the owner's review window; newest first. */
    reviewRequests(status?: ReviewRequestStatus): ReviewRequestRecord[] {
      return repos.reviewRequests.list(status);
    },

    /** The owner closes a request without acting on it. */
    dismissReviewRequest(principal: PrincipalKind, id: number): ReviewRequestRecord {
      const caller = authorize(principal, 'skills:approve');
      const request = Number.isInteger(id) ? repos.reviewRequests.get(id) : null;
      if (!request || !repos.reviewRequests.close(request.id, 'dismissed', caller)) throw new ServiceError('not-found', SERVICE_MESSAGES.requestNotFound);
      store.auditLog.append({ actor: caller, event: 'review.closed', skillSlug: request.slug, versionId: request.versionId, data: { requestId: request.id, resolution: 'dismissed' } });
      return repos.reviewRequests.get(request.id)!;
    },

    /** Both factors, the owner only, for exactly the content shown; deploys the version. */
    async approve(principal: PrincipalKind, input: ApproveInput, via?: DecisionChannel): Promise<SkillVersionRecord> {
      const fields: Record<string, unknown> = isRecord(input) ? input : {};
      const result = await gateway.approve({
        versionId: fields.versionId as string, shownContentSha256: fields.shownContentSha256 as string, totpCode: fields.totpCode as string, actor: principal, via,
      });
      if (!result.ok) throw refusalError(result);
      triggers.installed(result.version);
      schedules.syncSkill(result.version.slug);
      skillsChanged();
      return result.version;
    },

    reject(principal: PrincipalKind, input: { versionId: string; reason: string }, via?: DecisionChannel): SkillVersionRecord {
      const fields: Record<string, unknown> = isRecord(input) ? input : {};
      const result = gateway.reject({ versionId: fields.versionId as string, reason: fields.reason as string, actor: principal, via });
      if (!result.ok) throw refusalError(result);
      return result.version;
    },

    /**
     * On a terminal, rejecting and rolling back take both factors, like approving: a program that
     * fakes a terminal gets no further than the authenticator code. A rejection's two are asked
     * here; a rollback's code here, and its check on this computer by the rollback itself.
     */
    async confirmOnTerminal(principal: PrincipalKind, input: { decision: 'reject' | 'rollback'; slug: string; version: string; totpCode: string }): Promise<void> {
      const caller = principalOf(principal);
      const { decision, slug, version, totpCode } = input;
      if (caller !== 'owner') {
        store.auditLog.append({ actor: caller, event: 'access.denied', skillSlug: slug.slice(0, 100), data: { principal: caller, permission: 'skills:approve', code: 'owner-only' } });
        throw new ServiceError('forbidden', SERVICE_MESSAGES.decisionsOwnersOnly, { reason: 'owner-only' });
      }
      const request = { refusedEvent: 'approval.refused', skillSlug: slug, data: { decision, version, via: 'terminal' }, totpCode };
      if (decision === 'rollback') await confirmAuthenticatorCode({ auditLog: store.auditLog, factors }, request);
      else await confirmWithBothFactors({ auditLog: store.auditLog, factors, canSeal: true }, { ...request, prompt: SERVICE_MESSAGES.rejectPrompt(slug, version) });
    },

    /**
     * Makes a previously approved version the running one again, after the check on this computer.
     * Skills that depend on it are disabled until it is back on its newest version: `disabledDependents` names them.
     */
    async rollback(principal: PrincipalKind, idOrSlug: string, version: string, via?: DecisionChannel): Promise<SkillVersionRecord & { disabledDependents: string[] }> {
      const dependents = typeof idOrSlug === 'string' ? dependentsOf(registry.catalog, repos.lifecycle.find(idOrSlug)?.slug ?? idOrSlug) : [];
      const result = await versionManager.rollback({ skill: idOrSlug, version, actor: principal, via });
      if (!result.ok) throw refusalError(result);
      schedules.syncSkill(result.version.slug);
      skillsChanged();
      return { ...result.version, disabledDependents: recordDisabled(principalOf(principal), result.version.slug, dependents, 'rolled-back') };
    },

    /** Skills that depend on it are disabled until it is restored: `disabledDependents` names them (the window warns first, from dependencies()). */
    archive(principal: PrincipalKind, idOrSlug: string): SkillSummary & { disabledDependents: string[] } {
      const caller = authorize(principal, 'skills:create', slugContext(idOrSlug));
      const skill = visibleSkill(caller, idOrSlug);
      if (skill.status === 'archived') throw new ServiceError('conflict', SERVICE_MESSAGES.alreadyArchived, { reason: 'archived' });
      const dependents = dependentsOf(registry.catalog, skill.slug);
      triggers.uninstalling(skill.slug);
      lifecycle.archive(skill, caller);
      schedules.syncSkill(skill.slug);
      skillsChanged();
      return { ...summary(skill.id), disabledDependents: recordDisabled(caller, skill.slug, dependents, 'archived') };
    },

    /** What the skill calls (directly and through them), who calls it and what it provides; anyone who can see the skill may read it. */
    dependencies(principal: PrincipalKind, idOrSlug: string): SkillDependencies {
      const skill = visibleSkill(principalOf(principal), idOrSlug);
      const versions = store.versions.listForSkill(skill.slug);
      const version = versions.find((v) => v.id === skill.activeVersionId) ?? versions[0];
      if (!version) throw new ServiceError('not-found', SERVICE_MESSAGES.skillNotFound);
      return dependencyView(registry.catalog, version.manifest);
    },

    /** The owner only: an archived skill becomes executable (and visible) again. */
    restore(principal: PrincipalKind, idOrSlug: string): SkillSummary {
      const caller = authorize(principal, 'skills:approve', slugContext(idOrSlug));
      const skill = visibleSkill(caller, idOrSlug);
      if (skill.status !== 'archived') throw new ServiceError('conflict', SERVICE_MESSAGES.notArchived, { reason: 'not-archived' });
      lifecycle.restore(skill, caller);
      schedules.syncSkill(skill.slug);
      skillsChanged();
      return summary(skill.id);
    },

    /** The skill's settings form, values, secrets (set or not, never their values) and allowances; anyone who can see the skill may read them. */
    getSettings(principal: PrincipalKind, idOrSlug: string): SkillSettingsView {
      return settings.view(visibleSkill(principalOf(principal), idOrSlug));
    },

    /** The owner only: a partial change of plain values; per-field errors in `fields` when the schema refuses one, and nothing changes. */
    setSettings(principal: PrincipalKind, idOrSlug: string, change: SettingsChange): SkillSettingsView {
      return settings.setValues(ownerOnly(principal, idOrSlug), change, 'owner');
    },

    /** The owner only: seals a secret the skill declares. */
    async setSecret(principal: PrincipalKind, idOrSlug: string, name: string, value: string): Promise<SkillSettingsView> {
      return settings.setSecret(ownerOnly(principal, idOrSlug), name, value, 'owner');
    },

    clearSecret(principal: PrincipalKind, idOrSlug: string, name: string): SkillSettingsView {
      return settings.clearSecret(ownerOnly(principal, idOrSlug), name, 'owner');
    },

    /** The owner only, with both factors (the window asks them): the skill may reach one local address and port. */
    async addAllowance(principal: PrincipalKind, idOrSlug: string, input: AllowanceInput): Promise<SkillSettingsView> {
      const fields: Record<string, unknown> = isRecord(input) ? input : {};
      return settings.addAllowance(ownerOnly(principal, idOrSlug), { address: fields.address, port: fields.port, totpCode: fields.totpCode });
    },

    /** Narrows what a skill can reach: the owner, and the assistant (which may also archive skills), may do it. */
    revokeAllowance(principal: PrincipalKind, idOrSlug: string, address: string, port: number): SkillSettingsView {
      const caller = authorize(principal, 'skills:create', slugContext(idOrSlug));
      return settings.revokeAllowance(visibleSkill(caller, idOrSlug), address, port, caller);
    },

    /** Shell actions for one skill: the switch, the isolation here, the folder the owner chose, the running version's pinned programs. */
    shellView(principal: PrincipalKind, idOrSlug: string): ShellView {
      return shell.view(visibleSkill(principalOf(principal), idOrSlug));
    },

    /** The owner only, in the window, with both factors: config.yaml's `skills.execution.shell: true` is theirs. */
    async confirmShellSwitch(principal: PrincipalKind, totpCode: string): Promise<ShellSwitchView> {
      ownerInWindow(principal);
      return shellSwitch.confirm(totpCode);
    },

    /** Narrows what may run: the owner and the assistant may do it. */
    revokeShellSwitch(principal: PrincipalKind): ShellSwitchView {
      return shellSwitch.revoke(authorize(principal, 'skills:create'));
    },

    /** The owner only, in the window, with both factors: the folder the skill's commands work in. */
    async setShellFolder(principal: PrincipalKind, idOrSlug: string, input: { folder: string; totpCode: string }): Promise<ShellView> {
      ownerInWindow(principal);
      const fields: Record<string, unknown> = isRecord(input) ? input : {};
      return shell.setFolder(visibleSkill('owner', idOrSlug), fields.folder, fields.totpCode);
    },

    /** Narrows what may run (the skill's commands stop): the owner and the assistant may do it. */
    clearShellFolder(principal: PrincipalKind, idOrSlug: string): ShellView {
      const caller = authorize(principal, 'skills:create', slugContext(idOrSlug));
      return shell.clearFolder(visibleSkill(caller, idOrSlug), caller);
    },

    /** What approved skills sent with foundry.notify, newest first; anyone who may use skills may read them. */
    listNotifications(principal: PrincipalKind, options: { unreadOnly?: boolean } = {}): NotificationList {
      principalOf(principal);
      return store.notifications.list({ unreadOnly: options.unreadOnly === true, limit: MAX_NOTIFICATIONS_LISTED });
    },

    /**
     * The owner only: marks notifications read (`'all'`, or the given ids). An unknown id refuses
     * the whole call and nothing changes. Answers how many were unread before.
     */
    markNotificationsRead(principal: PrincipalKind, which: readonly number[] | 'all'): { marked: number } {
      if (principalOf(principal) !== 'owner') throw new ServiceError('forbidden', SERVICE_MESSAGES.notificationsOwnersOnly, { reason: 'owner-only' });
      if (which !== 'all') {
        const valid = Array.isArray(which) && which.length > 0 && which.length <= MAX_NOTIFICATIONS_LISTED && which.every((id) => Number.isInteger(id) && id > 0);
        if (!valid) throw new ServiceError('bad-request', SERVICE_MESSAGES.badNotificationIds(MAX_NOTIFICATIONS_LISTED));
        const missing = which.filter((id) => !store.notifications.get(id));
        if (missing.length > 0) throw new ServiceError('not-found', SERVICE_MESSAGES.notificationNotFound, { details: missing.map((id) => `#${id}`) });
      }
      const marked = store.db.transaction(() => {
        const count = which === 'all' ? store.notifications.markAllRead() : store.notifications.markRead(which).length;
        if (count > 0) store.auditLog.append({ actor: 'owner', event: 'notifications.read', data: { which: which === 'all' ? 'all' : [...which], marked: count } });
        return count;
      })();
      return { marked };
    },

    /** What the registry asks before a run that needs the owner's yes for each run (`requireApproval`, shell actions). */
    consentGate: { ask: consent.ask } satisfies ConsentGate,

    /** Runs waiting for the owner's consent, oldest first; anyone who may use skills may see them (the assistant sees that it waits). */
    pendingConsents(principal: PrincipalKind): ConsentRequestRecord[] {
      principalOf(principal);
      return consent.pending();
    },

    /**
     * The owner only, and only in the desktop window: allows or denies one waiting run, and with
     * `always` also lets exactly this action run without asking from now on. The run resumes.
     */
    decideConsent(principal: PrincipalKind, input: ConsentDecisionInput): ConsentRequestRecord {
      authorize(principal, 'skills:approve');
      if (!canAskOwner()) throw new ServiceError('forbidden', CONSENT_MESSAGES.onlyInWindow, { reason: 'no-owner-window' });
      const fields: Record<string, unknown> = isRecord(input) ? input : {};
      return consent.decide(fields.id, fields.verdict, fields.always);
    },

    /** The owner's standing consents in force, newest first. */
    standingConsents(principal: PrincipalKind): StandingConsentRecord[] {
      principalOf(principal);
      return consent.standing();
    },

    /** Narrows what runs without asking: the owner, and the assistant (which may also archive skills), may do it. */
    revokeStandingConsent(principal: PrincipalKind, id: number): StandingConsentRecord {
      return consent.revoke(id, authorize(principal, 'skills:create'));
    },

    /**
     * Stores what the assistant reported (checked exactly as the API checks it) and starts, in the
     * background, the triggers it fires; answers at once with what fires. Each run is authorized as
     * any run of its principal (trigger-engine.ts says who that is and why).
     */
    reportEvent(principal: PrincipalKind, route: EventRoute, body: unknown): EventReport {
      principalOf(principal);
      try {
        return triggers.report(checkedEvent(route, body));
      } catch (error) {
        if (error instanceof EventInputError) throw new ServiceError('bad-request', error.userMessage, { reason: 'invalid-event', details: error.details });
        throw error;
      }
    },

    /** What would fire on what: the triggers of the skills that may run now, or of one skill (visible to `principal`). */
    listTriggers(principal: PrincipalKind, idOrSlug?: string): TriggerListing[] {
      const caller = principalOf(principal);
      return triggers.list(idOrSlug === undefined ? undefined : visibleSkill(caller, idOrSlug).slug);
    },

    /** The person's messages the assistant reported in the last `windowDays` days, as the pattern and gap detectors read history. */
    reportedHistory(windowDays: number): HistoryMessage[] {
      const since = new Date(store.now().getTime() - windowDays * 24 * 60 * 60 * 1000);
      return triggers.messagesSince(since).flatMap((m) => reportedMessage(m) ?? []);
    },

    /** Resolves once every trigger firing started so far has finished. */
    triggersIdle: (): Promise<void> => triggers.idle(),

    /** Run at start and periodically: pending versions past their 24 hours are rejected. */
    expirePending: (): SkillVersionRecord[] => gateway.expirePending(),

    /** Run at start and periodically: active skills unused for 30 days are archived. */
    archiveUnused(): SkillSummary[] {
      const archived = lifecycle.archiveUnused().map((skill) => summary(skill.id));
      for (const skill of archived) schedules.syncSkill(skill.slug);
      if (archived.length > 0) skillsChanged();
      return archived;
    },

    /** Calls `listener` whenever what can run may have changed (approved, rolled back, archived, restored); returns the unsubscribe. */
    onSkillsChanged(listener: () => void): () => void {
      skillsChangedListeners.add(listener);
      return () => skillsChangedListeners.delete(listener);
    },

    /**
     * The actions `slug` offers now (its getActions), or null when it cannot run for `principal`:
     * unknown, archived, not approved, unproven, disabled. Runs no action and records nothing.
     */
    async actionsOf(principal: PrincipalKind, slug: string): Promise<ModAction[] | null> {
      const caller = principalOf(principal);
      const name = text(slug, 'slug', MAX_NAME);
      const found = registry.resolve(name);
      if (found.kind === 'unavailable' || (found.kind === 'dynamic' && !config.get('skills.enabled'))) return null;
      try {
        return (await registry.getModExecutor(name, { actor: caller, trigger: 'list' }))?.getActions() ?? null;
      } catch (error) {
        if (error instanceof SkillExecutionError || error instanceof ActionRefusedError) return null;
        throw error;
      }
    },

    /** The owner's language: texts for the assistant (tool descriptions, refusals) are in it. */
    locale: (): Locale => (deps.locale ?? (() => systemLocale(store)))(),

    /** Schedules (main/skills/scheduler/): the owner's to change; the assistant lists and proposes. */
    listSchedules(principal: PrincipalKind) {
      principalOf(principal);
      return schedules.listSchedules();
    },
    upcomingRuns(principal: PrincipalKind, count?: number) {
      principalOf(principal);
      return schedules.upcomingRuns(count);
    },
    addSchedule: (principal: PrincipalKind, slug: string, spec: unknown) => schedules.addSchedule(principalOf(principal), slug, spec),
    proposeSchedule: (principal: PrincipalKind, slug: string, spec: unknown) => schedules.proposeSchedule(authorize(principal, 'skills:create', slugContext(slug)), slug, spec),
    confirmScheduleProposal: (principal: PrincipalKind, id: number) => schedules.confirmProposal(principalOf(principal), id),
    declineScheduleProposal: (principal: PrincipalKind, id: number) => schedules.declineProposal(principalOf(principal), id),
    editSchedule: (principal: PrincipalKind, id: number, spec: unknown) => schedules.editSchedule(principalOf(principal), id, spec),
    pauseSchedule: (principal: PrincipalKind, id: number) => schedules.pauseSchedule(principalOf(principal), id),
    resumeSchedule: (principal: PrincipalKind, id: number) => schedules.resumeSchedule(principalOf(principal), id),
    removeSchedule: (principal: PrincipalKind, id: number) => schedules.removeSchedule(principalOf(principal), id),
    runScheduleNow: (principal: PrincipalKind, id: number) => schedules.runScheduleNow(principalOf(principal), id),
    /** The home view: every active skill's card (read through the sandbox, not counted as use), the next runs, the latest notifications. */
    today(principal: PrincipalKind): Promise<TodayBoard> {
      return today.read(principalOf(principal));
    },
    /** The marketplace (marketplace/marketplace.ts): browsing and install requests need `skills:marketplace`; trusting publishers is the owner's. */
    searchMarket: async (principal: PrincipalKind, query?: string, options: { category?: string } = {}) => {
      authorize(principal, 'skills:marketplace');
      return marketCall(() => market.search(typeof query === 'string' ? query : '', { ...(typeof options.category === 'string' ? { category: options.category } : {}) }));
    },
    showMarketListing: async (principal: PrincipalKind, idOrSlug: string) => {
      authorize(principal, 'skills:marketplace', slugContext(idOrSlug));
      return marketCall(() => market.show(text(idOrSlug, 'listing', MAX_NAME)));
    },
    /** Leaves a pending version in the review queue (or says why not); the assistant's requests count as its proposals. */
    installFromMarket: async (principal: PrincipalKind, idOrSlug: string) => {
      const caller = authorize(principal, 'skills:marketplace', slugContext(idOrSlug));
      const id = text(idOrSlug, 'listing', MAX_NAME);
      if (caller === 'assistant') proposals.take(caller);
      return marketCall(() => market.install(caller, id));
    },
    marketUpdates: async (principal: PrincipalKind, options: { fetch?: boolean } = {}) => {
      authorize(principal, 'skills:marketplace');
      return marketCall(() => market.updates({ fetch: options.fetch === true }));
    },
    marketPublishers: (principal: PrincipalKind) => {
      authorize(principal, 'skills:marketplace');
      return market.publishers();
    },
    setMarketPublisherTrusted: async (principal: PrincipalKind, name: string, trusted: boolean) => {
      authorize(principal, 'skills:approve');
      return marketCall(() => market.setPublisherTrusted(text(name, 'publisher', 100), trusted === true));
    },
    forgetMarketPublisher: async (principal: PrincipalKind, name: string) => {
      authorize(principal, 'skills:approve');
      return marketCall(() => market.forgetPublisher(text(name, 'publisher', 100)));
    },
    /** Revocations and (with autoUpdate) updates checked by themselves: the app and `foundry serve` start it; tests drive its clock. */
    marketChecks,
    /** The engine that fires schedules: the app and `foundry serve` start it; tests drive its clock. */
    scheduler: schedules.scheduler,
  };
  return service;
}
export type SkillService = ReturnType<typeof createSkillService>;
