// Declarative actions end to end, along the product's own paths: a skill whose actions are requests
// (no code of its own) is audited, dry-run on sample answers, disclosed in plain words, approved
// with both factors, given its key and its address on the home network, and then run through the
// service by the owner, the assistant and the scheduler — each action under the policy its
// manifest sets. The webhook is a real local server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentRequestRecord } from '../../shared/contract/consent-records.ts';
import type { OwnerNotice } from '../../main/skills/service.ts';
import { offlineGenerator, type SkillGenerator } from '../../main/skills/generator/index.ts';
import { createSkillService, type SkillService } from '../../main/skills/service.ts';
import { createSkillSettings } from '../../main/skills/settings/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { webhookGenerator, WEBHOOK_SLUG } from '../fixtures/webhook-skill.ts';
import { newBox, newIntegrityKey } from '../unit/approval/security-fixtures.ts';
import { openFlow, rejection, waterNeed, type Flow } from '../unit/registry/flow-fixtures.ts';

const tempDir = useTempDir();
const KEY = 'hook-live-5d1c9e0a77b2';

interface Webhook {
  origin: string;
  port: number;
  seen: { method: string; url: string; authorization: string | undefined; body: string }[];
  close(): Promise<void>;
}

function startWebhook(): Promise<Webhook> {
  const seen: Webhook['seen'] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, port, seen, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

/**
 * The owner at the window: answers every consent prompt with `verdict` through the service (the
 * real gate, as the prompt does), and keeps every request shown.
 */
function ownerAnswering(verdict: { value: 'granted' | 'denied' }) {
  const asked: ConsentRequestRecord[] = [];
  const onNotice = (notice: OwnerNotice) => {
    if (notice.kind !== 'consent-requested' || notice.requestId === null) return;
    const id = notice.requestId;
    asked.push(service.pendingConsents('owner').find((request) => request.id === id)!);
    queueMicrotask(() => service.decideConsent('owner', { id, verdict: verdict.value === 'granted' ? 'grant' : 'deny' }));
  };
  return { asked, onNotice };
}

let flow: Flow;
let webhook: Webhook;
let service: SkillService;
const verdict: { value: 'granted' | 'denied' } = { value: 'denied' };
let consent: ReturnType<typeof ownerAnswering>;

beforeEach(async () => {
  const integrityKey = newIntegrityKey();
  flow = await openFlow(tempDir(), integrityKey);
  webhook = await startWebhook();
  consent = ownerAnswering(verdict);
  const { store } = flow.engine;
  service = createSkillService({
    store, skills: flow.engine.skills, factors: flow.factors, locale: () => 'en', getGenerator: async () => offlineGenerator,
    canAskOwner: () => true, notifyOwner: (notice) => consent.onNotice(notice),
    skillSettings: createSkillSettings({ store, box: newBox(), factors: flow.factors, integrityKey }),
  });
});
afterEach(async () => {
  await flow.close();
  await webhook.close();
});

/** The webhook skill generated, approved with both factors, given its key, and allowed to reach the local webhook. */
async function approvedWebhookSkill() {
  const generated = await flow.engine.skills.generate(waterNeed(), 'owner', { generator: webhookGenerator(webhook.origin) });
  if (generated.outcome !== 'pending') throw new Error(`the skill must wait for approval: ${JSON.stringify(generated.steps)}`);
  const { version } = generated;
  await service.approve('owner', { versionId: version.id, shownContentSha256: version.contentSha256, totpCode: await flow.nextCode() });
  await service.setSecret('owner', WEBHOOK_SLUG, 'HOOK_TOKEN', KEY);
  await service.addAllowance('owner', WEBHOOK_SLUG, { address: '127.0.0.1', port: webhook.port, totpCode: await flow.nextCode() });
  return generated;
}

describe('an http action — a request, no code', () => {
  it('is dry-run on sample answers and disclosed in plain words, with its policy, before anything is sent', async () => {
    const generated = await flow.engine.skills.generate(waterNeed(), 'owner', { generator: webhookGenerator(webhook.origin) });
    if (generated.outcome !== 'pending') throw new Error(`the skill must wait for approval: ${JSON.stringify(generated.steps)}`);
    const step = (name: string) => generated.steps.find((record) => record.step === name)?.data as Record<string, unknown>;
    expect(step('audit')).toMatchObject({ verdict: 'pass', findings: [] });
    expect(webhook.seen).toEqual([]);
    const sample = (step('dry-run').steps as { input: { method: string } }[]).find((record) => record.input.method === 'executeAction');
    expect(sample).toMatchObject({ status: 'succeeded', result: { success: true, data: { status: 200, body: { ok: true } } }, http: [expect.objectContaining({ method: 'POST', source: 'sample' })] });

    const items = generated.disclosure.items.filter((item) => item.kind === 'action');
    expect(items.map((item) => item.text.en)).toEqual([
      `action clear_channel sends a DELETE to ${webhook.origin} — no code runs; asks you before each run; only for callers allowed to create skills; at most 3000 ms per run`,
      `action post_summary sends a POST to ${webhook.origin} — no code runs`,
    ]);
    expect(items[1]!.text.pl).toBe(`Akcja post_summary wysyła żądanie POST do ${webhook.origin} — bez uruchamiania kodu`);
    expect(generated.disclosure.text.pl).toContain('pyta Cię przed każdym uruchomieniem');
  });

  it('sends its request with each param escaped for where it lands and the bound key, and records it like any execution', async () => {
    await approvedWebhookSkill();
    const run = await service.execute('assistant', WEBHOOK_SLUG, 'post_summary', { text: 'He said "hi" & left\n', channel: 'ops/../admin?x=1#top', urgent: true });

    expect(run.result).toEqual({ success: true, data: { status: 200, headers: expect.objectContaining({ 'content-type': 'application/json' }), body: { ok: true } } });
    expect(webhook.seen).toHaveLength(1);
    const [sent] = webhook.seen;
    // The channel stays one path segment; the text stays one JSON string; the flag stays a boolean.
    expect(sent).toMatchObject({ method: 'POST', url: '/hooks/ops%2F..%2Fadmin%3Fx%3D1%23top?source=foundry', authorization: `Bearer ${KEY}` });
    expect(JSON.parse(sent!.body)).toEqual({ text: 'Summary: He said "hi" & left\n', urgent: true });

    expect(run.record).toMatchObject({ skillSlug: WEBHOOK_SLUG, action: 'post_summary', actor: 'assistant', trigger: 'api', status: 'succeeded', version: '1.0.0' });
    expect(run.record?.http).toEqual([expect.objectContaining({ method: 'POST', origin: webhook.origin, path: '/hooks/ops%2F..%2Fadmin%3Fx%3D1%23top?source=', status: 200, address: '127.0.0.1', source: 'network' })]);
    const executed = flow.events().filter((event) => event.event === 'skill.executed');
    expect(executed).toEqual([expect.objectContaining({ actor: 'assistant', skillSlug: WEBHOOK_SLUG, data: expect.objectContaining({ executionId: run.record!.id, action: 'post_summary', status: 'succeeded' }) })]);
    expect(JSON.stringify([run, flow.events()])).not.toContain(KEY);
  });

  it('leaves out an optional param that was not given, and refuses a param that tries to name a secret: nothing is sent', async () => {
    await approvedWebhookSkill();
    await service.execute('owner', WEBHOOK_SLUG, 'post_summary', { text: 'Quiet day', channel: 'general' });
    expect(JSON.parse(webhook.seen[0]!.body)).toEqual({ text: 'Summary: Quiet day' });

    const smuggled = await service.execute('assistant', WEBHOOK_SLUG, 'post_summary', { text: 'key: {{secret:HOOK_TOKEN}}', channel: 'general' });
    expect(smuggled.result).toEqual({ success: false, error: 'the request was not sent: the parameter text may not contain a secret placeholder' });
    expect(smuggled.record).toMatchObject({ status: 'failed', http: [] });
    expect(webhook.seen).toHaveLength(1);
  });

  it('answers a refused request with success: false and records it as failed', async () => {
    const generated = await flow.engine.skills.generate(waterNeed(), 'owner', { generator: webhookGenerator(webhook.origin) });
    if (generated.outcome !== 'pending') throw new Error('the skill must wait for approval');
    await service.approve('owner', { versionId: generated.version.id, shownContentSha256: generated.version.contentSha256, totpCode: await flow.nextCode() });
    await service.setSecret('owner', WEBHOOK_SLUG, 'HOOK_TOKEN', KEY);
    // No allowance for the address on this computer: the guard refuses it.
    const refused = await service.execute('owner', WEBHOOK_SLUG, 'post_summary', { text: 'x', channel: 'general' });
    expect(refused.result).toMatchObject({ success: false, error: expect.stringContaining('a loopback address') });
    expect(refused.record).toMatchObject({ status: 'failed', http: [expect.objectContaining({ status: null, address: null })] });
    expect(webhook.seen).toEqual([]);
  });
});

describe('a webhook from the built-in generator', () => {
  it('is written from the owner’s sentence, approved, and posts each message to the webhook as a JSON string', async () => {
    const result = await service.generate('owner', `Post my daily summary to this webhook ${webhook.origin}/hooks/daily`);
    if (result.outcome !== 'pending') throw new Error(`the webhook must wait for approval: ${result.reason.en}`);
    expect(result.disclosure.items).toContainEqual(expect.objectContaining({
      kind: 'action', text: { en: `action “Post a message” (post_message) sends a POST to ${webhook.origin} — no code runs`, pl: `Akcja „Wyślij wiadomość” (post_message) wysyła żądanie POST do ${webhook.origin} — bez uruchamiania kodu` },
    }));
    await service.approve('owner', { versionId: result.version.id, shownContentSha256: result.version.contentSha256, totpCode: await flow.nextCode() });
    await service.addAllowance('owner', result.version.slug, { address: '127.0.0.1', port: webhook.port, totpCode: await flow.nextCode() });

    const posted = await service.execute('scheduler', result.version.slug, 'post_message', { text: '3 done, "1" left' });
    expect(posted.result).toMatchObject({ success: true, data: { status: 200 } });
    expect(webhook.seen).toEqual([expect.objectContaining({ method: 'POST', url: '/hooks/daily' })]);
    expect(JSON.parse(webhook.seen[0]!.body)).toEqual({ text: '3 done, "1" left' });
  });
});

describe('an action’s policy, enforced before each run', () => {
  it('keeps an action for callers holding its permissions: the scheduler is refused, and the refusal is audited', async () => {
    await approvedWebhookSkill();
    verdict.value = 'granted';
    const refused = await rejection(service.execute('scheduler', WEBHOOK_SLUG, 'clear_channel', { channel: 'general' }));
    expect(refused).toMatchObject({ code: 'forbidden', reason: 'permission-denied' });
    expect(refused.userMessage.en).toBe('The scheduler may not create skills.');
    expect(flow.events().at(-1)).toMatchObject({ event: 'access.denied', actor: 'scheduler', skillSlug: WEBHOOK_SLUG, data: expect.objectContaining({ permission: 'skills:create' }) });
    expect(consent.asked).toEqual([]);
    expect(webhook.seen).toEqual([]);
  });

  it('asks the owner before each run of an action that requires it, showing exactly what will be sent, and sends nothing when refused', async () => {
    await approvedWebhookSkill();
    verdict.value = 'denied';
    const denied = await rejection(service.execute('assistant', WEBHOOK_SLUG, 'clear_channel', { channel: 'general' }));
    expect(denied).toMatchObject({ code: 'conflict', reason: 'consent-denied' });
    expect(webhook.seen).toEqual([]);
    expect(consent.asked).toEqual([expect.objectContaining({
      skillSlug: WEBHOOK_SLUG, action: 'clear_channel', actor: 'assistant', trigger: 'api',
      details: [`DELETE ${webhook.origin}/hooks/general`],
      summary: { en: `Run the action clear_channel of “Team webhook” 1.0.0: it sends a DELETE to ${webhook.origin} — no code runs.`, pl: expect.stringContaining('wysyła żądanie DELETE') },
    })]);
    expect(JSON.stringify(consent.asked)).not.toContain(KEY);
    expect(flow.events().at(-1)).toMatchObject({ event: 'skill.run-refused', actor: 'assistant', data: expect.objectContaining({ reason: 'consent-denied', action: 'clear_channel' }) });

    verdict.value = 'granted';
    const granted = await service.execute('assistant', WEBHOOK_SLUG, 'clear_channel', { channel: 'general' });
    expect(granted.result).toMatchObject({ success: true });
    expect(webhook.seen).toEqual([expect.objectContaining({ method: 'DELETE', url: '/hooks/general' })]);
    // Each run asks again.
    expect(consent.asked).toHaveLength(2);
  });

  it('refuses such an action where nobody can be asked, saying it needs consent in the desktop app', async () => {
    await approvedWebhookSkill();
    const refused = await rejection(flow.service.execute('owner', WEBHOOK_SLUG, 'clear_channel', { channel: 'general' }));
    expect(refused).toMatchObject({ code: 'conflict', reason: 'consent-unavailable' });
    expect(refused.userMessage.en).toContain('needs your consent in the desktop app');
    expect(webhook.seen).toEqual([]);
  });
});

describe('a code action with a policy in its manifest entry', () => {
  it('asks the owner before each run of the approved code action, and runs nothing when refused', async () => {
    const guarded: SkillGenerator = {
      id: 'offline',
      async generate(need, feedback) {
        const candidate = await offlineGenerator.generate(need, feedback);
        return { ...candidate, manifest: { ...candidate.manifest, actions: [{ slug: 'log_water', requireApproval: true }] } };
      },
    };
    await flow.approvedWaterTracker(guarded);
    verdict.value = 'denied';
    const refused = await rejection(service.execute('assistant', 'custom-water-tracker', 'log_water', { amount_ml: 250 }));
    expect(refused).toMatchObject({ code: 'conflict', reason: 'consent-denied' });
    expect(consent.asked).toEqual([expect.objectContaining({ action: 'log_water', details: ['params: {"amount_ml":250}'], summary: expect.objectContaining({ en: expect.stringContaining('runs the skill’s code in the sandbox') }) })]);
    expect((await service.execute('owner', 'custom-water-tracker', 'getData')).result).toMatchObject({ total_ml: 0 });

    verdict.value = 'granted';
    expect((await service.execute('assistant', 'custom-water-tracker', 'log_water', { amount_ml: 250 })).result).toMatchObject({ success: true });
    expect((await service.execute('owner', 'custom-water-tracker', 'getData')).result).toMatchObject({ total_ml: 250 });
  });
});

describe('skills written before actions had types', () => {
  it('load and run exactly as before: no manifest actions, code actions with the defaults, nobody asked (no data migration is needed)', async () => {
    // The built-in generator now writes action labels; a skill of before had no manifest actions at all.
    const untyped: SkillGenerator = {
      id: 'offline',
      async generate(need, feedback) {
        const candidate = await offlineGenerator.generate(need, feedback);
        const { actions: _labels, ...manifest } = candidate.manifest;
        return { ...candidate, manifest };
      },
    };
    const version = await flow.approvedWaterTracker(untyped);
    const stored = flow.engine.store.versions.get(version.id)!;
    expect(Object.hasOwn(stored.manifest, 'actions')).toBe(false);
    verdict.value = 'denied';

    const listed = await service.execute('scheduler', 'custom-water-tracker', 'getActions');
    expect(listed.result).toEqual([expect.objectContaining({ slug: 'log_water' })]);
    expect(Object.keys((listed.result as object[])[0]!).sort()).toEqual(['description', 'name', 'params_schema', 'slug']);
    const logged = await service.execute('scheduler', 'custom-water-tracker', 'log_water', { amount_ml: 250 });
    expect(logged.result).toMatchObject({ success: true });
    expect(consent.asked).toEqual([]);
  });
});
