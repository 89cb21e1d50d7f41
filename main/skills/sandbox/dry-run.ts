// The pipeline's dry run: getActions, then every sample input of the candidate, each a real
// sandboxed execution. Their rows go to a scratch partition that later samples can read and that
// is removed at the end, so nothing of a dry run stays. Sample params must satisfy the schema.
// Nothing reaches the network: each foundry.http request, and each http action's request, is
// answered from the sample's declared answers (or refused), under the same host and secret checks
// as a live request.
import { randomUUID } from 'node:crypto';
import type { SampleInput, SkillCandidate } from '../../../shared/skills/candidate.ts';
import type { ModAction } from '../../../shared/skills/mod-types.ts';
import { planActions, runHttpAction, type PlannedAction } from '../actions/index.ts';
import { answerFromSamples, DEFAULT_HTTP_LIMITS } from '../http/index.ts';
import type { DryRunReport, DryRunStep } from '../../../shared/skills/dry-run.ts';
import type { SkillCall } from './execution-request.ts';
import type { Sandbox } from './sandbox.ts';
import { checkActionParams } from './action-params.ts';
import { settingsForm } from '../settings/index.ts';
import { isActionRefusal } from '../../../shared/skills/mod-types.ts';
import type { Db } from '../../store/open-database.ts';
import { createSkillRowsRepository } from '../../store/repositories/skill-rows.ts';

export const DRY_RUN_TENANT = 'dry-run';

export function createDryRunner(sandbox: Sandbox, db: Db) {
  const rows = createSkillRowsRepository(db);
  return async (candidate: SkillCandidate, version: string): Promise<DryRunReport> => {
    const dataPartition = `scratch:${randomUUID()}`;
    try {
      return await dryRun(candidate, version, dataPartition);
    } finally {
      rows.removePartition(dataPartition);
    }
  };

  async function dryRun(candidate: SkillCandidate, version: string, dataPartition: string): Promise<DryRunReport> {
    const { manifest } = candidate;
    const skill = { slug: manifest.slug, version, versionId: null, code: candidate.code, manifest, grantedWrites: manifest.capabilities.writes };
    // The settings a new skill starts with: its schema's defaults.
    const config = settingsForm(manifest).evaluate({}).effective;
    const run = async (input: DryRunStep['input'], call: SkillCall): Promise<DryRunStep> => {
      const samples = 'http' in input ? (input.http ?? []) : [];
      const outcome = await sandbox.execute({ skill, call, trigger: 'dry-run', actor: 'system', dataPartition, config, network: { mode: 'samples', samples } });
      const { durationMs } = outcome.record;
      const requests = outcome.record.http.length > 0 ? { http: outcome.record.http } : {};
      if (outcome.error) return { input, status: 'failed', durationMs, error: outcome.error.message.en, ...requests };
      const refused = call.method === 'executeAction' && isActionRefusal(outcome.result);
      // Kept for the review only: nothing here reaches notification delivery, which only the registry's runs of approved versions feed.
      const notified = { ...(outcome.notifications.length > 0 ? { notifications: outcome.notifications } : {}), ...requests };
      return refused
        ? { input, status: 'failed', durationMs, result: outcome.result, error: `the action answered success: false (${String((outcome.result as { error?: unknown }).error ?? 'no reason')})`, ...notified }
        : { input, status: 'succeeded', durationMs, result: outcome.result, ...notified };
    };

    /** A declarative action's sample: an http action's request answered from the sample's answers; nothing else runs before approval. */
    const runDeclared = async (input: SampleInput, planned: PlannedAction, params: Record<string, unknown>): Promise<DryRunStep> => {
      const started = performance.now();
      if (planned.declared?.type !== 'http') return { input, status: 'failed', durationMs: 0, error: `a ${planned.type} action is not run in a dry run` };
      const policy = {
        origins: manifest.capabilities.http,
        secretHosts: new Map((manifest.secrets ?? []).map((secret) => [secret.name, secret.hosts] as const)),
        limits: DEFAULT_HTTP_LIMITS,
      };
      const { result, http } = await runHttpAction(planned.declared.http, params, async (request) => answerFromSamples(request, input.http ?? [], policy));
      const durationMs = performance.now() - started;
      return result.success
        ? { input, status: 'succeeded', durationMs, result, http }
        : { input, status: 'failed', durationMs, result, error: `the action answered success: false (${result.error ?? 'no reason'})`, http };
    };

    const steps: DryRunStep[] = [];
    const listing = await run({ method: 'getActions' }, { method: 'getActions', tenantId: DRY_RUN_TENANT });
    steps.push(listing);
    if (listing.status === 'succeeded') {
      const plan = planActions(manifest, Array.isArray(listing.result) ? (listing.result as unknown as ModAction[]) : []).actions;
      const actions = plan.map((planned) => planned.action);
      for (const input of candidate.sampleInputs) {
        if (input.method !== 'executeAction') {
          steps.push(await run(input, { method: input.method, tenantId: DRY_RUN_TENANT }));
          continue;
        }
        const action = input.action ?? '';
        const params = input.params ?? {};
        const check = checkActionParams(actions, action, params);
        const planned = plan.find((candidateAction) => candidateAction.action.slug === action);
        steps.push(!check.ok
          ? { input, status: 'failed', durationMs: 0, error: `sample params refused by the action's schema: ${check.problems.join('; ')}` }
          : planned && planned.type !== 'code'
            ? await runDeclared(input, planned, params)
            : await run(input, { method: 'executeAction', tenantId: DRY_RUN_TENANT, action, params }));
      }
    }
    return { ok: steps.every((s) => s.status === 'succeeded'), steps };
  }
}

