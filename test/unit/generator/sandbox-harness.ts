// Runs candidates in the real sandbox (host process, isolated-vm) on a temporary store. One
// sandbox serves a whole test file; tests keep apart by using their own tenant ids.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openFoundryStore, type FoundryStore } from '../../../main/store/index.ts';
import { createSandbox, type ExecutionOutcome, type Sandbox } from '../../../main/skills/sandbox/index.ts';
import type { HttpSample, SampleInput, SkillCandidate } from '../../../shared/skills/candidate.ts';
import type { JsonObject } from '../../../main/skills/sandbox/json-guards.ts';

/** One candidate at work in the real sandbox, with its settings, the network answered from samples as in a dry run. */
export interface CandidateAtWork {
  call(method: 'getData' | 'getInsights' | 'getActions'): Promise<unknown>;
  call(method: 'executeAction', action: string, params?: Record<string, unknown>): Promise<unknown>;
  /** What the next requests are answered with; a request without an answer is refused, as in a dry run. */
  answer(samples: HttpSample[]): void;
  rows(table: string): Record<string, unknown>[];
  /** What successful executions sent with foundry.notify. */
  notifications: { title: string; body: string }[];
  /** `METHOD origin/path` of every request made, answered or not. */
  requests: string[];
}

export interface CandidateSandbox {
  /** One call as a dry run makes it (settings as given, HTTP answered from the input's samples), with every declared write granted. */
  run(candidate: SkillCandidate, input: SampleInput | { method: 'getActions' }, tenantId: string, config?: JsonObject): Promise<ExecutionOutcome>;
  /** The candidate used over several calls by one tenant of its own. */
  atWork(candidate: SkillCandidate, config: JsonObject, tenantId: string): CandidateAtWork;
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
  function run(candidate: SkillCandidate, input: SampleInput | { method: 'getActions' }, tenantId: string, config: JsonObject = {}): Promise<ExecutionOutcome> {
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
      config,
      network: { mode: 'samples', samples: 'http' in input ? (input.http ?? []) : [] },
    });
  }

  function rows(candidate: SkillCandidate, table: string, tenantId: string): Record<string, unknown>[] {
    if (!store) throw new Error('the sandbox is not open');
    return store.db
      .prepare<[string, string, string], { data: string }>(
        "SELECT data FROM skill_rows WHERE skill_slug = ? AND table_name = ? AND json_extract(data, '$.tenant_id') = ? ORDER BY id",
      )
      .all(candidate.manifest.slug, table, tenantId)
      .map((row) => JSON.parse(row.data) as Record<string, unknown>);
  }

  function atWork(candidate: SkillCandidate, config: JsonObject, tenantId: string): CandidateAtWork {
    let samples: HttpSample[] = [];
    const work: CandidateAtWork = {
      async call(method: SampleInput['method'] | 'getActions', action?: string, params?: Record<string, unknown>) {
        const input = method === 'executeAction' ? { method, action: action ?? '', params: params ?? {}, http: samples } : { method, http: samples };
        const outcome = await run(candidate, input as SampleInput, tenantId, config);
        work.requests.push(...outcome.record.http.map((r) => `${r.method} ${r.origin}${r.path}`));
        work.notifications.push(...outcome.notifications);
        if (outcome.error) throw new Error(outcome.error.message.en);
        return outcome.result;
      },
      answer(next) {
        samples = next;
      },
      rows: (table) => rows(candidate, table, tenantId),
      notifications: [],
      requests: [],
    };
    return work;
  }

  return { run, rows, atWork };
}
