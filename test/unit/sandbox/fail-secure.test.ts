import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxSkill } from '../../../main/skills/sandbox/index.ts';
import { action, call, openHarness, skillWith, waterTracker, watchResponsiveness, type Harness } from './skills.ts';

const TABLE = { reads: ['exo_probe_entries'], writes: ['exo_probe_entries'] };
const GRANT = ['exo_probe_entries'];
/** Inserts a row, then misbehaves: whatever happens, that row must not be stored. */
const writeThen = (misbehaviour: string) =>
  skillWith(`await supabase.from('exo_probe_entries').insert({ tenant_id, doomed: true });\n${misbehaviour}`, TABLE, GRANT);

/** Runaway skills get a short limit; everything expected to succeed keeps the default 5 s (CI machines are slow). */
const RUNAWAY_MS = 600;
const runaway = (skill: SandboxSkill) => ({ ...action(skill), limits: { timeoutMs: RUNAWAY_MS } });

let h: Harness;
beforeAll(() => {
  h = openHarness({ graceMs: 1_500 });
});
afterAll(() => h.close());

async function expectNextExecutionWorks() {
  const next = await h.sandbox.execute(action(waterTracker(), { amount_ml: 100 }, 'log_water', `after-${Math.random()}`));
  expect(next.record.status).toBe('succeeded');
  expect(next.result).toEqual({ success: true });
}

function probeRows() {
  return h.rows('exo_probe_entries', 'custom-probe');
}

