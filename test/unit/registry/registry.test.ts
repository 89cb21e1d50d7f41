import { beforeEach, describe, expect, it } from 'vitest';
import { createSkillRegistry, type SkillRegistry } from '../../../main/skills/registry/dynamic-registry.ts';
import { DynamicSkillExecutor, type ActionDispatch } from '../../../main/skills/registry/dynamic-executor.ts';
import { planActions } from '../../../main/skills/actions/index.ts';
import { createRegistryRepositories } from '../../../main/skills/registry/registry-repositories.ts';
import { SkillExecutionError } from '../../../main/skills/registry/skill-execution-error.ts';
import { ActionParamsError } from '../../../main/mods/index.ts';
import { sandboxFailure } from '../../../main/skills/sandbox/errors.ts';
import { DEFAULT_CONCURRENCY, type ExecutionOutcome, type Sandbox, type SkillCall } from '../../../main/skills/sandbox/index.ts';
import type { ExecutionRecord, SkillVersionRecord } from '../../../shared/contract/records.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openFlow, type Flow } from './flow-fixtures.ts';

const tempDir = useTempDir();
const CONTEXT = { actor: 'assistant', trigger: 'api' } as const;

let flow: Flow;
let registry: SkillRegistry;
/** Every call that reached the sandbox through the registry. */
let sandboxCalls: SkillCall[];

beforeEach(async (context) => {
  flow = await openFlow(tempDir());
  context.onTestFinished(() => flow.close());
  const { store } = flow.engine;
  sandboxCalls = [];
  const spy: Sandbox = {
    execute: (request) => {
      sandboxCalls.push(request.call);
      return flow.engine.skills.sandbox.execute(request);
    },
    close: () => flow.engine.skills.sandbox.close(),
    get hostPid() {
      return flow.engine.skills.sandbox.hostPid;
    },
    get runtimeStatus() {
      return flow.engine.skills.sandbox.runtimeStatus;
    },
    start: () => flow.engine.skills.sandbox.start(),
  };
  registry = createSkillRegistry({
    store, repos: createRegistryRepositories(store), sandbox: () => spy, locale: () => 'en', execution: () => ({ maxTimeoutMs: 30_000, maxRetries: 2, parallel: DEFAULT_CONCURRENCY, http: { maxRequests: 20, maxResponseBytes: 1024 * 1024 } }),
  });
});

const store = () => flow.engine.store;
const skill = (slug = 'custom-water-tracker') => store().skills.list().find((s) => s.slug === slug)!;
const executedEvents = () => flow.events().filter((e) => e.event === 'skill.executed');

