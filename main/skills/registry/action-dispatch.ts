// What the registry does around each action of a generated skill (issue 12 §1–2): admits the run
// under the action's policy (permissions through the one authorizer, the owner's consent), and runs
// the declarative ones — an http action through the guarded client with the version's own policy
// (approved origins, bound secrets, the owner's local allowances, config.yaml's limits, the
// action's deadline), a function action through the registry's skill-to-skill call (skill-calls.ts), a shell
// action through its guard (actions/shell/: prepared, shown to the owner, run only on their yes) — recording each
// like an execution in the sandbox: a row with its requests, and a `skill.executed` audit entry.
import { performance } from 'node:perf_hooks';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { FoundryStore } from '../../store/index.ts';
import {
  ActionRefusedError, actionDetails, admitAction, askOwner, fillJsonTemplate, runHttpAction, TemplateRefusal,
  type CallSkill, type DeclarativeAction, type HttpActionOutcome, type PlannedAction,
} from '../actions/index.ts';
import { SHELL_MESSAGES, type ShellActions } from '../actions/shell/index.ts';
import { DEFAULT_HTTP_LIMITS, type HttpClient, type HttpPolicy } from '../http/index.ts';
import type { ConsentGate } from '../consent/index.ts';
import type { Authorizer } from '../rbac/authorize.ts';
import type { Permission } from '../rbac/permissions.ts';
import type { PrincipalKind } from '../rbac/roles.ts';
import { DEFAULT_LIMITS, isWithinRange } from '../sandbox/limits.ts';
import { canonicalJson, sha256Hex } from './content-hash.ts';
import type { ActionDispatch } from './dynamic-executor.ts';
import type { ExecutionSettings, SkillRunSettings } from './dynamic-registry.ts';
import { LOCAL_TENANT, type ExecutionContext } from './execution-context.ts';
import type { ExecutionLog } from './execution-log.ts';
import { callContextFor } from './skill-calls.ts';

export interface ActionDispatchDeps {
  store: Pick<FoundryStore, 'now' | 'executions' | 'auditLog'>;
  log: ExecutionLog;
  execution: () => ExecutionSettings;
  authorizer: Authorizer;
  httpClient: HttpClient;
  runSettings?: (slug: string, manifest: SkillVersionRecord['manifest']) => SkillRunSettings;
  consent?: ConsentGate;
  callSkill: CallSkill;
  /** Shell actions' guard; absent: they are off. */
  shell?: ShellActions;
}

