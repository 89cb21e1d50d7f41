// getModExecutor (seed: lib/mods/executors/index.ts): built-in mods first, then generated skills
// whose active version is approved, proven by its keyed seal (content and granted writes alike)
// and not archived. A generated skill's actions are read
// once per version (its getActions() in the sandbox) and kept, so params can be checked in main;
// its manifest adds declarative actions and each action's policy (main/skills/actions/), which is
// enforced here before every run.
import type { Locale } from '../../../shared/i18n-types.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { BuiltinModSlug, IModExecutor, ModAction } from '../../../shared/skills/mod-types.ts';
import type { FoundryStore } from '../../store/index.ts';
import type { SkillState } from '../../store/repositories/skill-lifecycle.ts';
import { createSkillRowsRepository } from '../../store/repositories/skill-rows.ts';
import { BUILTIN_EXECUTORS, isBuiltinModSlug } from '../../mods/index.ts';
import { sandboxFailure } from '../sandbox/errors.ts';
import type { ConcurrencyLimits, ExecutionOutcome, ExecutionRequest, Sandbox, SandboxSkill, SkillCall } from '../sandbox/index.ts';
import type { JsonObject } from '../sandbox/json-guards.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { isWithinRange, SHORTEST_TIMEOUT_MS } from '../sandbox/limits.ts';
import { DynamicSkillExecutor } from './dynamic-executor.ts';
import { LOCAL_TENANT, type ExecutionContext } from './execution-context.ts';
import { createExecutionLog } from './execution-log.ts';
import type { RegistryRepositories } from './registry-repositories.ts';
import { SkillExecutionError } from './skill-execution-error.ts';
import { isWorthRetrying } from './retry-policy.ts';
import { createAuthorizer, type Authorizer } from '../rbac/authorize.ts';
import { loadRbacPolicy } from '../rbac/roles.ts';
import { createHttpClient, type HttpClient } from '../http/index.ts';
import { ACTION_MESSAGES, ActionRefusedError, planActions } from '../actions/index.ts';
import type { ConsentGate } from '../consent/index.ts';
import type { ShellActions } from '../actions/shell/index.ts';
import { createActionDispatch } from './action-dispatch.ts';
import { dependencyProblem, type DependencyCatalog, type DependencyProblem } from './skill-dependencies.ts';
import { createSkillCalls } from './skill-calls.ts';

/** config.yaml's `skills.execution`, read at each execution so a change applies to the next one. */
export interface ExecutionSettings {
  /** The longest an execution may run, whatever its action asks for. */
  maxTimeoutMs: number;
  /** How many times a failed execution runs again when that is safe (retry-policy.ts). */
  maxRetries: number;
  parallel: ConcurrencyLimits;
  http: { maxRequests: number; maxResponseBytes: number };
}

/** What the owner set for one skill (main/skills/settings/): handed to each of its executions. */
export interface SkillRunSettings {
  config: JsonObject;
  secretValue(name: string): Promise<string | null>;
  localAllowances: readonly { address: string; port: number }[];
}

export interface SkillRegistryDeps {
  store: Pick<FoundryStore, 'db' | 'now' | 'versions' | 'executions' | 'auditLog' | 'integrity'>;
  repos: RegistryRepositories;
  /** The engine's sandbox, asked for only when a generated skill runs (its host starts on first use). */
  sandbox: () => Sandbox;
  /** The owner's language, for built-in mods' texts. */
  locale: () => Locale;
  execution: () => ExecutionSettings;
  /** The owner's settings, secrets and local-address allowances for a skill; none when absent. */
  runSettings?: (slug: string, manifest: SkillManifest) => SkillRunSettings;
  /** Decides the permissions an action asks of its caller; by default the built-in roles, auditing denials to the store's log. */
  authorizer?: Authorizer;
  /** The owner's consent before each run of an action marked `requireApproval`; absent: such actions are refused. */
  consent?: ConsentGate;
  /** The guard http actions are sent through (foundry.http has the sandbox's own). */
  httpClient?: HttpClient;
  /** Delivers what a skill sent with foundry.notify when its execution's context does not (a callee's). */
  deliverNotifications?: ExecutionContext['onNotifications'];
  /** Shell actions' guard (actions/shell/); absent: shell actions are off. */
  shell?: ShellActions;
}

/**
 * `approval-unproven`: no valid seal vouches for what would run (tampering); `no-integrity-key`:
 * nothing can be proven here; `dependency-unavailable`: a skill it depends on cannot run (`problem` says which and why).
 */