describe('a failed execution writes nothing and the next one works', () => {
  it('an infinite loop times out', async () => {
    const outcome = await h.sandbox.execute(runaway(writeThen('while (true) {}')));
    expect(outcome.record).toMatchObject({ status: 'failed', outputSha256: null, error: expect.stringMatching(/^timeout: /) });
    expect(outcome.error?.message.pl).toMatch(/zbyt długo/);
    expect(probeRows()).toEqual([]);
    await expectNextExecutionWorks();
  });

  it('a loop awaiting host calls forever times out on the wall clock', async () => {
    const outcome = await h.sandbox.execute(runaway(writeThen(`for (;;) { await supabase.from('exo_probe_entries').select('*').limit(1); }`)));
    expect(outcome.record).toMatchObject({ status: 'failed', error: expect.stringMatching(/^timeout: /) });
    expect(probeRows()).toEqual([]);
    await expectNextExecutionWorks();
  });

  it('a microtask flood times out', async () => {
    const outcome = await h.sandbox.execute(runaway(writeThen(`const spin = () => Promise.resolve().then(spin); spin(); return 1;`)));
    expect(outcome.record).toMatchObject({ status: 'failed', error: expect.stringMatching(/^timeout: /) });
    expect(probeRows()).toEqual([]);
    await expectNextExecutionWorks();
  });

  it('running out of memory fails the execution', async () => {
    const hoarder = writeThen(`const hoard: unknown[] = []; for (let i = 0; ; i++) hoard.push({ i, s: 'x'.repeat(64) + i });`);
    const outcome = await h.sandbox.execute({ ...action(hoarder), limits: { memoryMb: 16, timeoutMs: 5_000 } });
    expect(outcome.record).toMatchObject({ status: 'failed', error: expect.stringMatching(/^memory: /) });
    expect(outcome.record.peakHeapBytes).toBeNull();
    expect(probeRows()).toEqual([]);
    await expectNextExecutionWorks();
  });

  it('a catastrophic out-of-memory error (which isolated-vm cannot survive) fails the execution', async () => {
    const outcome = await h.sandbox.execute(action(writeThen(`return Array.from({ length: 2 ** 31 }, (_, i) => i).length;`)));
    // Whichever sees it first: isolated-vm's own abort, or main's per-execution watch on the host's memory.
    expect(outcome.record).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^memory: (the sandbox host failed: Catastrophic out-of-memory error|the execution grew the sandbox process by \d+ MB)/),
    });
    expect(probeRows()).toEqual([]);
    await expectNextExecutionWorks();
  });

  it('a thrown error fails the execution with its message', async () => {
    const outcome = await h.sandbox.execute(action(writeThen(`throw new TypeError('kaboom');`)));
    expect(outcome.record).toMatchObject({ status: 'failed', error: 'skill-error: kaboom' });
    expect(outcome.error?.message).toEqual({ pl: 'Skill zgłosił błąd: kaboom', en: 'The skill threw an error: kaboom' });
    expect(probeRows()).toEqual([]);
  });

  it('a huge return value fails cleanly', async () => {
    const outcome = await h.sandbox.execute(action(writeThen(`return { blob: 'x'.repeat(3 * 1024 * 1024) };`)));
    expect(outcome.record).toMatchObject({ status: 'failed', error: expect.stringMatching(/^output-too-large: /) });
    expect(outcome.result).toBeUndefined();
    expect(probeRows()).toEqual([]);
    const manySmall = await h.sandbox.execute(action(skillWith(`return Array.from({ length: 400_000 }, (_, i) => i);`)));
    expect(manySmall.error?.code).toBe('output-too-large');
    await expectNextExecutionWorks();
  });

  it('a result that is not JSON fails cleanly', async () => {
    const outcome = await h.sandbox.execute(action(skillWith(`return { n: 10n };`)));
    expect(outcome.record).toMatchObject({ status: 'failed', error: expect.stringMatching(/^invalid-output: /) });
  });

  it('a crash of the host process fails the execution, and the host restarts by itself', async () => {
    const slow = writeThen(`for (;;) { await supabase.from('exo_probe_entries').select('*').limit(1); }`);
    const pending = h.sandbox.execute(action(slow));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const pid = h.sandbox.hostPid;
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');
    const outcome = await pending;
    expect(outcome.record).toMatchObject({ status: 'failed', error: expect.stringMatching(/^crashed: the sandbox host exited \(signal SIGKILL\)/) });
    expect(probeRows()).toEqual([]);
    await expectNextExecutionWorks();
    expect(h.sandbox.hostPid).not.toBe(pid);
  });

  it('keeps the main process responsive during a hostile execution', async () => {
    const watch = watchResponsiveness();
    const busy = skillWith(`const a: number[] = []; for (;;) { a.push(a.length); if (a.length > 1e6) a.length = 0; }`);
    const outcome = await h.sandbox.execute({ ...action(busy), limits: { timeoutMs: 1_000 } });
    const { ticks, longestGapMs } = watch.stop();
    expect(outcome.record.status).toBe('failed');
    expect(ticks).toBeGreaterThan(10);
    // Had the skill run in this process, it would have blocked it for the whole second.
    expect(longestGapMs).toBeLessThan(500);
  });
});

describe('every execution starts from a fresh context', () => {
  it('globals and prototype changes of one execution are gone in the next', async () => {
    const probe = skillWith(`
      const g = globalThis as any;
      const seen = { counter: g.counter ?? null, polluted: ({} as any).polluted ?? null, patched: typeof (Array.prototype as any).evil };
      g.counter = (g.counter ?? 0) + 1;
      (Object.prototype as any).polluted = 'yes';
      (Array.prototype as any).evil = () => 'evil';
      return seen;`);
    const first = await h.sandbox.execute(action(probe));
    const second = await h.sandbox.execute(action(probe));
    expect(first.result).toEqual({ counter: null, polluted: null, patched: 'undefined' });
    expect(second.result).toEqual({ counter: null, polluted: null, patched: 'undefined' });
    expect(second.warm).toBe(true);
  });

  it('module-level state does not survive between executions', async () => {
    const code = `
let calls = 0;
export class CounterExecutor {
  readonly slug = 'custom-counter';
  async getData() { calls += 1; return { calls }; }
  async getInsights() { return []; }
  async executeAction() { return { success: true }; }
  getActions() { return []; }
}`;
    const skill = { ...skillWith(''), code };
    const first = await h.sandbox.execute(call(skill, 'getData'));
    const second = await h.sandbox.execute(call(skill, 'getData'));
    expect([first.result, second.result]).toEqual([{ calls: 1 }, { calls: 1 }]);
  });
});
