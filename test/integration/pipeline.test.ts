// The whole flow from a sentence to a pending, disclosed version: real detector, generators,
// validator, sandbox host and store; Claude answered by a local Messages API server.
import { beforeEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../main/engine.ts';
import { parseSkillRequest } from '../../main/skills/detector/index.ts';
import { offlineGenerator, createClaudeGenerator } from '../../main/skills/generator/index.ts';
import { PENDING_TTL_MS } from '../../main/skills/pipeline.ts';
import type { SkillNeed } from '../../shared/skills/need.ts';
import type { Disclosure } from '../../shared/skills/disclosure.ts';
import { claudeFixture, startMockAnthropic, toolUseReply, unauthorizedReply, type MockAnthropic } from '../helpers/mock-anthropic.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const NOW = new Date('2026-11-21T08:00:00.000Z');

function waterNeed(): SkillNeed {
  const parsed = parseSkillRequest('Chcę śledzić ile piję wody');
  if (!parsed.isRequest) throw new Error('the water request must parse');
  return parsed.need;
}

function claudeInput(name: string): Record<string, unknown> {
  const content = claudeFixture(name).content as { type: string; input?: Record<string, unknown> }[];
  return structuredClone(content.find((block) => block.type === 'tool_use')!.input!);
}

let engine: Engine;
let api: MockAnthropic;
beforeEach(async (context) => {
  api = await startMockAnthropic();
  engine = openEngine({ dataDir: tempDir(), now: () => NOW, log: { rejected() {}, failed() {} } });
  context.onTestFinished(async () => {
    await engine.close();
    await api.close();
  });
});

const claude = () => createClaudeGenerator({ getApiKey: async () => 'sk-ant-test-key', baseURL: api.baseURL, timeoutMs: 5_000, maxRetries: 0 });
const skillRows = () => engine.store.db.prepare('SELECT count(*) AS n FROM skill_rows').get() as { n: number };
const events = () => engine.store.auditLog.page({ offset: 0, limit: 100 }).items.map((e) => e.event).reverse();

describe('pipeline: need → generate → audit → dry run → disclosure → pending', () => {
  it('turns “Chcę śledzić ile piję wody” into a pending, disclosed water tracker with the offline generator', async () => {
    const steps: string[] = [];
    const result = await engine.skills.generate(waterNeed(), 'owner', { generator: offlineGenerator, onStep: (s) => steps.push(`${s.step}:${s.status}`) });

    expect(result.outcome).toBe('pending');
    if (result.outcome !== 'pending') return;
    expect(steps).toEqual(['generate:ok', 'audit:ok', 'dry-run:ok', 'disclose:ok', 'submit:ok']);
    expect(result.version).toMatchObject({ slug: 'custom-water-tracker', version: '1.0.0', tag: 'custom-water-tracker@v1.0.0', status: 'pending', generator: 'offline' });
    expect(result.version.expiresAt).toBe(new Date(NOW.getTime() + PENDING_TTL_MS).toISOString());
    expect(result.disclosure.text.pl).toContain("Nowy skill 'Śledzenie: woda' chce:");
    expect(result.disclosure.text.en).toContain("New skill 'Śledzenie: woda' wants to:");
    expect(result.disclosure.items.map((i) => `${i.kind}:${i.target}`)).toEqual(['read:exo_water_entries', 'write:exo_water_entries', 'action:log_water']);
    expect(result.disclosure.items.map((i) => i.text.pl)).toEqual([
      'Odczytywać Twoje wpisy o wypitej wodzie', 'Dodawać nowe wpisy o wypitej wodzie', 'Akcja „Zapisz wypitą wodę” (log_water) uruchamia kod skilla w piaskownicy',
    ]);
    expect(result.disclosure.risk.level).toBe('low');

    // Stored with every step, so the review window can show them; waiting in the review queue.
    const stored = engine.store.versions.get(result.version.id)!;
    expect(stored.steps.map((s) => s.step)).toEqual(['generate', 'audit', 'dry-run', 'disclose', 'submit']);
    expect((stored.disclosure as Disclosure).risk.level).toBe(result.disclosure.risk.level);
    expect(stored.auditReport?.verdict).toBe('pass');
    expect(engine.store.skills.pendingReviews().map((r) => r.versionId)).toEqual([result.version.id]);

    // The dry run really ran in the sandbox, and kept none of its writes; nothing is deployed.
    const dryRuns = engine.store.executions.page({ offset: 0, limit: 50 }).items;
    expect(dryRuns.length).toBeGreaterThan(1);
    expect(dryRuns.every((e) => e.trigger === 'dry-run' && e.status === 'succeeded')).toBe(true);
    expect(skillRows().n).toBe(0);
    expect(engine.store.skills.list()[0]).toMatchObject({ status: 'pending', activeVersion: null });
    expect(events()).toEqual(['skill.generated', 'skill.audited', 'skill.pending']);
  });

  it('numbers a regenerated skill as the next version and discloses it as an update', async () => {
    const first = await engine.skills.generate(waterNeed(), 'owner', { generator: offlineGenerator });
    if (first.outcome !== 'pending') throw new Error('first run must be pending');
    engine.store.versions.decide(first.version.id, 'pending', 'approved', 'owner');
    engine.store.versions.activate(engine.store.versions.get(first.version.id)!);

    const second = await engine.skills.generate(waterNeed(), 'owner', { generator: offlineGenerator });
    expect(second.outcome).toBe('pending');
    if (second.outcome !== 'pending') return;
    expect(second.version.version).toBe('1.1.0');
    expect(second.disclosure.changes).toMatchObject({ previousVersion: '1.0.0', added: [], removed: [] });
    expect(second.disclosure.title.en).toContain('new version 1.1.0');
  });

  it('asking again while a proposal waits replaces it: one pending version, the replaced one rejected and in the audit log', async () => {
    const first = await engine.skills.generate(waterNeed(), 'owner', { generator: offlineGenerator });
    if (first.outcome !== 'pending') throw new Error('first run must be pending');
    expect(first.replaced).toBeNull();

    const second = await engine.skills.generate(waterNeed(), 'assistant', { generator: offlineGenerator });
    if (second.outcome !== 'pending') throw new Error('second run must be pending');
    expect(second.replaced).toEqual({
      versions: ['1.0.0'],
      notice: { en: 'Replaced the pending proposal 1.0.0 with a new one (1.1.0).', pl: 'Zastąpiono oczekującą propozycję 1.0.0 nową (1.1.0).' },
    });
    expect(engine.store.skills.pendingReviews().map((r) => r.versionId)).toEqual([second.version.id]);
    expect(engine.store.versions.get(first.version.id)).toMatchObject({ status: 'rejected' });
    expect(engine.store.skills.list()[0]).toMatchObject({ status: 'pending' });
    const replaced = engine.store.auditLog.page({ offset: 0, limit: 100 }).items.find((e) => e.event === 'skill.proposal-replaced');
    expect(replaced).toMatchObject({ actor: 'assistant', versionId: first.version.id, data: { version: '1.0.0', replacedBy: '1.1.0', replacedByVersionId: second.version.id } });
  });

  it('a failed attempt leaves the waiting proposal as it was', async () => {
    const first = await engine.skills.generate(waterNeed(), 'owner', { generator: offlineGenerator });
    if (first.outcome !== 'pending') throw new Error('first run must be pending');
    const failing = { id: 'offline' as const, generate: async () => ({ ...(await offlineGenerator.generate(waterNeed())), code: 'eval("1")' }) };
    const second = await engine.skills.generate(waterNeed(), 'owner', { generator: failing, maxAttempts: 1 });
    expect(second.outcome).toBe('failed');
    expect(engine.store.skills.pendingReviews().map((r) => r.versionId)).toEqual([first.version.id]);
  });

  it('turns “check the price … tell me when it drops below $100” into a price watch that passes the audit and is dry-run on its sample pages', async () => {
    const parsed = parseSkillRequest('Check the price of the Lego set at https://shop.example.com/lego/42115 and tell me when it drops below $100');
    if (!parsed.isRequest) throw new Error('the price-watch request must parse');
    const steps: string[] = [];
    const result = await engine.skills.generate(parsed.need, 'owner', { generator: offlineGenerator, onStep: (s) => steps.push(`${s.step}:${s.status}`) });

    expect(steps.slice(0, 2)).toEqual(['generate:ok', 'audit:ok']);
    const audit = result.steps.find((s) => s.step === 'audit')!.data as { verdict: string; findings: unknown[] };
    expect(audit).toMatchObject({ verdict: 'pass', findings: [] });
    const dryRun = result.steps.find((s) => s.step === 'dry-run')!.data as { steps: { input: { method: string; action?: string }; status: string; error?: string }[] };
    expect(dryRun.steps[0]).toMatchObject({ input: { method: 'getActions' }, status: 'succeeded' });
    expect(steps).toEqual(['generate:ok', 'audit:ok', 'dry-run:ok', 'disclose:ok', 'submit:ok']);
    // The samples' pages answered from the candidate, nothing sent; the drop under the threshold notified, kept for the review only.
    const checks = dryRun.steps.filter((step) => step.input.method === 'executeAction') as unknown as { http: { source: string; status: number }[]; notifications?: unknown[] }[];
    expect(checks.map((step) => step.http.map((r) => `${r.source}:${r.status}`))).toEqual([['sample:200'], ['sample:200']]);
    expect(checks.map((step) => (step.notifications ?? []).length)).toEqual([0, 1]);
    if (result.outcome !== 'pending') throw new Error('the price watch must wait for approval');
    expect(result.disclosure.items).toContainEqual(expect.objectContaining({ kind: 'http', target: 'shop.example.com' }));
    expect(skillRows().n).toBe(0);
  });

  it('with Claude: an answer that fails the audit goes back with its findings, and the repaired one is disclosed', async () => {
    api.reply(toolUseReply('submit_skill', claudeInput('water-tracker-fails-audit.json')), toolUseReply('submit_skill', claudeInput('water-tracker.json')));
    const result = await engine.skills.generate(waterNeed(), 'owner', { generator: claude() });

    expect(result.outcome).toBe('pending');
    expect(result.steps.map((s) => `${s.attempt}:${s.step}:${s.status}`)).toEqual([
      '1:generate:ok', '1:audit:failed', '2:generate:ok', '2:audit:ok', '2:dry-run:ok', '2:disclose:ok', '2:submit:ok',
    ]);
    const repair = JSON.stringify(api.requests[1]!.body);
    expect(repair).toMatch(/blocked\/eval|blocked\/network/);
    // Both attempts are kept with the version for the review window.
    const stored = engine.store.versions.get(result.version!.id)!;
    expect(stored.steps.filter((s) => s.step === 'generate')).toHaveLength(2);
    expect(stored.generator).toMatch(/^claude:/);
  });

  it('with Claude: a dry run that fails is repaired with what went wrong in the sandbox', async () => {
    const broken = claudeInput('water-tracker.json');
    broken.code = String(broken.code).replace('if (action === "log_water") {', 'if (action === "log_water") { throw new Error("scale not calibrated");');
    expect(broken.code).toContain('scale not calibrated');
    api.reply(toolUseReply('submit_skill', broken), toolUseReply('submit_skill', claudeInput('water-tracker.json')));
    const result = await engine.skills.generate(waterNeed(), 'owner', { generator: claude() });

    expect(result.steps.map((s) => `${s.attempt}:${s.step}:${s.status}`).slice(0, 3)).toEqual(['1:generate:ok', '1:audit:ok', '1:dry-run:failed']);
    expect(JSON.stringify(api.requests[1]!.body)).toContain('scale not calibrated');
    expect(result.outcome).toBe('pending');
    expect(skillRows().n).toBe(0);
  });

  it('keeps a candidate that never passes as a failed version with its reason, and deploys nothing', async () => {
    const bad = claudeInput('water-tracker-fails-audit.json');
    api.reply(...[1, 2].map(() => toolUseReply('submit_skill', bad)));
    const result = await engine.skills.generate(waterNeed(), 'owner', { generator: claude(), maxAttempts: 2 });

    expect(result.outcome).toBe('failed');
    if (result.outcome !== 'failed') return;
    expect(result.reason.en).toMatch(/security audit blocked every attempt/);
    expect(result.reason.pl).toMatch(/Audyt bezpieczeństwa zablokował/);
    expect(result.version).toMatchObject({ status: 'failed', version: '1.0.0-failed.1' });
    expect(engine.store.skills.pendingReviews()).toEqual([]);
    expect(engine.store.skills.list()[0]).toMatchObject({ status: 'rejected', activeVersion: null });
    expect(events().at(-1)).toBe('skill.generation-failed');
  });

  it('ends with a clear reason and stores nothing when the API key is refused', async () => {
    api.reply(unauthorizedReply());
    const result = await engine.skills.generate(waterNeed(), 'owner', { generator: claude() });

    expect(result.outcome).toBe('failed');
    if (result.outcome !== 'failed') return;
    expect(result.version).toBeNull();
    expect(result.reason.en).toMatch(/key/i);
    expect(result.steps).toHaveLength(1);
    expect(engine.store.skills.list()).toEqual([]);
    expect(events()).toEqual(['skill.generation-failed']);
  });
});
