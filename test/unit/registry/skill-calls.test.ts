// Skills calling skills through the service, with real skills approved with both factors and run in
// the real sandbox: declared calls only, each callee on its own rights and data, a chain bounded in
// depth and time and never circular, capabilities resolved to their one provider, and dependents
// disabled (never half-working) while what they depend on is archived or rolled back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openFlow, rejection, type Flow } from './flow-fixtures.ts';
import { approvedWith, generatorOf, pendingWith, waterCaller, waterTrackerGenerator, type SkillParts } from './composition-fixtures.ts';
import { createRegistryRepositories, createSkillRegistry } from '../../../main/skills/registry/index.ts';
import type { SkillCallContext } from '../../../main/skills/actions/index.ts';
import { SkillCallError } from '../../../main/skills/registry/skill-calls.ts';
import { createApiServer } from '../../../main/api/server.ts';
import { createServiceBackend } from '../../../main/api/service-backend.ts';
import { createApiTokenService } from '../../../main/skills/approval/api-token.ts';
import { createPassphraseSecretBox } from '../../../main/skills/approval/secret-box.ts';
import { createAuthorizer } from '../../../main/skills/rbac/authorize.ts';
import { loadRbacPolicy } from '../../../main/skills/rbac/roles.ts';
import { createSkillsConfig } from '../../../main/skills/config/index.ts';

const tempDir = useTempDir();
let flow: Flow;
beforeEach(async () => {
  flow = await openFlow(tempDir());
});
afterEach(() => flow.close());

const TRACKER = 'custom-water-tracker';
const COACH = 'custom-hydration-coach';
const executions = () => flow.engine.store.executions.page({ offset: 0, limit: 100 }).items;
/** Real runs of `slug`'s `action` (not the dry run before approval), newest first. */
const callsTo = (slug: string, action: string) => executions().filter((e) => e.skillSlug === slug && e.action === action && e.trigger !== 'dry-run');
const totalWater = async () => ((await flow.service.execute('owner', TRACKER, 'getData')).result as { total_ml: number }).total_ml;

/** Counts the water entries in its own data: a caller sees only its own rows. */
const coach = waterCaller(COACH, TRACKER, {
  reads: ['exo_water_entries'],
  getData: `const { data } = await supabase.from('exo_water_entries').select('*').eq('tenant_id', tenant_id);
    return { seen: (data ?? []).length };`,
});

const actionList = (slug: string, extra = '') =>
  `[{ slug: '${slug}', name: '${slug}', description: 'A test action', params_schema: { type: 'object', properties: { hours: { type: 'number' }, amount_ml: { type: 'number' } }, additionalProperties: false }${extra} }]`;

