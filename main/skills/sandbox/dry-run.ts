// The pipeline's dry run: getActions, then every sample input of the candidate, each a real
// sandboxed execution. Their rows go to a scratch partition that later samples can read and that
// is removed at the end, so nothing of a dry run stays. Sample params must satisfy the schema.
// Nothing reaches the network: each foundry.http request is answered from the sample's declared
// answers (or refused), under the same host and secret checks as a live request.
import { randomUUID } from 'node:crypto';
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
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

    const steps: DryRunStep[] = [];
    const listing = await run({ method: 'getActions' }, { method: 'getActions', tenantId: DRY_RUN_TENANT });
    steps.push(listing);
    if (listing.status === 'succeeded') {
      for (const input of candidate.sampleInputs) {
        if (input.method !== 'executeAction') {
          steps.push(await run(input, { method: input.method, tenantId: DRY_RUN_TENANT }));
          continue;
        }
        const action = input.action ?? '';
        const params = input.params ?? {};
        const check = checkActionParams(listing.result, action, params);
        steps.push(check.ok
          ? await run(input, { method: 'executeAction', tenantId: DRY_RUN_TENANT, action, params })
          : { input, status: 'failed', durationMs: 0, error: `sample params refused by the action's schema: ${check.problems.join('; ')}` });
      }
    }
    return { ok: steps.every((s) => s.status === 'succeeded'), steps };
  }
}

