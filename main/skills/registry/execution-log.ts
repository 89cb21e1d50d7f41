// What every execution through the registry leaves behind: the skill's use counted (generated
// skills) and a `skill.executed` audit entry with the execution's hashes. Generated skills are
// recorded by the sandbox; built-ins run in main, so their executions are recorded here.
import { performance } from 'node:perf_hooks';
import type { ExecutionRecord, SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { IModExecutor } from '../../../shared/skills/mod-types.ts';
import type { FoundryStore } from '../../store/index.ts';
import { ActionParamsError } from '../../mods/checked-params.ts';
import type { RegistryRepositories } from './registry-repositories.ts';
import { canonicalJson, sha256Hex } from './content-hash.ts';
import { DASHBOARD_TRIGGER, type ExecutionContext } from './execution-context.ts';

export function createExecutionLog(store: Pick<FoundryStore, 'db' | 'now' | 'executions' | 'auditLog'>, repos: RegistryRepositories) {
  function executed(record: ExecutionRecord, version: SkillVersionRecord | null, context: ExecutionContext): void {
    store.db.transaction(() => {
      // The home view reading its cards is not use: else a skill nobody uses would never be archived.
      if (version && record.trigger !== DASHBOARD_TRIGGER) repos.lifecycle.recordUse(version.skillId);
      store.auditLog.append({
        actor: record.actor,
        event: 'skill.executed',
        skillSlug: record.skillSlug,
        versionId: version?.id ?? null,
        contentSha256: version?.contentSha256 ?? null,
        data: {
          executionId: record.id,
          action: record.action,
          trigger: record.trigger,
          status: record.status,
          inputSha256: record.inputSha256,
          outputSha256: record.outputSha256,
        },
      });
    })();
    context.onExecuted?.(record);
  }

  /** A built-in executor whose getData, getInsights and executeAction are recorded and audited. */
  function trackBuiltin(executor: IModExecutor, context: ExecutionContext): IModExecutor {
    async function track<T>(action: string, input: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
      const startedAt = store.now().toISOString();
      const started = performance.now();
      const base = {
        skillSlug: executor.slug, versionId: null, version: null, action, trigger: context.trigger, triggeredBy: context.call?.triggeredBy ?? null, actor: context.actor,
        inputSha256: sha256Hex(canonicalJson(input)), peakHeapBytes: null, startedAt, http: [],
      };
      let output: T;
      try {
        output = await work();
      } catch (error) {
        // Refused params ran nothing: no execution to record.
        if (!(error instanceof ActionParamsError)) {
          const message = error instanceof Error ? error.message : String(error);
          executed(store.executions.record({ ...base, status: 'failed', outputSha256: null, error: message, durationMs: performance.now() - started }), null, context);
        }
        throw error;
      }
      const outputSha256 = sha256Hex(canonicalJson(output ?? null));
      executed(store.executions.record({ ...base, status: 'succeeded', outputSha256, error: null, durationMs: performance.now() - started }), null, context);
      return output;
    }
    return {
      slug: executor.slug,
      getData: (tenantId) => track('getData', { method: 'getData', tenantId }, () => executor.getData(tenantId)),
      getInsights: (tenantId) => track('getInsights', { method: 'getInsights', tenantId }, () => executor.getInsights(tenantId)),
      executeAction: (tenantId, action, params) =>
        track(action, { method: 'executeAction', tenantId, action, params }, () => executor.executeAction(tenantId, action, params)),
      getActions: () => executor.getActions(),
    };
  }

  return { executed, trackBuiltin };
}
export type ExecutionLog = ReturnType<typeof createExecutionLog>;