describe('a skill calling a skill it declares', () => {
  it('runs the callee as its own execution, recorded as triggered by the caller, for the owner and for the assistant', async () => {
    await approvedWith(flow, waterTrackerGenerator());
    await approvedWith(flow, generatorOf(coach));
    const run = await flow.service.execute('owner', COACH, 'drink', { amount_ml: 300 });
    expect(run.result).toEqual({ success: true, data: expect.objectContaining({ success: true }) });
    await flow.service.execute('assistant', COACH, 'drink', { amount_ml: 200 });
    expect(callsTo(TRACKER, 'log_water').map((e) => [e.actor, e.triggeredBy, e.status])).toEqual([
      ['assistant', `${COACH}@v1.0.0`, 'succeeded'],
      ['owner', `${COACH}@v1.0.0`, 'succeeded'],
    ]);
    expect(await totalWater()).toBe(500);
  });

  it('runs the callee even when only one execution may run at a time: the waiting caller steps aside', async () => {
    await approvedWith(flow, waterTrackerGenerator());
    await approvedWith(flow, generatorOf(coach));
    createSkillsConfig(flow.engine.store).set('skills.execution.maxParallel', 1, 'owner');
    const run = await flow.service.execute('owner', COACH, 'drink', { amount_ml: 100 });
    expect(run.result).toMatchObject({ success: true });
    expect(await totalWater()).toBe(100);
  });

  it('gives the caller nothing of the callee’s: the callee wrote its rows, the caller cannot see them', async () => {
    await approvedWith(flow, waterTrackerGenerator());
    await approvedWith(flow, generatorOf(coach));
    await flow.service.execute('owner', COACH, 'drink', { amount_ml: 250 });
    expect(await totalWater()).toBe(250);
    expect((await flow.service.execute('owner', COACH, 'getData')).result).toEqual({ seen: 0 });
  });

  it('gives the callee nothing of the caller’s: a caller that may write calls a reader, which sees none of the caller’s rows', async () => {
    const peek: SkillParts = {
      slug: 'custom-note-peek',
      reads: ['exo_notes'],
      actions: `if (action === 'peek') { const { data } = await supabase.from('exo_notes').select('*').eq('tenant_id', tenant_id); return { success: true, data: { notes: (data ?? []).length } }; }`,
      actionList: actionList('peek'),
    };
    const keeper: SkillParts = {
      slug: 'custom-note-keeper',
      reads: ['exo_notes'],
      writes: ['exo_notes'],
      dependencies: ['custom-note-peek'],
      skills: ['custom-note-peek'],
      actions: `if (action === 'keep') {
        await supabase.from('exo_notes').insert({ tenant_id, text: 'drink more' });
        const own = await supabase.from('exo_notes').select('*').eq('tenant_id', tenant_id);
        const peeked = await foundry.skills.call('custom-note-peek', 'peek', {});
        return { success: true, data: { own: (own.data ?? []).length, peeked } };
      }`,
      actionList: actionList('keep'),
    };
    await approvedWith(flow, generatorOf(peek));
    await approvedWith(flow, generatorOf(keeper));
    const run = await flow.service.execute('owner', 'custom-note-keeper', 'keep', {});
    expect(run.result).toEqual({ success: true, data: { own: 1, peeked: { success: true, data: { notes: 0 } } } });
  });

  it('calls a built-in mod it declares, recorded as triggered by the caller', async () => {
    const sleeper: SkillParts = {
      slug: 'custom-sleep-logger',
      dependencies: ['sleep-tracker'],
      skills: ['sleep-tracker'],
      actions: `if (action === 'slept') { return { success: true, data: await foundry.skills.call('sleep-tracker', 'log_sleep', { hours: params.hours }) }; }`,
      actionList: actionList('slept'),
    };
    await approvedWith(flow, generatorOf(sleeper));
    const run = await flow.service.execute('owner', 'custom-sleep-logger', 'slept', { hours: 8 });
    expect(run.result).toMatchObject({ success: true, data: { success: true } });
    expect(callsTo('sleep-tracker', 'log_sleep')).toEqual([expect.objectContaining({ triggeredBy: 'custom-sleep-logger@v1.0.0', status: 'succeeded' })]);
  });

  it('ends the whole chain within the first caller’s time: the callee gets at most what is left', async () => {
    const slow: SkillParts = {
      slug: 'custom-slow-count',
      actions: `if (action === 'count') { let s = 0; for (let i = 0; i < 1e13; i++) { s += i; } return { success: true, data: s }; }`,
      actionList: actionList('count'),
    };
    const hurried: SkillParts = {
      slug: 'custom-hurried',
      dependencies: ['custom-slow-count'],
      skills: ['custom-slow-count'],
      actions: `if (action === 'go') { await foundry.skills.call('custom-slow-count', 'count', {}); return { success: true }; }`,
      actionList: actionList('go', ', timeoutMs: 1500'),
    };
    await approvedWith(flow, generatorOf(slow));
    await approvedWith(flow, generatorOf(hurried));
    const error = await rejection(flow.service.execute('owner', 'custom-hurried', 'go', {}));
    // Out of time at once: the caller times out itself, or hears first that its callee did.
    expect(error.code).toBe('execution-failed');
    // The callee's time ends with its caller's: its record lands as the caller's failure is answered.
    const callee = await vi.waitFor(() => callsTo('custom-slow-count', 'count')[0] ?? Promise.reject(new Error('not recorded yet')), { timeout: 10_000 });
    expect(callee).toMatchObject({ status: 'failed', triggeredBy: 'custom-hurried@v1.0.0' });
    const limit = Number(/ran longer than (\d+) ms/.exec(callee!.error ?? '')?.[1]);
    // Its own limit is the default 5 s; what was left of the caller's 1.5 s is what it got.
    expect(limit).toBeGreaterThan(0);
    expect(limit).toBeLessThanOrEqual(1500);
  });
});