export type UnavailableReason = 'not-found' | 'archived' | 'not-deployed' | 'content-changed' | 'approval-unproven' | 'no-integrity-key' | 'dependency-unavailable';

export type SkillResolution =
  | { kind: 'builtin'; slug: BuiltinModSlug }
  | { kind: 'dynamic'; skill: SkillState; version: SkillVersionRecord; grantedWrites: readonly string[] }
  | { kind: 'unavailable'; reason: UnavailableReason; problem?: DependencyProblem };

// The writes the sandbox allows are the ones the verified seal granted, not what a row says now.
const sandboxSkill = (version: SkillVersionRecord, grantedWrites: readonly string[]): SandboxSkill => ({
  slug: version.manifest.slug,
  version: version.version,
  versionId: version.id,
  code: version.code,
  manifest: version.manifest,
  grantedWrites: [...grantedWrites],
});

export function createSkillRegistry(deps: SkillRegistryDeps) {
  const { store, repos } = deps;
  const rows = createSkillRowsRepository(store.db);
  const log = createExecutionLog(store, repos);
  const actionsByVersion = new Map<string, readonly ModAction[]>();

  /** What `slug` would run on its own account, its dependencies not considered. */
  function resolveOwn(slug: string): SkillResolution {
    if (isBuiltinModSlug(slug)) return { kind: 'builtin', slug };
    const skill = repos.lifecycle.find(slug);
    if (!skill || skill.slug !== slug) return { kind: 'unavailable', reason: 'not-found' };
    if (skill.status === 'archived') return { kind: 'unavailable', reason: 'archived' };
    const version = skill.activeVersionId ? store.versions.get(skill.activeVersionId) : null;
    if (!version || version.status !== 'approved') return { kind: 'unavailable', reason: 'not-deployed' };
    // What runs is exactly what the owner approved: proven by the seal's MAC, never by the row's status.
    const proof = store.integrity.proofs.prove(version);
    if (proof.state === 'unverifiable') return { kind: 'unavailable', reason: 'no-integrity-key' };
    if (proof.state === 'tampered') return { kind: 'unavailable', reason: proof.problem === 'content-changed' ? 'content-changed' : 'approval-unproven' };
    return { kind: 'dynamic', skill, version, grantedWrites: proof.seal.grantedWrites };
  }

  const catalog: DependencyCatalog = {
    own: (slug) => {
      const found = resolveOwn(slug);
      if (found.kind !== 'dynamic') return found;
      // Newest first: an approved version above the running one means the skill was rolled back.
      const versions = store.versions.listForSkill(slug);
      const newest = versions.slice(0, versions.findIndex((v) => v.id === found.version.id)).find((v) => v.status === 'approved');
      return { kind: 'dynamic', version: found.version, newerApproved: newest?.version ?? null };
    },
    running: () => store.versions.running(),
  };

  /** What `slug` would run now, or why nothing would: a skill whose dependency cannot run is disabled, never half-working. */
  function resolve(slug: string): SkillResolution {
    const found = resolveOwn(slug);
    if (found.kind !== 'dynamic') return found;
    const problem = dependencyProblem(catalog, found.version.manifest);
    return problem ? { kind: 'unavailable', reason: 'dependency-unavailable', problem } : found;
  }

  const skillCalls = createSkillCalls({
    store,
    catalog,
    runProblem: (slug) => {
      const found = resolve(slug);
      return found.kind !== 'unavailable' ? null : (found.problem ?? { kind: 'unavailable', name: slug, reason: found.reason });
    },
    executor: (slug, context) => getModExecutor(slug, context),
  });
  const actionDispatch = createActionDispatch({
    store,
    log,
    execution: deps.execution,
    authorizer: deps.authorizer ?? createAuthorizer(loadRbacPolicy(), store.auditLog),
    httpClient: deps.httpClient ?? createHttpClient(),
    callSkill: skillCalls.callSkill,
    ...(deps.runSettings ? { runSettings: deps.runSettings } : {}),
    ...(deps.consent ? { consent: deps.consent } : {}),
    ...(deps.shell ? { shell: deps.shell } : {}),
  });
  /** An action's own time limit, when it asks for one the sandbox can grant (else the default applies). */
  function askedLimits(actions: readonly ModAction[], call: SkillCall): { limits?: { timeoutMs: number } } {
    if (call.method !== 'executeAction') return {};
    const asked = actions.find((a) => a.slug === call.action)?.timeoutMs;
    return isWithinRange('timeoutMs', asked) ? { limits: { timeoutMs: asked } } : {};
  }

  async function actionsOf(version: SkillVersionRecord, grantedWrites: readonly string[], context: ExecutionContext): Promise<readonly ModAction[]> {
    const key = `${version.id}:${version.contentSha256}`;
    const known = actionsByVersion.get(key);
    if (known) return known;
    const outcome = await deps.sandbox().execute({ ...runOptions(version, grantedWrites, context), call: { method: 'getActions', tenantId: LOCAL_TENANT } });
    if (outcome.error) throw new SkillExecutionError(outcome.error, outcome.record);
    if (!Array.isArray(outcome.result)) throw new SkillExecutionError(sandboxFailure('invalid-output', 'getActions did not return a list'), outcome.record);
    const actions = outcome.result as unknown as ModAction[];
    actionsByVersion.set(key, actions);
    return actions;
  }

  /** Everything an execution of an approved version runs with, read now: config.yaml and the skill's settings. */
  function runOptions(version: SkillVersionRecord, grantedWrites: readonly string[], context: ExecutionContext): Omit<ExecutionRequest, 'call'> {
    const { maxTimeoutMs, parallel, http } = deps.execution();
    const settings = deps.runSettings?.(version.manifest.slug, version.manifest);
    // A callee has at most what is left of its chain's time (skill-calls.ts checked that some is).
    const left = context.call ? Math.max(SHORTEST_TIMEOUT_MS, Math.floor(context.call.deadline - Date.now())) : Infinity;
    return {
      skill: sandboxSkill(version, grantedWrites),
      trigger: context.trigger,
      actor: context.actor,
      ...(context.call?.triggeredBy ? { triggeredBy: context.call.triggeredBy } : {}),
      skillCalls: skillCalls.answererFor({ slug: version.manifest.slug, versionId: version.id, version: version.version }, context),
      maxTimeoutMs: Math.min(maxTimeoutMs, left),
      concurrency: parallel,
      config: settings?.config ?? {},
      network: {
        mode: 'live',
        secretValue: settings?.secretValue ?? (async () => null),
        localAllowances: settings?.localAllowances ?? [],
        limits: http,
      },
    };
  }

  async function dynamicExecutor(version: SkillVersionRecord, grantedWrites: readonly string[], context: ExecutionContext): Promise<DynamicSkillExecutor> {
    const plan = planActions(version.manifest, await actionsOf(version, grantedWrites, context), deps.locale());
    if (plan.missingCode.length > 0) throw new ActionRefusedError('code-action-missing', ACTION_MESSAGES.codeActionMissing(plan.missingCode));
    const actions = plan.actions.map((planned) => planned.action);
    return new DynamicSkillExecutor(version, plan.actions, async (call) => {
      // A callee is not retried: its caller sees the failure and decides (and the chain's time is shared).
      const maxRetries = context.call ? 0 : deps.execution().maxRetries;
      const request: ExecutionRequest = { ...runOptions(version, grantedWrites, context), call, ...askedLimits(actions, call) };
      let outcome: ExecutionOutcome;
      for (let attempt = 0; ; attempt += 1) {
        outcome = await deps.sandbox().execute(request);
        log.executed(outcome.record, version, context);
        const failed = outcome.error ? { failure: outcome.error.code, committedWrites: 0, nonIdempotentRequests: outcome.nonIdempotentRequests } : null;
        if (!failed || attempt >= maxRetries || !isWorthRetrying(failed)) break;
      }
      if (outcome.notifications.length > 0) (context.onNotifications ?? deps.deliverNotifications)?.(version, outcome.notifications);
      return outcome;
    }, actionDispatch(version, context));
  }

  async function getModExecutor(slug: string, context: ExecutionContext): Promise<IModExecutor | null> {
    const found = resolve(slug);
    if (found.kind === 'builtin') {
      return log.trackBuiltin(BUILTIN_EXECUTORS[found.slug]({ rows, now: store.now, locale: deps.locale }), context);
    }
    return found.kind === 'dynamic' ? dynamicExecutor(found.version, found.grantedWrites, context) : null;
  }

  return {
    resolve,
    /** What dependencies resolve against: skills that may run now. */
    catalog,
    /** Runs another skill's action for a caller (foundry.skills.call, `function` actions). */
    callSkill: skillCalls.callSkill,
    hasDynamicSkill: (slug: string): boolean => resolve(slug).kind === 'dynamic',
    /**
     * The executor for `slug`, or null when nothing may run under it (unknown, archived, not
     * approved, or its approval not proven by a valid seal). Async: a generated skill's actions come from the sandbox.
     */
    getModExecutor,
  };
}
export type SkillRegistry = ReturnType<typeof createSkillRegistry>;
