import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { isWorthRetrying } from '../../../main/skills/registry/retry-policy.ts';
import { sandboxFailure, type SandboxFailureCode } from '../../../main/skills/sandbox/errors.ts';
import { validateExecutionRequest, type ExecutionRequest } from '../../../main/skills/sandbox/execution-request.ts';
import { DEFAULT_LIMITS } from '../../../main/skills/sandbox/limits.ts';
import type { ExecutionOutcome, Sandbox } from '../../../main/skills/sandbox/index.ts';
import { createSkillService } from '../../../main/skills/service.ts';
import type { ExecutionRecord } from '../../../shared/contract/records.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openFlow, rejection, type Flow } from './flow-fixtures.ts';

const tempDir = useTempDir();

let flow: Flow;
/** Every request that reached the sandbox. */
let requests: ExecutionRequest[];
/** Failures the sandbox answers with, one per execution, before it runs skills for real. */
let scriptedFailures: SandboxFailureCode[];
/** Extra fields merged into every action getActions() lists. */
let actionExtras: Record<string, unknown>;
/** HTTP requests other than GET/HEAD each scripted failure had sent before it failed. */
let sentPosts = 0;

function failedOutcome(code: SandboxFailureCode, nonIdempotentRequests = 0): ExecutionOutcome {
  const record = { id: 900 + requests.length, skillSlug: 'custom-water-tracker', action: 'log_water', actor: 'owner', trigger: 'manual', status: 'failed' } as ExecutionRecord;
  return { record, notifications: [], logs: [], error: sandboxFailure(code, 'scripted'), warm: false, nonIdempotentRequests };
}

function openService() {
  const real = flow.engine.skills.sandbox;
  const spy: Sandbox = {
    execute: async (request) => {
      requests.push(request);
      if (request.call.method === 'getActions') {
        const outcome = await real.execute(request);
        return { ...outcome, result: (outcome.result as Record<string, unknown>[]).map((a) => ({ ...a, ...actionExtras })) } as ExecutionOutcome;
      }
      const failure = scriptedFailures.shift();
      return failure ? failedOutcome(failure, sentPosts) : real.execute(request);
    },
    close: () => real.close(),
    get hostPid() { return real.hostPid; },
    get runtimeStatus() { return real.runtimeStatus; },
    start: () => real.start(),
  };
  return createSkillService({ store: flow.engine.store, skills: { generate: flow.engine.skills.generate, sandbox: spy }, config: flow.engine.config });
}

const writeConfig = (text: string) => writeFileSync(flow.engine.config.file, text);
const actionRuns = () => requests.filter((r) => r.call.method === 'executeAction');

beforeEach(async (context) => {
  flow = await openFlow(tempDir());
  context.onTestFinished(() => flow.close());
  requests = [];
  scriptedFailures = [];
  actionExtras = {};
  sentPosts = 0;
  await flow.approvedWaterTracker();
});

describe('an action’s time limit', () => {
  it('is seed 000’s 5 s unless the action asks, and never above config.yaml’s maximum', () => {
    const request = (extra: Partial<ExecutionRequest>): ExecutionRequest => ({
      skill: { slug: 'custom-x', version: '1.0.0', versionId: null, code: 'x', manifest: { slug: 'custom-x', capabilities: { reads: [], writes: [], notifications: false } } as never, grantedWrites: [] },
      call: { method: 'getData', tenantId: 'local' }, trigger: 'manual', actor: 'owner', ...extra,
    });
    expect(validateExecutionRequest(request({ maxTimeoutMs: 30_000 }), DEFAULT_LIMITS).timeoutMs).toBe(5_000);
    expect(validateExecutionRequest(request({ maxTimeoutMs: 30_000, limits: { timeoutMs: 20_000 } }), DEFAULT_LIMITS).timeoutMs).toBe(20_000);
    expect(validateExecutionRequest(request({ maxTimeoutMs: 30_000, limits: { timeoutMs: 120_000 } }), DEFAULT_LIMITS).timeoutMs).toBe(30_000);
    expect(validateExecutionRequest(request({ maxTimeoutMs: 2_000 }), DEFAULT_LIMITS).timeoutMs).toBe(2_000);
  });

  it('asked for in getActions() reaches the sandbox bounded by skills.execution.timeoutMs, read at each run', async () => {
    actionExtras = { timeoutMs: 45_000 };
    const service = openService();
    await service.execute('owner', 'custom-water-tracker', 'log_water', { amount_ml: 250 });
    expect(actionRuns().at(-1)).toMatchObject({ limits: { timeoutMs: 45_000 }, maxTimeoutMs: 30_000 });
    flow.engine.config.set('skills.execution.timeoutMs', 10_000, 'owner');
    await service.execute('owner', 'custom-water-tracker', 'log_water', { amount_ml: 250 });
    expect(validateExecutionRequest(actionRuns().at(-1)!, DEFAULT_LIMITS).timeoutMs).toBe(10_000);
  });
});

