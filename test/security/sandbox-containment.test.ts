// Runs hostile skills in the sandbox with the static audit skipped, and checks that nothing gets
// out: no file, environment or process change on the host, nothing host-side in what comes back,
// every execution ends, and this process keeps ticking.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionOutcome, ExecutionRequest, SandboxSkill } from '../../main/skills/sandbox/index.ts';
import { action, call, manifest, openHarness, skillWith, watchResponsiveness, type Harness } from '../unit/sandbox/skills.ts';
import { HOSTILE_CASES } from './sandbox-hostile-cases.ts';

interface SharedHostileSkill {
  id: string;
  description: string;
  source: string;
  staticallyBlocked: boolean;
}

// Written by another engineer; used as soon as it exists.
const SHARED_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/hostile-skills.ts');
const shared: SharedHostileSkill[] = fs.existsSync(SHARED_FIXTURES)
  ? ((await import(pathToFileURL(SHARED_FIXTURES).href)) as { HOSTILE_SKILLS: SharedHostileSkill[] }).HOSTILE_SKILLS
  : [];

/** Hostile runs get a short limit to keep the suite quick; what must succeed keeps the default 5 s. */
const HOSTILE_MS = 500;
const SECRET = `secret-${process.pid}-${Date.now()}`;
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CAPABILITIES = { reads: ['exo_a', 'exo_probe'], writes: ['exo_a', 'exo_probe'], notifications: true };
/** Parameters the shared fixtures read (sizes, keys, URLs chosen at run time). */
const FIXTURE_PARAMS = {
  size: 1e9,
  a: 'constructor',
  b: 'constructor',
  codes: [101, 118, 97, 108],
  table: 'exo_secrets',
  url: 'https://evil.example/',
  host: 'evil.example',
  skill: 'custom-other',
  text: `${'a'.repeat(40)}!`,
};

let h: Harness;
let canaryDir: string;
let canary: string;
let envBefore: string;
let cwdBefore: string;
let watch: ReturnType<typeof watchResponsiveness>;

beforeAll(() => {
  process.env.FOUNDRY_CONTAINMENT_SECRET = SECRET;
  canaryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundry-canary-'));
  canary = path.join(canaryDir, 'canary.txt');
  fs.writeFileSync(canary, SECRET);
  envBefore = JSON.stringify(process.env);
  cwdBefore = process.cwd();
  h = openHarness({ graceMs: 2_000, warmIsolates: 2 });
  watch = watchResponsiveness();
});

afterAll(async () => {
  const { longestGapMs, ticks } = watch.stop();
  await h.close();
  fs.rmSync(canaryDir, { recursive: true, force: true });
  delete process.env.FOUNDRY_CONTAINMENT_SECRET;
  // This process kept ticking through every hostile execution (running one here would block it for HOSTILE_MS).
  expect(ticks).toBeGreaterThan(0);
  expect(longestGapMs).toBeLessThan(HOSTILE_MS - 50);
});

function hostile(request: ExecutionRequest): ExecutionRequest {
  return { ...request, limits: { timeoutMs: HOSTILE_MS } };
}

function hostileSkill(body: string): SandboxSkill {
  return skillWith(body.replaceAll('__CANARY__', canary), CAPABILITIES, ['exo_a']);
}

function sharedSkill(source: string): SandboxSkill {
  const slug = 'custom-hostile-probe';
  return { slug, version: '0.0.1', versionId: null, code: source, manifest: manifest(slug, CAPABILITIES), grantedWrites: CAPABILITIES.writes };
}

function expectContained(outcome: ExecutionOutcome) {
  expect(['succeeded', 'failed']).toContain(outcome.record.status);
  // A host crash would be contained too (main records it and restarts the host), but none of
  // these should even get that far.
  expect(outcome.error?.code).not.toBe('crashed');
  const leaked = JSON.stringify({ result: outcome.result, logs: outcome.logs, error: outcome.error, notifications: outcome.notifications });
  for (const hostValue of [SECRET, REPO_ROOT, canaryDir, process.execPath, os.homedir() === '/' ? null : os.homedir(), 'node_modules']) {
    if (hostValue) expect(leaked).not.toContain(hostValue);
  }
  expect(fs.readFileSync(canary, 'utf8')).toBe(SECRET);
  expect(fs.readdirSync(canaryDir)).toEqual(['canary.txt']);
  expect(JSON.stringify(process.env)).toBe(envBefore);
  expect(process.cwd()).toBe(cwdBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'then')).toBe(false);
}

