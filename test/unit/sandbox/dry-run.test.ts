import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFoundryStore, type FoundryStore } from '../../../main/store/index.ts';
import { createDryRunner, createSandbox, SandboxInputError, type Sandbox } from '../../../main/skills/sandbox/index.ts';
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import { WATER_TRACKER, WATER_TRACKER_MANIFEST } from '../../fixtures/skills.ts';

let dir: string;
let store: FoundryStore;
let sandbox: Sandbox;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundry-dry-run-'));
  store = openFoundryStore(dir);
  sandbox = createSandbox({ store });
});
afterAll(async () => {
  await sandbox.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function candidate(sampleInputs: SkillCandidate['sampleInputs']): SkillCandidate {
  return { code: WATER_TRACKER, manifest: WATER_TRACKER_MANIFEST, configSchema: WATER_TRACKER_MANIFEST.config_schema, skillMd: '', sampleInputs, generator: 'offline', attempt: 1 };
}
const rowCount = () => (store.db.prepare('SELECT count(*) AS n FROM skill_rows').get() as { n: number }).n;

describe('dry run', () => {
  it('lets later samples see what earlier ones wrote, then removes all of it', async () => {
    const report = await createDryRunner(sandbox, store.db)(candidate([
      { method: 'executeAction', action: 'log_water', params: { amount_ml: 300 } },
      { method: 'getData' },
    ]), '1.0.0');
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.input.method)).toEqual(['getActions', 'executeAction', 'getData']);
    expect(report.steps[2]!.result).toMatchObject({ total_ml: 300 });
    expect(rowCount()).toBe(0);
    expect(store.executions.page({ offset: 0, limit: 10 }).items.every((e) => e.trigger === 'dry-run' && e.skillSlug === 'custom-water-tracker')).toBe(true);
  });

  it('fails on sample params the action’s schema refuses, without running them', async () => {
    const before = store.executions.page({ offset: 0, limit: 1 }).total;
    const report = await createDryRunner(sandbox, store.db)(candidate([{ method: 'executeAction', action: 'log_water', params: { amount_ml: 'lots' } }]), '1.0.0');
    expect(report.ok).toBe(false);
    expect(report.steps[1]).toMatchObject({ status: 'failed', error: expect.stringContaining('amount_ml') });
    expect(store.executions.page({ offset: 0, limit: 1 }).total).toBe(before + 1); // getActions only
  });

  it('never lets a request point a skill at another skill’s rows', async () => {
    const skill = { slug: 'custom-water-tracker', version: '1.0.0', versionId: null, code: WATER_TRACKER, manifest: WATER_TRACKER_MANIFEST, grantedWrites: [] };
    await expect(sandbox.execute({ skill, call: { method: 'getData', tenantId: 't' }, trigger: 'manual', actor: 'owner', dataPartition: 'custom-other-skill' }))
      .rejects.toBeInstanceOf(SandboxInputError);
  });
});
