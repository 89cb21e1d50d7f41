// A generated skill used as a person would use it: calls through the real sandbox (host process,
// isolated-vm) on a temporary store, every declared write granted, no network. Skills read the
// real clock, so "three days ago" is made by moving the dates an action just wrote back by three
// days in the store — the only way to build a history without waiting for it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SkillCandidate } from '../../shared/skills/candidate.ts';
import { openFoundryStore, type FoundryStore } from '../../main/store/index.ts';
import { createSandbox, type Sandbox } from '../../main/skills/sandbox/index.ts';
import { settingsForm } from '../../main/skills/settings/index.ts';

export interface SkillAtWork {
  call(method: 'getData' | 'getInsights' | 'getActions'): Promise<unknown>;
  /** Runs the action; with `daysAgo`, every date it wrote is then moved back that many days. */
  act(action: string, params: Record<string, unknown>, daysAgo?: number): Promise<unknown>;
}

export interface EvalSandbox {
  /** The candidate for one owner of its own (tenants never see each other's rows). */
  atWork(candidate: SkillCandidate): SkillAtWork;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

export function openEvalSandbox(): EvalSandbox {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundry-eval-'));
  const store: FoundryStore = openFoundryStore(dir);
  const sandbox: Sandbox = createSandbox({ store });
  let tenants = 0;

  function rowsOf(slug: string): Map<number, string> {
    const rows = store.db.prepare<[string], { id: number; data: string }>('SELECT id, data FROM skill_rows WHERE skill_slug = ?').all(slug);
    return new Map(rows.map((r) => [r.id, r.data]));
  }

  function backdate(slug: string, before: Map<number, string>, days: number): void {
    const update = store.db.prepare<[string, number]>('UPDATE skill_rows SET data = ? WHERE id = ?');
    for (const [id, data] of rowsOf(slug)) {
      if (before.get(id) === data) continue;
      const row = JSON.parse(data) as Record<string, unknown>;
      for (const [key, value] of Object.entries(row)) {
        if (typeof value !== 'string' || !ISO_DATE.test(value)) continue;
        const moved = new Date(Date.parse(value) - days * DAY_MS).toISOString();
        row[key] = value.length === 10 ? moved.slice(0, 10) : moved;
      }
      update.run(JSON.stringify(row), id);
    }
  }

  function atWork(candidate: SkillCandidate): SkillAtWork {
    const tenantId = `eval-${++tenants}`;
    const { slug } = candidate.manifest;
    // The owner has not changed any setting: the skill runs on its defaults, as after approval.
    const config = settingsForm(candidate.manifest).evaluate({}).effective;
    async function execute(call: { method: 'getData' | 'getInsights' | 'getActions' } | { method: 'executeAction'; action: string; params: Record<string, unknown> }) {
      const outcome = await sandbox.execute({
        skill: { slug, version: candidate.manifest.version, versionId: null, code: candidate.code, manifest: candidate.manifest, grantedWrites: candidate.manifest.capabilities.writes },
        call: { ...call, tenantId },
        trigger: 'dry-run',
        actor: 'system',
        config,
        network: { mode: 'samples', samples: [] },
      });
      if (outcome.error) throw new Error(outcome.error.message.en);
      return outcome.result as unknown;
    }
    return {
      call: (method) => execute({ method }),
      async act(action, params, daysAgo = 0) {
        const before = rowsOf(slug);
        const result = await execute({ method: 'executeAction', action, params });
        if (daysAgo > 0) backdate(slug, before, daysAgo);
        return result;
      },
    };
  }

  return {
    atWork,
    async close() {
      await sandbox.close();
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