export function createActionDispatch(deps: ActionDispatchDeps) {
  const { store, log } = deps;

  /** An action's time limit: its own when the sandbox could grant it, else the default; never above config.yaml's. */
  function timeoutOf(planned: PlannedAction): number {
    const asked = planned.action.timeoutMs;
    return Math.min(isWithinRange('timeoutMs', asked) ? asked : DEFAULT_LIMITS.timeoutMs, deps.execution().maxTimeoutMs);
  }

  async function recorded(version: SkillVersionRecord, context: ExecutionContext, action: string, params: Record<string, unknown>, work: () => Promise<HttpActionOutcome>) {
    const startedAt = store.now().toISOString();
    const started = performance.now();
    const base = {
      skillSlug: version.manifest.slug, versionId: version.id, version: version.version, action, trigger: context.trigger, actor: context.actor,
      inputSha256: sha256Hex(canonicalJson({ method: 'executeAction', tenantId: LOCAL_TENANT, action, params })), peakHeapBytes: null, startedAt,
    };
    let outcome: HttpActionOutcome;
    try {
      outcome = await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.executed(store.executions.record({ ...base, status: 'failed', outputSha256: null, error: message, durationMs: performance.now() - started, http: [] }), version, context);
      throw error;
    }
    const { result, http } = outcome;
    const failed = !result.success;
    log.executed(store.executions.record({
      ...base, status: failed ? 'failed' : 'succeeded', outputSha256: sha256Hex(canonicalJson(result)), error: failed ? (result.error ?? 'the action failed') : null,
      durationMs: performance.now() - started, http,
    }), version, context);
    return result;
  }

  function httpPolicy(version: SkillVersionRecord, deadline: number): HttpPolicy {
    const { manifest } = version;
    const settings = deps.runSettings?.(manifest.slug, manifest);
    return {
      origins: manifest.capabilities.http,
      secretHosts: new Map((manifest.secrets ?? []).map((secret) => [secret.name, secret.hosts] as const)),
      secretValue: settings?.secretValue ?? (async () => null),
      localAllowances: settings?.localAllowances ?? [],
      limits: { ...DEFAULT_HTTP_LIMITS, maxResponseBytes: deps.execution().http.maxResponseBytes },
      deadline,
    };
  }

  /** Every refusal but a denied permission (the authorizer audits those) leaves a `skill.run-refused` entry. */
  function auditedRefusal(version: SkillVersionRecord, context: ExecutionContext, planned: PlannedAction, error: unknown): unknown {
    if (error instanceof ActionRefusedError && error.code !== 'permission-denied') {
      store.auditLog.append({
        actor: context.actor, event: 'skill.run-refused', skillSlug: version.manifest.slug, versionId: version.id, contentSha256: version.contentSha256,
        data: { reason: error.code, action: planned.action.slug, trigger: context.trigger },
      });
    }
    return error;
  }

  /** Prepared (every check), shown to the owner with the exact argv, run only on their yes, audited with the output's hashes. */
  async function runShell(version: SkillVersionRecord, context: ExecutionContext, planned: PlannedAction, entry: Extract<DeclarativeAction, { type: 'shell' }>, params: Record<string, unknown>) {
    const { shell } = deps;
    let prepared;
    try {
      if (!shell) throw new ActionRefusedError('shell-off', SHELL_MESSAGES.switchedOff(entry.slug));
      prepared = await shell.prepare(version, version.skillId, entry, params, deps.runSettings?.(version.manifest.slug, version.manifest));
      const details = shell.consentDetails(prepared, entry.description);
      await askOwner(planned, { version, params, actor: context.actor, trigger: context.trigger, details }, deps.consent);
    } catch (error) {
      throw auditedRefusal(version, context, planned, error);
    }
    const command = prepared;
    return recorded(version, context, entry.slug, params, async () => {
      const { result, audit } = await shell.run(command, timeoutOf(planned));
      store.auditLog.append({
        actor: context.actor, event: 'shell.ran', skillSlug: version.manifest.slug, versionId: version.id, contentSha256: version.contentSha256,
        data: { ...audit, trigger: context.trigger },
      });
      return { result, http: [] };
    });
  }

  /** The dispatch of one executor: one version, run by one caller. */
  return (version: SkillVersionRecord, context: ExecutionContext): ActionDispatch => ({
    async admit(planned, params) {
      try {
        await admitAction(planned, { version, params, actor: context.actor, trigger: context.trigger, details: actionDetails(planned, params) }, {
          authorize: (actor, permission, skillSlug) => {
            const decision = deps.authorizer.authorize(actor as PrincipalKind, permission as Permission, { approved: true, skillSlug });
            return decision.allowed ? null : decision.reason;
          },
          consent: deps.consent,
        });
      } catch (error) {
        throw auditedRefusal(version, context, planned, error);
      }
    },

    async runDeclared(planned, params) {
      const entry = planned.declared!;
      const slug = planned.action.slug;
      const deadline = Date.now() + timeoutOf(planned);
      if (entry.type === 'shell') return runShell(version, context, planned, entry, params);
      if (entry.type === 'function') {
        const { skill, action, params: template } = entry.function;
        const caller = { slug: version.manifest.slug, versionId: version.id, version: version.version };
        const callContext = callContextFor(caller, context, deadline);
        return recorded(version, context, slug, params, async () => {
          let filled: Record<string, unknown>;
          try {
            filled = fillJsonTemplate(template ?? {}, params) as Record<string, unknown>;
          } catch (error) {
            if (!(error instanceof TemplateRefusal)) throw error;
            return { result: { success: false, error: `the call was not made: ${error.message}` }, http: [] };
          }
          return { result: await deps.callSkill(callContext, skill, action, filled), http: [] };
        });
      }
      const policy = httpPolicy(version, deadline);
      return recorded(version, context, slug, params, () => runHttpAction(entry.http, params, (request) => deps.httpClient.send(request, policy)));
    },
  });
}
