// The host's prepared isolates and contexts, in this process: what is prepared ahead is handed to
// exactly one skill version, and every execution still starts from a fresh context.
import { afterEach, describe, expect, it } from 'vitest';
import { Execution } from '../../../main/skills/sandbox/host/execution.ts';
import { transpileSkill } from '../../../main/skills/sandbox/host/transpile.ts';
import { BlankIsolates, WarmIsolate, type IsolateSettings, type PreparedContext } from '../../../main/skills/sandbox/host/warm-isolate.ts';
import type { HostExecutionLimits, HostOutcome } from '../../../main/skills/sandbox/protocol.ts';

const SETTINGS: IsolateSettings = {
  memoryMb: 32,
  maxOutputChars: 64 * 1024,
  maxLogChars: 100,
  maxQueryChars: 4 * 1024,
  maxLogEntries: 5,
  onCatastrophicError: (message) => {
    throw new Error(`isolated-vm failed catastrophically in a test: ${message}`);
  },
};
const LIMITS: HostExecutionLimits = {
  timeoutMs: 2_000, memoryMb: 32, warmIsolates: 2, maxOutputBytes: 64 * 1024, maxQueryBytes: 4 * 1024,
  maxHostCalls: 10, maxLogEntries: 5, maxLogChars: 100, maxNotifications: 0,
};

const made: WarmIsolate[] = [];
const blankSets: BlankIsolates[] = [];
afterEach(() => {
  for (const warm of made.splice(0)) warm.dispose();
  for (const blanks of blankSets.splice(0)) blanks.dispose();
});

function blanks(): BlankIsolates {
  const set = new BlankIsolates();
  blankSets.push(set);
  return set;
}

/** A skill whose getData body is `body`. */
function skill(body: string): string {
  return `export class ProbeExecutor {\n  async getData(tenant_id: string): Promise<unknown> {\n${body}\n  }\n}\n`;
}

async function compile(source: string, blank?: ReturnType<BlankIsolates['take']>): Promise<WarmIsolate> {
  const transpiled = transpileSkill(source);
  if (!transpiled.ok) throw new Error(transpiled.message);
  const created = await WarmIsolate.create(transpiled.script, SETTINGS, blank);
  if ('error' in created) throw new Error(created.error);
  made.push(created);
  return created;
}

interface Run {
  outcome: HostOutcome;
  logs: string[];
  timedOut: boolean;
}

async function run(warm: WarmIsolate, reply = '{"data":[],"error":null}', limits: Partial<HostExecutionLimits> = {}): Promise<Run> {
  let timedOut = false;
  const request = { type: 'execute' as const, id: 1, skillKey: 'test', source: '', method: 'getData' as const, args: '["t"]', config: '{}', notifications: false, limits: { ...LIMITS, ...limits } };
  const execution: Execution = new Execution(request, await warm.takeContext(), (_kind, callId) => queueMicrotask(() => execution.deliver(callId, reply)), () => {
    timedOut = true;
  });
  const { outcome, logs } = await execution.finished;
  return { outcome, logs, timedOut };
}

const output = (result: Run): unknown => (result.outcome.status === 'succeeded' ? JSON.parse(result.outcome.output) : result.outcome);

describe('the blank isolate prepared ahead', () => {
  it('serves one version only: what its first run leaves behind is absent for the next version', async () => {
    const set = blanks();
    set.refill(SETTINGS);
    await set.ready();
    const first = set.take(SETTINGS);
    expect(first).toBeDefined();
    expect(set.take(SETTINGS)).toBeUndefined();

    const leaky = skill(`const g = globalThis as any; const seen = g.leak ?? null; g.leak = 'left by A'; (Object.prototype as any).polluted = 'A'; return seen;`);
    const a = await compile(leaky, first);
    expect(output(await run(a))).toBeNull();

    set.refill(SETTINGS);
    await set.ready();
    const second = set.take(SETTINGS);
    expect(second?.isolate).not.toBe(first?.isolate);
    const b = await compile(skill(`return [typeof (globalThis as any).leak, typeof ({} as any).polluted];`), second);
    expect(output(await run(b))).toEqual(['undefined', 'undefined']);
    // And A's own next run starts from a fresh context too.
    expect(output(await run(a))).toBeNull();
  });

  it('is only handed out under the settings it was made for', async () => {
    const set = blanks();
    set.refill(SETTINGS);
    expect(set.take({ ...SETTINGS, memoryMb: 64 })).toBeUndefined();
    expect(set.take({ ...SETTINGS, maxLogEntries: 6 })).toBeUndefined();
    expect(set.take(SETTINGS)).toBeDefined();
  });

  it('is consumed by a version that does not compile, and the next version still gets a sound isolate', async () => {
    const set = blanks();
    set.refill(SETTINGS);
    const blank = set.take(SETTINGS)!;
    const broken = await WarmIsolate.create('(function (exports, module) { return 1 +; })', SETTINGS, blank);
    expect(broken).toMatchObject({ error: expect.stringMatching(/SyntaxError|Unexpected/) });
    expect(blank.isolate.isDisposed).toBe(true);
    set.refill(SETTINGS);
    const next = await compile(skill(`return 'fine';`), set.take(SETTINGS));
    expect(output(await run(next))).toBe('fine');
  });
});