describe('calls that are refused', () => {
  function registry() {
    const { store } = flow.engine;
    return createSkillRegistry({
      store,
      repos: createRegistryRepositories(store),
      sandbox: () => flow.engine.skills.sandbox,
      locale: () => 'en',
      execution: () => ({ maxTimeoutMs: 5_000, maxRetries: 0, parallel: { total: 8, perSkill: 1 }, http: { maxRequests: 20, maxResponseBytes: 65_536 } }),
    });
  }
  async function refusal(context: Partial<SkillCallContext>, target = TRACKER): Promise<SkillCallError> {
    const coachVersion = flow.engine.store.versions.active(COACH)!;
    const full: SkillCallContext = {
      caller: { slug: COACH, versionId: coachVersion.id, version: coachVersion.version },
      depth: 0, chain: [COACH], deadline: Date.now() + 5_000, actor: 'owner', trigger: 'manual', ...context,
    };
    try {
      await registry().callSkill(full, target, 'log_water', { amount_ml: 100 });
    } catch (error) {
      if (error instanceof SkillCallError) return error;
      throw error;
    }
    throw new Error('expected the call to be refused');
  }

  beforeEach(async () => {
    await approvedWith(flow, waterTrackerGenerator());
    await approvedWith(flow, generatorOf(coach));
  });

  it('refuses a skill the caller does not list in its dependencies', async () => {
    const error = await refusal({}, 'sleep-tracker');
    expect(error.code).toBe('undeclared');
    expect(error.userMessage.en).toContain('sleep-tracker');
  });

  it('refuses a call back into a skill already in the chain, naming the circle', async () => {
    const error = await refusal({ chain: [TRACKER, COACH], depth: 1 });
    expect(error.code).toBe('cycle');
    expect(error.userMessage.en).toContain(`${TRACKER} → ${COACH} → ${TRACKER}`);
  });

  it('refuses a fourth call deep', async () => {
    expect((await refusal({ depth: 3, chain: ['custom-a', 'custom-b', 'custom-c', COACH] })).code).toBe('too-deep');
  });

  it('refuses a call when the first caller’s time is up', async () => {
    expect((await refusal({ deadline: Date.now() + 1 })).code).toBe('out-of-time');
  });

  it('runs nothing when refused', async () => {
    await refusal({ depth: 3 });
    expect(callsTo(TRACKER, 'log_water')).toEqual([]);
  });
});

describe('capabilities instead of slugs', () => {
  const counter = (target: string): SkillParts => ({ ...waterCaller('custom-glass-counter', target) });

  it('reaches the one approved skill that provides the capability', async () => {
    await approvedWith(flow, waterTrackerGenerator({ provides: ['water.log'] }));
    await approvedWith(flow, generatorOf(counter('water.log')));
    await flow.service.execute('owner', 'custom-glass-counter', 'drink', { amount_ml: 150 });
    expect(callsTo(TRACKER, 'log_water')).toEqual([expect.objectContaining({ triggeredBy: 'custom-glass-counter@v1.0.0' })]);
  });

  it('refuses to run while several skills provide it, naming them', async () => {
    await approvedWith(flow, waterTrackerGenerator({ provides: ['water.log'] }));
    await approvedWith(flow, generatorOf(counter('water.log')));
    await approvedWith(flow, generatorOf({ slug: 'custom-spring-water', provides: ['water.log'], actions: '', actionList: '[]' }));
    const error = await rejection(flow.service.execute('owner', 'custom-glass-counter', 'drink', { amount_ml: 150 }));
    expect(error.code).toBe('conflict');
    expect(error.userMessage.en).toContain('several skills provide (custom-spring-water, custom-water-tracker)');
    expect(callsTo(TRACKER, 'log_water')).toEqual([]);
  });
});

describe('approving a skill with dependencies', () => {
  it('is refused while a dependency is not approved, before any factor is asked', async () => {
    const pending = await pendingWith(flow, generatorOf(coach));
    const error = await rejection(flow.service.approve('owner', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await flow.nextCode() }));
    expect(error.reason).toBe('dependency-not-ready');
    expect(error.userMessage.en).toContain(`depends on ${TRACKER}, which does not exist`);
    expect(flow.prompts).toEqual([]);
  });

  it('is refused when it would close a circle of dependencies', async () => {
    await approvedWith(flow, waterTrackerGenerator());
    await approvedWith(flow, generatorOf(coach));
    const next = await pendingWith(flow, waterTrackerGenerator({ dependencies: [COACH] }));
    const error = await rejection(flow.service.approve('owner', { versionId: next.id, shownContentSha256: next.contentSha256, totpCode: await flow.nextCode() }));
    expect(error.reason).toBe('dependency-cycle');
    expect(error.userMessage.en).toContain(`${TRACKER} → ${COACH} → ${TRACKER}`);
  });

  it('shows the graph: what it calls, directly and through them, who calls it and what it provides', async () => {
    await approvedWith(flow, waterTrackerGenerator({ provides: ['water.log'] }));
    await approvedWith(flow, generatorOf(coach));
    await approvedWith(flow, generatorOf({ ...waterCaller('custom-morning-routine', COACH) }));
    expect(flow.service.dependencies('owner', 'custom-morning-routine')).toEqual({
      slug: 'custom-morning-routine', provides: [], dependencies: [{ name: COACH, slug: COACH, problem: null }], indirect: [TRACKER], dependents: [], disabled: null,
    });
    expect(flow.service.dependencies('assistant', TRACKER)).toMatchObject({ provides: ['water.log'], dependencies: [], dependents: [COACH] });
  });
});