describe('retrying a failed execution', () => {
  it('runs again after the sandbox host crashed, up to maxRetries, each attempt recorded', async () => {
    const service = openService();
    scriptedFailures = ['crashed', 'host-unavailable'];
    const result = await service.execute('owner', 'custom-water-tracker', 'log_water', { amount_ml: 250 });
    expect(result.result).toMatchObject({ success: true });
    expect(actionRuns()).toHaveLength(3);
    expect(flow.events().filter((e) => e.event === 'skill.executed').map((e) => e.data.status)).toEqual(['failed', 'failed', 'succeeded']);
  });

  it('gives up after maxRetries retries, and with maxRetries 0 does not retry at all', async () => {
    const service = openService();
    scriptedFailures = ['crashed', 'crashed', 'crashed', 'crashed'];
    expect((await rejection(service.execute('owner', 'custom-water-tracker', 'log_water', { amount_ml: 250 }))).reason).toBe('crashed');
    expect(actionRuns()).toHaveLength(3);
    writeConfig('skills:\n  execution:\n    maxRetries: 0\n');
    scriptedFailures = ['crashed'];
    await rejection(service.execute('owner', 'custom-water-tracker', 'log_water', { amount_ml: 250 }));
    expect(actionRuns()).toHaveLength(4);
  });

  it('never repeats an execution that sent a request other than GET or HEAD before the host crashed', async () => {
    const service = openService();
    sentPosts = 1;
    scriptedFailures = ['crashed'];
    expect((await rejection(service.execute('owner', 'custom-water-tracker', 'log_water', { amount_ml: 250 }))).reason).toBe('crashed');
    expect(actionRuns()).toHaveLength(1);
  });

  it('never retries what the skill itself got wrong: an error it threw, a timeout, too much memory', async () => {
    const service = openService();
    for (const code of ['skill-error', 'timeout', 'memory', 'invalid-output'] as const) {
      scriptedFailures = [code];
      expect((await rejection(service.execute('owner', 'custom-water-tracker', 'log_water', { amount_ml: 250 }))).reason).toBe(code);
    }
    expect(actionRuns()).toHaveLength(4);
  });

  it('is unsafe once a write was committed or a non-GET/HEAD request was sent, whatever the failure', () => {
    expect(isWorthRetrying({ failure: 'crashed', committedWrites: 0, nonIdempotentRequests: 0 })).toBe(true);
    expect(isWorthRetrying({ failure: 'crashed', committedWrites: 0, nonIdempotentRequests: 1 })).toBe(false);
    expect(isWorthRetrying({ failure: 'crashed', committedWrites: 1, nonIdempotentRequests: 0 })).toBe(false);
  });
});

describe('skills.enabled: false', () => {
  it('refuses to run custom skills with the reason, audited, while built-in mods still run', async () => {
    const service = openService();
    flow.engine.config.set('skills.enabled', false, 'owner');
    const error = await rejection(service.execute('owner', 'custom-water-tracker', 'log_water', { amount_ml: 250 }));
    expect(error).toMatchObject({ code: 'conflict', reason: 'skills-disabled', userMessage: { en: expect.stringContaining('skills.enabled: false'), pl: expect.stringContaining('wyłączone') } });
    expect(actionRuns()).toEqual([]);
    expect(flow.events().filter((e) => e.event === 'skill.run-refused').at(-1)?.data).toMatchObject({ reason: 'skills-disabled' });
    expect((await service.execute('owner', 'sleep-tracker', 'log_sleep', { hours: 7 })).result).toMatchObject({ success: true });
  });
});