describe('hostile skills stay inside the sandbox', () => {
  it.each(HOSTILE_CASES.map((c) => [c.id, c.body]))('%s', async (_id, body) => {
    expectContained(await h.sandbox.execute(hostile(action(hostileSkill(body)))));
  });

  // Every entry, blocked statically or not: the sandbox must hold even when the audit is skipped.
  it.skipIf(shared.length === 0).each(shared.map((s) => [s.id, s.source]))('shared fixture %s', async (_id, source) => {
    const skill = sharedSkill(source);
    for (const request of [call(skill, 'getData'), action(skill, FIXTURE_PARAMS, 'probe')]) {
      expectContained(await h.sandbox.execute(hostile(request)));
    }
  });
});

describe('what the hostile skills observed', () => {
  const run = async (body: string) => (await h.sandbox.execute(action(hostileSkill(body)))) as ExecutionOutcome;

  it('code generation from strings is refused in every form', async () => {
    for (const body of [`return eval('1');`, `return Function('return 1')();`, `return (async () => {}).constructor('return 1');`, `return new (class extends Function {})('return 1');`]) {
      const outcome = await run(body);
      expect(outcome.record.error).toBe('skill-error: Code generation from strings is disabled in the sandbox.');
    }
  });

  it('no Node API and nothing of the host exists inside', async () => {
    const outcome = await run(HOSTILE_CASES.find((c) => c.id === 'node-globals')!.body);
    expect(outcome.result).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
    const globals = await run(HOSTILE_CASES.find((c) => c.id === 'symbols-of-global')!.body);
    const names = globals.result as string[];
    expect(names).toContain('supabase');
    expect(names).toContain('foundry');
    for (const hostName of ['process', 'require', 'ivm', '$0', 'hostQuery', 'Buffer']) expect(names).not.toContain(hostName);
  });

  it('stack frames show only the skill and the prelude, never host files', async () => {
    const outcome = await run(HOSTILE_CASES.find((c) => c.id === 'prepare-stack-trace-frames')!.body);
    expect(outcome.record.status).toBe('succeeded');
    expect(JSON.stringify(outcome.result)).not.toMatch(/\.ts\b|file:|\/work\//);
  });

  it('writes issued after the result, or by a failed execution, are never stored', async () => {
    const done = await run(HOSTILE_CASES.find((c) => c.id === 'write-after-done')!.body);
    expect(done.result).toBe('ok');
    const failed = await h.sandbox.execute(hostile(action(hostileSkill(`await supabase.from('exo_a').insert({ doomed: true }); for (;;) {}`))));
    expect(failed.record.status).toBe('failed');
    const rows = h.rows('exo_a', 'custom-probe');
    expect(rows.filter((row) => row.after_done === true || row.doomed === true)).toEqual([]);
  });

  it('a blocked call found only at run time is refused', async () => {
    const outcome = await run(HOSTILE_CASES.find((c) => c.id === 'computed-rpc')!.body);
    expect(outcome.record.error).toBeNull();
    expect(outcome.result).toEqual({ data: null, error: { message: 'rpc() is never allowed in a skill.' } });
    const tables = h.store.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['executions', 'skill_rows', 'audit_log', 'settings']));
  });

  it('built-ins a skill changes through aliases stay changed only inside that one execution', async () => {
    const changed = await run(HOSTILE_CASES.find((c) => c.id === 'built-ins-changed-through-aliases')!.body);
    expect(changed.result).toEqual([-1, 'yes', { forged: true }, true]);
    const next = await run(`return [Math.max(1, 2), ({} as any).polluted ?? null, JSON.parse('{"a":1}'), [].includes(1 as never)];`);
    expect(next.result).toEqual([2, null, { a: 1 }, false]);
  });

  it('a constructor spelled from coerced text still cannot generate code', async () => {
    const outcome = await run(HOSTILE_CASES.find((c) => c.id === 'constructor-through-coerced-text')!.body);
    expect(outcome.record.error).toBe('skill-error: Code generation from strings is disabled in the sandbox.');
  });

  it('a prototype set from JSON touches only the copy, never other objects', async () => {
    const outcome = await run(HOSTILE_CASES.find((c) => c.id === 'json-proto-into-assign')!.body);
    expect(outcome.result).toEqual([true, null]);
  });

  it('a write through the global object is held to the same write grant as a direct one', async () => {
    const body = HOSTILE_CASES.find((c) => c.id === 'supabase-through-global-object')!.body;
    const written = () => h.rows('exo_a', 'custom-probe').filter((row) => row.via_global === true).length;
    const before = written();
    const granted = await run(body);
    expect(granted.record.status).toBe('succeeded');
    expect(written()).toBe(before + 1);
    const ungranted = await h.sandbox.execute(action(skillWith(body, { reads: ['exo_a'] })));
    expect(JSON.stringify(ungranted.result)).toMatch(/error/);
    expect(written()).toBe(before + 1);
  });
});
