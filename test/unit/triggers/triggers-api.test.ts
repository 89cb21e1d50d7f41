// Triggers through the assistant's API, with the offline water tracker approved with both factors
// and run in the real sandbox: what the assistant reports is stored as sent, what it fires runs in
// the background as a recorded execution naming its event, and nothing fires for a skill that may
// not run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openFlow, type Flow } from '../registry/flow-fixtures.ts';
import { approvedWith, pendingWith, waterTrackerGenerator } from '../registry/composition-fixtures.ts';
import type { SkillTriggers } from '../../../shared/skills/triggers.ts';
import { createApiServer, type ApiServer } from '../../../main/api/server.ts';
import type { ApiLimits } from '../../../main/api/limits.ts';
import { createServiceBackend } from '../../../main/api/service-backend.ts';
import { createApiTokenService } from '../../../main/skills/approval/api-token.ts';
import { createPassphraseSecretBox } from '../../../main/skills/approval/secret-box.ts';
import { createAuthorizer } from '../../../main/skills/rbac/authorize.ts';
import { loadRbacPolicy } from '../../../main/skills/rbac/roles.ts';

const TRACKER = 'custom-water-tracker';
const AT = '2026-03-02T08:15:00+01:00';

const tempDir = useTempDir();
let flow: Flow;
let server: ApiServer | null = null;
let token = '';
beforeEach(async () => {
  flow = await openFlow(tempDir());
});
afterEach(async () => {
  await server?.close();
  server = null;
  await flow.service.triggersIdle();
  await flow.close();
});

async function serve(limits: Partial<ApiLimits> = {}) {
  const { store } = flow.engine;
  const tokens = createApiTokenService({ repo: store.approvalSecurity, box: createPassphraseSecretBox('correct horse battery'), audit: store.auditLog });
  token = await tokens.rotate('owner');
  server = await createApiServer({ backend: createServiceBackend(flow.service), tokens, authorize: createAuthorizer(loadRbacPolicy(), store.auditLog).authorize, port: 0, limits });
}

/** The parts of an answer these tests read: a 202's report, or a refusal. */
interface Reply {
  event: { id: number; kind: string };
  firing: { skill: string; trigger: string }[];
  error: { code: string; message: { en: string } };
}

async function post(path: string, body: unknown) {
  const response = await fetch(`${server!.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Reply };
}

const say = (text: string, role = 'user') => post('/api/events/message', { role, text, at: AT });
const tracker = (triggers: SkillTriggers) => approvedWith(flow, waterTrackerGenerator({ triggers }));
/** Runs of actions a trigger started (not the registry reading getActions() first), oldest first. */
const runs = () => flow.engine.store.executions.page({ offset: 0, limit: 100 }).items.filter((e) => e.trigger.startsWith('on-') && e.action !== 'getActions').reverse();
const storedEvents = () =>
  flow.engine.store.db.prepare<[], { kind: string; role: string | null; text: string | null; tool: string | null; at: string }>('SELECT kind, role, text, tool, at FROM assistant_events ORDER BY id').all();
const firedEntries = () => flow.events().filter((e) => e.event === 'trigger.fired').map((e) => e.data);
const totalWater = async () => ((await flow.service.execute('owner', TRACKER, 'getData')).result as { total_ml: number }).total_ml;
const log = (amount_ml: number) => ({ action: 'log_water', params: { amount_ml } });

describe('onMessage', () => {
  it('“wypiłem wodę” fires the trigger on “woda”: the water is logged by a run recorded with its event', async () => {
    await tracker({ onMessage: [{ ...log(250), phrases: ['woda'] }] });
    await serve();
    const reply = await say('Wypiłem wodę po bieganiu');
    expect(reply.status).toBe(202);
    const id = reply.body.event.id;
    expect(reply.body).toEqual({
      event: { id, kind: 'message', receivedAt: expect.any(String) },
      firing: [{ skill: TRACKER, version: '1.0.0', action: 'log_water', trigger: `on-message#${id}` }],
      dropped: [],
    });
    await flow.service.triggersIdle();
    expect(runs().map((e) => [e.action, e.trigger, e.actor, e.status])).toEqual([['log_water', `on-message#${id}`, 'assistant', 'succeeded']]);
    expect(firedEntries()).toEqual([expect.objectContaining({ eventId: id, trigger: `on-message#${id}`, outcome: 'succeeded', executionId: runs()[0]!.id })]);
    expect(await totalWater()).toBe(250);
  });

  it('stores every message exactly as sent, but fires only on the person’s own words about the subject', async () => {
    await tracker({ onMessage: [{ ...log(250), phrases: ['woda'] }] });
    await serve();
    expect((await say('Pamiętaj o wodzie!', 'assistant')).body.firing).toEqual([]);
    expect((await say('Wypiłem kawę')).body.firing).toEqual([]);
    expect((await say('I drank some water')).body.firing).toHaveLength(1);
    expect(storedEvents()).toEqual([
      { kind: 'message', role: 'assistant', text: 'Pamiętaj o wodzie!', tool: null, at: AT },
      { kind: 'message', role: 'user', text: 'Wypiłem kawę', tool: null, at: AT },
      { kind: 'message', role: 'user', text: 'I drank some water', tool: null, at: AT },
    ]);
  });

  it('fires an anchored pattern on a whole message that matches, never on one that only contains it', async () => {
    await tracker({ onMessage: [{ ...log(300), patterns: ['^wypiłem \\d+ ?ml$'] }] });
    await serve();
    expect((await say('Wypiłem 300 ml')).body.firing).toHaveLength(1);
    expect((await say('Wczoraj wypiłem 300 ml')).body.firing).toEqual([]);
    await flow.service.triggersIdle();
    expect(await totalWater()).toBe(300);
  });

  it('fires a skill once per message, however many of its entries match', async () => {
    await tracker({ onMessage: [{ ...log(100), phrases: ['woda'] }, { ...log(900), phrases: ['szklanka'] }, { ...log(900), patterns: ['^.*$'] }] });
    await serve();
    const reply = await say('szklanka wody');
    expect(reply.body.firing).toHaveLength(1);
    await flow.service.triggersIdle();
    expect(runs()).toHaveLength(1);
    expect(await totalWater()).toBe(100);
  });
});

