// Runs candidates in the real sandbox (host process, isolated-vm) on a temporary store. One
// sandbox serves a whole test file; tests keep apart by using their own tenant ids.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openFoundryStore, type FoundryStore } from '../../../main/store/index.ts';
import { createSandbox, type ExecutionOutcome, type Sandbox } from '../../../main/skills/sandbox/index.ts';
import type { SampleInput, SkillCandidate } from '../../../shared/skills/candidate.ts';

export interface CandidateSandbox {
  /** One call as a dry run makes it, with every declared write granted. */
  run(candidate: SkillCandidate, input: SampleInput | { method: 'getActions' }, tenantId: string): Promise<ExecutionOutcome>;
  /** The rows one tenant has in one of the candidate's tables. */
  rows(candidate: SkillCandidate, table: string, tenantId: string): Record<string, unknown>[];
}

export function useCandidateSandbox(): CandidateSandbox {
  let dir = '';
  let store: FoundryStore | undefined;
  let sandbox: Sandbox | undefined;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundry-generator-'));
    store = openFoundryStore(dir);
    sandbox = createSandbox({ store });
  });
  afterAll(async () => {
    await sandbox?.close();
    store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    run(candidate, input, tenantId) {
      if (!sandbox) throw new Error('the sandbox is not open');
      const call =
        input.method === 'executeAction'
          ? { method: 'executeAction' as const, tenantId, action: input.action ?? '', params: input.params ?? {} }
          : { method: input.method, tenantId };
      return sandbox.execute({
        skill: {
          slug: candidate.manifest.slug,
          version: candidate.manifest.version,
          versionId: null,
          code: candidate.code,
          manifest: candidate.manifest,
          grantedWrites: candidate.manifest.capabilities.writes,
        },
        call,
        trigger: 'dry-run',
        actor: 'system',
      });
    },
    rows(candidate, table, tenantId) {
      if (!store) throw new Error('the sandbox is not open');
      return store.db
        .prepare<[string, string, string], { data: string }>(
          "SELECT data FROM skill_rows WHERE skill_slug = ? AND table_name = ? AND json_extract(data, '$.tenant_id') = ? ORDER BY id",
        )
        .all(candidate.manifest.slug, table, tenantId)
        .map((row) => JSON.parse(row.data) as Record<string, unknown>);
    },
  };
}
