// Issue 11 §4: 20 skills, each awaiting a 500 ms answer from a local HTTP server, run through the
// real sandbox and the real guarded HTTP client (the owner's allowance for 127.0.0.1 and the
// server's port, as a home-automation box would get). One after another (the design before: one
// execution at a time) and in parallel under the default limits; the figures are printed side by side.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_CONCURRENCY, type ConcurrencyLimits, type ExecutionOutcome, type ExecutionRequest, type SandboxSkill } from '../../main/skills/sandbox/index.ts';
import type { CustomModSlug } from '../../shared/skills/mod-types.ts';
import { withSandbox } from '../execution/sandbox-session.ts';
import { printNote, printRatio, printTarget } from '../harness.ts';
import { readResidentBytes } from '../../main/skills/sandbox/process-memory.ts';

const SKILLS = 20;
const ANSWER_DELAY_MS = 500;
const TARGET_MS = 1_500;

function slowServer(): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    setTimeout(() => response.end('{"price":42}'), ANSWER_DELAY_MS);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ port, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** One of 20 distinct skills (each its own version and isolate) that waits for the slow answer. */
function waiter(index: number, origin: string): SandboxSkill {
  const slug = `custom-waiter-${index}` as CustomModSlug;
  const code = `export class WaiterExecutor {
  readonly slug = '${slug}';
  async getData() { return {}; }
  async getInsights() { return []; }
  async executeAction(): Promise<unknown> {
    const answer = await foundry.http.get('${origin}/price');
    return answer.json();
  }
  getActions() { return []; }
}`;
  const capabilities = { reads: [], writes: [], http: [origin], notifications: false, skills: [] };
  return { slug, version: '1.0.0', versionId: `waiter-${index}`, code, manifest: { slug, name: slug, description: '', version: '1.0.0', capabilities, config_schema: {} }, grantedWrites: [] };
}

function check(outcomes: readonly ExecutionOutcome[]): void {
  const failed = outcomes.find((outcome) => outcome.error);
  if (failed) throw new Error(`a waiter failed: ${failed.error!.code} ${failed.error!.detail}`);
}

export async function parallelBench(): Promise<void> {
  console.log(`\n## Executions in parallel: ${SKILLS} skills, each awaiting a ${ANSWER_DELAY_MS} ms HTTP answer`);
  const server = await slowServer();
  const origin = `http://127.0.0.1:${server.port}`;
  const skills = Array.from({ length: SKILLS }, (_, i) => waiter(i, origin));
  try {
    await withSandbox({ warmIsolates: SKILLS }, async ({ sandbox }) => {
      await sandbox.start();
      const idleRss = readResidentBytes(sandbox.hostPid!);
      const request = (skill: SandboxSkill, concurrency: ConcurrencyLimits): ExecutionRequest => ({
        skill,
        call: { method: 'executeAction', tenantId: 't', action: 'wait', params: {} },
        trigger: 'bench',
        actor: 'system',
        concurrency,
        network: { mode: 'live', secretValue: async () => null, localAllowances: [{ address: '127.0.0.1', port: server.port }] },
      });
      const runAll = async (concurrency: ConcurrencyLimits): Promise<number> => {
        const started = performance.now();
        const outcomes = await Promise.all(skills.map((skill) => sandbox.execute(request(skill, concurrency))));
        check(outcomes);
        return performance.now() - started;
      };
      const runOneByOne = async (): Promise<number> => {
        const started = performance.now();
        for (const skill of skills) check([await sandbox.execute(request(skill, DEFAULT_CONCURRENCY))]);
        return performance.now() - started;
      };
      // Warm: every skill compiled once, so both figures measure waiting, not compiling.
      await runAll(DEFAULT_CONCURRENCY);
      const serial = await runOneByOne();
      const parallel = await runAll(DEFAULT_CONCURRENCY);
      printTarget('one after another (the design before: one execution at a time)', serial, { atLeast: SKILLS * ANSWER_DELAY_MS });
      printTarget(`in parallel, default limits (${DEFAULT_CONCURRENCY.total} running at once; those awaiting an answer step aside)`, parallel, TARGET_MS);
      printRatio('one after another vs in parallel', serial / parallel);
      const rss = sandbox.hostPid === undefined ? undefined : readResidentBytes(sandbox.hostPid);
      if (rss !== undefined && idleRss !== undefined) {
        const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
        printNote(`the one host process: ${mb(idleRss)} MB resident idle, ${mb(rss)} MB with ${SKILLS} warm isolates; a pool of ${DEFAULT_CONCURRENCY.total} host processes would start at ${mb(idleRss * DEFAULT_CONCURRENCY.total)} MB`);
      }
    });
  } finally {
    await server.close();
  }
}