describe('getModExecutor', () => {
  it('finds built-in mods first, running in main without the sandbox, each execution recorded and audited', async () => {
    const sleep = await registry.getModExecutor('sleep-tracker', CONTEXT);
    expect(sleep?.slug).toBe('sleep-tracker');
    expect(await sleep!.executeAction('local', 'log_sleep', { hours: 7.5 })).toMatchObject({ success: true });
    await expect(sleep!.executeAction('local', 'log_sleep', { hours: 99 })).rejects.toBeInstanceOf(ActionParamsError);
    expect(sandboxCalls).toEqual([]);

    const executions = store().executions.page({ offset: 0, limit: 10 }).items;
    expect(executions).toEqual([expect.objectContaining({ skillSlug: 'sleep-tracker', action: 'log_sleep', actor: 'assistant', trigger: 'api', status: 'succeeded' })]);
    expect(executedEvents()).toEqual([
      expect.objectContaining({ actor: 'assistant', skillSlug: 'sleep-tracker', data: expect.objectContaining({ executionId: executions[0]!.id, status: 'succeeded', inputSha256: executions[0]!.inputSha256 }) }),
    ]);
    expect((await registry.getModExecutor('energy-monitor', CONTEXT))?.slug).toBe('energy-monitor');
  });

  it('returns generated skills only once a version is approved, as a sandboxed DynamicSkillExecutor', async () => {
    expect(await registry.getModExecutor('custom-water-tracker', CONTEXT)).toBeNull();
    const pending = await flow.pendingWaterTracker();
    expect(await registry.getModExecutor('custom-water-tracker', CONTEXT)).toBeNull();
    expect(registry.resolve('custom-water-tracker')).toEqual({ kind: 'unavailable', reason: 'not-deployed' });
    await flow.service.approve('owner', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await flow.nextCode() });

    const executor = await registry.getModExecutor('custom-water-tracker', CONTEXT);
    expect(executor).toBeInstanceOf(DynamicSkillExecutor);
    expect((executor as DynamicSkillExecutor).version.id).toBe(pending.id);
    expect(executor!.getActions()).toEqual([expect.objectContaining({ slug: 'log_water', name: 'Zapisz wypitą wodę' })]);
    expect(registry.hasDynamicSkill('custom-water-tracker')).toBe(true);
    expect(await registry.getModExecutor('custom-nothing-here', CONTEXT)).toBeNull();
    // The actions are read from the sandbox once per version.
    await registry.getModExecutor('custom-water-tracker', CONTEXT);
    expect(sandboxCalls.filter((c) => c.method === 'getActions')).toHaveLength(1);
  });

  it('runs an approved skill in the sandbox with its approved writes, counting the use and auditing it', async () => {
    const version = await flow.approvedWaterTracker();
    const executor = (await registry.getModExecutor('custom-water-tracker', CONTEXT))!;
    flow.clock.advance(60_000);
    expect(await executor.executeAction('local', 'log_water', { amount_ml: 250 })).toMatchObject({ success: true });
    expect(await executor.getData('local')).toMatchObject({ total_ml: 250 });

    expect(skill()).toMatchObject({ usageCount: 2, lastUsedAt: flow.clock.now().toISOString() });
    const rows = store().db.prepare("SELECT count(*) AS n FROM skill_rows WHERE skill_slug = 'custom-water-tracker'").get() as { n: number };
    expect(rows.n).toBe(1);
    const [logged, read] = executedEvents();
    const execution = store().executions.page({ offset: 0, limit: 10, skillSlug: 'custom-water-tracker' }).items.find((e) => e.action === 'log_water')!;
    expect(logged).toMatchObject({
      actor: 'assistant', skillSlug: 'custom-water-tracker', versionId: version.id, contentSha256: version.contentSha256,
      data: { executionId: execution.id, action: 'log_water', trigger: 'api', status: 'succeeded', inputSha256: execution.inputSha256, outputSha256: execution.outputSha256 },
    });
    expect(read).toMatchObject({ data: { action: 'getData' } });
  });

  it('never lets params the action’s schema refuses reach the sandbox', async () => {
    await flow.approvedWaterTracker();
    const executor = (await registry.getModExecutor('custom-water-tracker', CONTEXT))!;
    const before = sandboxCalls.length;
    for (const [action, params] of [
      ['log_water', { amount_ml: 'a lot' }],
      ['log_water', { amount_ml: 9000 }],
      ['log_water', { amount_ml: 250, extra: 'x' }],
      ['drop_tables', {}],
    ] as const) {
      await expect(executor.executeAction('local', action, params)).rejects.toBeInstanceOf(ActionParamsError);
    }
    expect(sandboxCalls).toHaveLength(before);
    expect(skill().usageCount).toBe(0);
    expect(executedEvents()).toEqual([]);
  });

  it('does not return archived skills, nor one whose running version was edited after approval', async () => {
    const version = await flow.approvedWaterTracker();
    store().db.prepare("UPDATE exo_skill_versions SET code = replace(code, '5000', '50000') WHERE id = ?").run(version.id);
    expect(registry.resolve('custom-water-tracker')).toEqual({ kind: 'unavailable', reason: 'content-changed' });
    expect(await registry.getModExecutor('custom-water-tracker', CONTEXT)).toBeNull();
    store().db.prepare("UPDATE exo_skill_versions SET code = replace(code, '50000', '5000') WHERE id = ?").run(version.id);
    expect(registry.hasDynamicSkill('custom-water-tracker')).toBe(true);

    flow.service.archive('owner', 'custom-water-tracker');
    expect(registry.resolve('custom-water-tracker')).toEqual({ kind: 'unavailable', reason: 'archived' });
    expect(await registry.getModExecutor('custom-water-tracker', CONTEXT)).toBeNull();
  });
});

describe('DynamicSkillExecutor', () => {
  const record = { id: 7 } as ExecutionRecord;
  const outcome = (result: ExecutionOutcome['result'], error?: ExecutionOutcome['error']): ExecutionOutcome => ({
    record, notifications: [], logs: [], warm: true, nonIdempotentRequests: 0, ...(result === undefined ? {} : { result }), ...(error ? { error } : {}),
  });
  const version = { id: 'v', manifest: { slug: 'custom-probe' } } as unknown as SkillVersionRecord;
  const actions = planActions(version.manifest, [{ slug: 'go', name: 'Go', description: '', params_schema: { type: 'object', additionalProperties: false, properties: {} } }]).actions;
  const admitted: ActionDispatch = { admit: async () => {}, runDeclared: () => Promise.reject(new Error('this skill has no declarative actions')) };

  it('turns a failure in the sandbox, or an answer of the wrong shape, into a SkillExecutionError', async () => {
    const failing = new DynamicSkillExecutor(version, actions, async () => outcome(undefined, sandboxFailure('timeout', 'after 5000 ms')), admitted);
    const error = await failing.getData('local').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkillExecutionError);
    expect(error).toMatchObject({ failure: { code: 'timeout' }, execution: { id: 7 }, userMessage: { pl: expect.stringContaining('zatrzymany') } });
    await expect(failing.executeAction('local', 'go', {})).rejects.toBeInstanceOf(SkillExecutionError);

    const odd = new DynamicSkillExecutor(version, actions, async () => outcome('not an object'), admitted);
    await expect(odd.getData('local')).rejects.toMatchObject({ failure: { code: 'invalid-output' } });
    await expect(odd.getInsights('local')).rejects.toMatchObject({ failure: { code: 'invalid-output' } });
    await expect(odd.executeAction('local', 'go', {})).rejects.toMatchObject({ failure: { code: 'invalid-output' } });
    expect(await new DynamicSkillExecutor(version, actions, async () => outcome({ success: false, error: 'no' }), admitted).executeAction('local', 'go', {}))
      .toEqual({ success: false, error: 'no' });
  });
});