describe('onToolUse and sessions', () => {
  it('fires on the tool named, at the start and at the end of a conversation, each recorded with its event', async () => {
    await tracker({ onToolUse: [{ ...log(10), tools: ['water.log'] }], onSessionStart: log(1), onSessionEnd: log(2) });
    await serve();
    const tool = await post('/api/events/tool-use', { tool: 'water.log', at: AT });
    expect((await post('/api/events/tool-use', { tool: 'calendar.create', at: AT })).body.firing).toEqual([]);
    const start = await post('/api/events/session', { kind: 'start', at: AT });
    const end = await post('/api/events/session', { kind: 'end', at: AT });
    expect([tool.status, start.status, end.status]).toEqual([202, 202, 202]);
    expect(end.body.event.kind).toBe('session-end');
    await flow.service.triggersIdle();
    expect(runs().map((e) => e.trigger).sort()).toEqual(
      [`on-tool-use#${tool.body.event.id}`, `on-session-start#${start.body.event.id}`, `on-session-end#${end.body.event.id}`].sort(),
    );
    expect(await totalWater()).toBe(13);
  });
});

describe('what the event routes refuse', () => {
  it('answers a malformed body with a 400 that says what is wrong, and stores nothing', async () => {
    await tracker({ onMessage: [{ ...log(250), phrases: ['woda'] }] });
    await serve();
    const bad = [
      { role: 'user', text: 'woda' },
      { role: 'user', text: 'woda', at: '2026-02-30T08:00:00Z' },
      { role: 'user', text: 'woda'.repeat(1001), at: AT },
      { role: 'owner', text: 'woda', at: AT },
      { role: 'user', text: 'woda', at: AT, skill: TRACKER },
      { role: 'user', text: '', at: AT },
    ];
    for (const body of bad) expect((await post('/api/events/message', body)).status, JSON.stringify(body).slice(0, 80)).toBe(400);
    expect((await post('/api/events/tool-use', { tool: 'rm -rf', at: AT })).status).toBe(400);
    expect((await post('/api/events/session', { kind: 'restart', at: AT })).status).toBe(400);
    const date = await post('/api/events/message', bad[1]);
    expect(date.body.error.message.en).toContain('“at” is not a valid date: “2026-02-30T08:00:00Z”');
    expect(storedEvents()).toEqual([]);
    await flow.service.triggersIdle();
    expect(runs()).toEqual([]);
  });

  it('limits each event route on its own: a clear 429 with Retry-After, nothing stored, other routes still answer', async () => {
    await serve({ eventsBurst: 2, eventsPerMinute: 1 });
    expect((await say('jeden')).status).toBe(202);
    expect((await say('dwa')).status).toBe(202);
    const refused = await say('trzy');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.error.code).toBe('rate-limited');
    expect((await post('/api/events/tool-use', { tool: 'water.log', at: AT })).status).toBe(202);
    expect(storedEvents().map((e) => e.text ?? e.tool)).toEqual(['jeden', 'dwa', 'water.log']);
  });
});

describe('lifecycle triggers and skills that may not run', () => {
  it('runs onInstall after the first approval only, as the scheduler', async () => {
    const triggers = { onInstall: log(1) };
    await tracker(triggers);
    await flow.service.triggersIdle();
    expect(runs().map((e) => [e.trigger, e.actor, e.status])).toEqual([['on-install', 'scheduler', 'succeeded']]);
    const next = await pendingWith(flow, waterTrackerGenerator({ triggers, description: 'A second version' }));
    await flow.service.approve('owner', { versionId: next.id, shownContentSha256: next.contentSha256, totpCode: await flow.nextCode() });
    await flow.service.triggersIdle();
    expect(runs()).toHaveLength(1);
  });

  it('runs onUninstall once when the skill is archived; after that no event fires it', async () => {
    await tracker({ onUninstall: log(5), onMessage: [{ ...log(250), phrases: ['woda'] }] });
    await serve();
    flow.service.archive('owner', TRACKER);
    await flow.service.triggersIdle();
    expect(runs().map((e) => [e.trigger, e.actor, e.status])).toEqual([['on-uninstall', 'scheduler', 'succeeded']]);
    expect((await say('wypiłem wodę')).body.firing).toEqual([]);
    await flow.service.triggersIdle();
    expect(runs()).toHaveLength(1);
  });

  it('fires nothing for a skill waiting for approval', async () => {
    await pendingWith(flow, waterTrackerGenerator({ triggers: { onMessage: [{ ...log(250), phrases: ['woda'] }], onSessionStart: log(1) } }));
    await serve();
    expect((await say('wypiłem wodę')).body.firing).toEqual([]);
    expect((await post('/api/events/session', { kind: 'start', at: AT })).body.firing).toEqual([]);
    expect(flow.service.listTriggers('owner')).toEqual([]);
  });
});