describe('a prepared context', () => {
  it('holds the module factory but runs no module code before the execution starts', async () => {
    const counted = `const g = globalThis as any;\ng.loads = (g.loads ?? 0) + 1;\n${skill(`return (globalThis as any).loads;`)}`;
    const warm = await compile(counted);
    warm.prepareSpare();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The module code ran once in each context, when the execution started, not when it was prepared.
    expect(output(await run(warm))).toBe(1);
    expect(output(await run(warm))).toBe(1);
  });

  it('answers queries and logs through the execution it is bound to', async () => {
    const warm = await compile(skill(`foundry.log('a', { n: 1 }); const { data } = await supabase.from('exo_a').select('*'); foundry.log('b'); return data;`));
    const result = await run(warm, '{"data":[{"x":1}],"error":null}');
    expect(output(result)).toEqual([{ x: 1 }]);
    expect(result.logs).toEqual(['a {"n":1}', 'b']);
  });
});

describe('logs queued by the prelude', () => {
  it('stop at maxLogEntries, each clipped to maxLogChars, even when the skill patches the built-ins the prelude uses', async () => {
    const warm = await compile(skill(`
      (String.prototype as any).slice = function () { return String(this); };
      (Array.prototype as any).join = function () { return 'x'.repeat(10_000); };
      for (let i = 0; i < 1_000; i++) foundry.log('entry', i);
      return 'logged';`));
    const result = await run(warm);
    expect(output(result)).toBe('logged');
    expect(result.logs).toHaveLength(LIMITS.maxLogEntries);
    for (const entry of result.logs) expect(entry.length).toBeLessThanOrEqual(LIMITS.maxLogChars);
  });
});

describe('the wall-clock limit', () => {
  it('ends an execution awaiting a host answer that never comes', async () => {
    const warm = await compile(skill(`await supabase.from('exo_a').select('*'); return 'answered';`));
    let timedOut = false;
    const request = { type: 'execute' as const, id: 1, skillKey: 'test', source: '', method: 'getData' as const, args: '["t"]', config: '{}', notifications: false, limits: { ...LIMITS, timeoutMs: 150 } };
    const started = performance.now();
    const execution = new Execution(request, await warm.takeContext(), () => {}, () => {
      timedOut = true;
    });
    const { outcome, poisoned } = await execution.finished;
    expect(outcome).toMatchObject({ status: 'failed', code: 'timeout' });
    expect(poisoned).toBe(true);
    expect(timedOut).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('is enforced by checkDeadline even while a call into the isolate has not come back', async () => {
    let timedOut = false;
    let bound = false;
    const stuck: PreparedContext = {
      bind: () => {
        bound = true;
      },
      start: () => new Promise(() => {}),
      deliver: () => new Promise(() => {}),
      release: () => {},
    };
    const request = { type: 'execute' as const, id: 1, skillKey: 'test', source: '', method: 'getData' as const, args: '[]', config: '{}', notifications: false, limits: { ...LIMITS, timeoutMs: 1_000 } };
    const execution = new Execution(request, stuck, () => {}, () => {
      timedOut = true;
    });
    expect(bound).toBe(true);
    execution.checkDeadline(Date.now());
    expect(timedOut).toBe(false);
    execution.checkDeadline(Date.now() + 1_000);
    expect(timedOut).toBe(true);
  });
});