describe('archiving or rolling back a skill others depend on', () => {
  it('disables its dependents with the reason, and they run again once it is restored', async () => {
    await approvedWith(flow, waterTrackerGenerator());
    await approvedWith(flow, generatorOf(coach));
    expect(flow.service.dependencies('owner', TRACKER).dependents).toEqual([COACH]);
    expect(flow.service.archive('owner', TRACKER).disabledDependents).toEqual([COACH]);
    const error = await rejection(flow.service.execute('owner', COACH, 'drink', { amount_ml: 100 }));
    expect(error.userMessage.en).toContain(`depends on ${TRACKER}, which was archived`);
    expect(flow.service.dependencies('owner', COACH).disabled?.pl).toContain(`zależy od ${TRACKER}, który został zarchiwizowany`);
    expect(flow.events().filter((e) => e.event === 'skill.dependents-disabled')).toEqual([expect.objectContaining({ skillSlug: TRACKER, data: { because: 'archived', dependents: [COACH] } })]);

    flow.service.restore('owner', TRACKER);
    await flow.service.execute('owner', COACH, 'drink', { amount_ml: 100 });
    expect(await totalWater()).toBe(100);
  });

  it('disables its dependents while it runs an older version, until it is back on its newest', async () => {
    await approvedWith(flow, waterTrackerGenerator());
    await approvedWith(flow, generatorOf(coach));
    await approvedWith(flow, waterTrackerGenerator({ description: 'A newer water tracker' }));
    const rolled = await flow.service.rollback('owner', TRACKER, '1.0.0');
    expect(rolled.disabledDependents).toEqual([COACH]);
    const error = await rejection(flow.service.execute('owner', COACH, 'drink', { amount_ml: 100 }));
    expect(error.userMessage.en).toContain(`depends on ${TRACKER}, which was rolled back to v1.0.0`);

    await flow.service.rollback('owner', TRACKER, '1.1.0');
    await flow.service.execute('owner', COACH, 'drink', { amount_ml: 100 });
    expect(callsTo(TRACKER, 'log_water')).toHaveLength(1);
  });
});

describe('a function action', () => {
  it('calls its skill with the params filled in, for the assistant too, recorded as triggered by the skill', async () => {
    await approvedWith(flow, waterTrackerGenerator());
    await approvedWith(flow, generatorOf({
      slug: 'custom-quick-glass',
      dependencies: [TRACKER],
      actions: '',
      actionList: '[]',
      declaredActions: [{
        slug: 'quick_glass', type: 'function', name: 'Quick glass', description: 'Logs a glass of water',
        params_schema: { type: 'object', required: ['ml'], properties: { ml: { type: 'number' } } },
        function: { skill: TRACKER, action: 'log_water', params: { amount_ml: '{{params.ml}}', note: 'quick {{params.ml}} ml' } },
      }],
    }));
    const run = await flow.service.execute('assistant', 'custom-quick-glass', 'quick_glass', { ml: 200 });
    expect(run.result).toMatchObject({ success: true });
    expect(await totalWater()).toBe(200);
    expect(callsTo(TRACKER, 'log_water')).toEqual([expect.objectContaining({ actor: 'assistant', triggeredBy: 'custom-quick-glass@v1.0.0' })]);
  });
});

describe('through the local API', () => {
  it('runs a composed skill for the assistant and answers its dependency graph', async () => {
    await approvedWith(flow, waterTrackerGenerator());
    await approvedWith(flow, generatorOf(coach));
    const { store } = flow.engine;
    const tokens = createApiTokenService({ repo: store.approvalSecurity, box: createPassphraseSecretBox('correct horse battery'), audit: store.auditLog });
    const token = await tokens.rotate('owner');
    const server = await createApiServer({ backend: createServiceBackend(flow.service), tokens, authorize: createAuthorizer(loadRbacPolicy(), store.auditLog).authorize, port: 0 });
    try {
      const call = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      const run = await call('POST', '/api/skills/execute', { slug: COACH, action: 'drink', params: { amount_ml: 330 } });
      expect(run.status).toBe(200);
      expect(callsTo(TRACKER, 'log_water')).toEqual([expect.objectContaining({ actor: 'assistant', triggeredBy: `${COACH}@v1.0.0` })]);
      const graph = await call('GET', `/api/skills/${TRACKER}/dependencies`);
      expect(graph).toMatchObject({ status: 200, body: { slug: TRACKER, dependents: [COACH] } });
    } finally {
      await server.close();
    }
  });
});
