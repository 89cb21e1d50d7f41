// The generators as the owner meets them through the service: Claude and their own model
// (OpenAI-compatible) answered by local servers, the real detector, validator, sandbox and store.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../main/engine.ts';
import { createPassphraseSecretBox } from '../../main/skills/approval/secret-box.ts';
import { ServiceError } from '../../main/skills/service-error.ts';
import { claudeFixture, startMockAnthropic, toolUseReply, type MockAnthropic } from '../helpers/mock-anthropic.ts';
import { startMockOpenAI, toolCallReply, type MockOpenAI } from '../helpers/mock-openai.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const CLAUDE_KEY = 'sk-ant-api03-INTEGRATION-SECRET-9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c';
const OWN_KEY = 'sk-own-INTEGRATION-SECRET-1a2b3c4d5e6f7a8b9c0d';
/** Words the detector does not take as a request (no page address): only a model can write them. */
const BITCOIN_WORDS = 'Keep an eye on the bitcoin price on CoinPrices every hour and tell me when it drops below $50,000';

function submitted(name: string): Record<string, unknown> {
  const content = claudeFixture(name).content as { type: string; input?: Record<string, unknown> }[];
  return structuredClone(content.find((block) => block.type === 'tool_use')!.input!);
}

let claude: MockAnthropic;
let own: MockOpenAI;
let engine: Engine;
let dataDir: string;
let now: Date;
const logged: string[] = [];
beforeEach(async (context) => {
  claude = await startMockAnthropic();
  own = await startMockOpenAI();
  dataDir = tempDir();
  now = new Date('2026-12-08T08:00:00.000Z');
  logged.length = 0;
  engine = openEngine({
    dataDir,
    now: () => now,
    env: {},
    secretBox: createPassphraseSecretBox('correct horse battery'),
    anthropicBaseURL: claude.baseURL,
    log: { rejected: (...args: unknown[]) => void logged.push(JSON.stringify(args)), failed: (...args: unknown[]) => void logged.push(JSON.stringify(args)) },
  });
  context.onTestFinished(async () => {
    await engine.close();
    await claude.close();
    await own.close();
  });
});

async function useOwnModel(model = 'qwen2.5-coder:7b') {
  engine.generator.setOpenAI({ baseURL: own.baseURL, model });
  engine.generator.use('openai');
}

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(() => new Error('it succeeded'), (e: unknown) => e);
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('Claude without a cage', () => {
  it('writes a web skill with a secret and a schedule for words the detector cannot read, held to what it declares', async () => {
    await engine.generator.setApiKey(CLAUDE_KEY);
    const answer = submitted('bitcoin-price-watch.json');
    (answer.manifest as Record<string, unknown>).schedules = [{ action: 'check_price', intervalMs: 3_600_000 }];
    claude.reply(toolUseReply('submit_skill', answer));

    const result = await engine.service.generate('owner', BITCOIN_WORDS);
    expect(result.outcome).toBe('pending');
    if (result.outcome !== 'pending') return;
    expect(result.version.generator).toBe('claude:claude-opus-4-5');
    const prompt = JSON.stringify(claude.requests[0]!.body);
    expect(prompt).toContain('Keep an eye on the bitcoin price on CoinPrices');
    expect(prompt).toContain('The detector found no skill kind in these words');
    // The disclosure names the host, the secret and the schedule it declared.
    const targets = result.disclosure.items.map((item) => `${item.kind}:${item.target}`);
    expect(targets).toContain('http:api.coinprices.example');
    expect(JSON.stringify(result.disclosure)).toContain('COINPRICES_KEY');
    expect(engine.store.versions.get(result.version.id)!.manifest.schedules).toEqual([{ action: 'check_price', intervalMs: 3_600_000 }]);
    expect(engine.store.versions.get(result.version.id)!.need).toEqual({ text: BITCOIN_WORDS, language: 'en' });
  });

  it('ends with Claude’s own reason when it declines words that ask for no skill, and stores nothing', async () => {
    await engine.generator.setApiKey(CLAUDE_KEY);
    claude.reply(toolUseReply('not_a_skill_request', { reason: { en: 'A greeting asks for no skill.', pl: 'Powitanie nie jest prośbą o skill.' } }));
    const result = await engine.service.generate('owner', 'hello there, how are you?');
    expect(result.outcome).toBe('failed');
    if (result.outcome !== 'failed') return;
    expect(result.reason).toEqual({ en: 'No skill was written: A greeting asks for no skill.', pl: 'Nie napisano skilla: Powitanie nie jest prośbą o skill.' });
    expect(result.version).toBeNull();
  });

  it('still refuses such words with the detector’s reason when the built-in generator is in use, before generating anything', async () => {
    const error = await rejection(engine.service.generate('owner', BITCOIN_WORDS));
    expect(error.reason).toBe('not-a-request');
    expect(error.userMessage.en).toMatch(/does not give the address of the page/);
    expect(engine.store.skills.list()).toEqual([]);
  });
});

describe('your own model through the service', () => {
  it('writes the skill, and a skill the audit blocks is repaired on the second attempt with the findings', async () => {
    await useOwnModel();
    own.reply(toolCallReply('submit_skill', submitted('water-tracker-fails-audit.json')), toolCallReply('submit_skill', submitted('water-tracker.json')));
    const result = await engine.service.generate('owner', 'Chcę śledzić ile piję wody');
    expect(result.outcome).toBe('pending');
    expect(result.steps.map((s) => `${s.attempt}:${s.step}:${s.status}`).slice(0, 3)).toEqual(['1:generate:ok', '1:audit:failed', '2:generate:ok']);
    expect(result.version?.generator).toBe('openai:qwen2.5-coder:7b');
    const repair = JSON.stringify(own.requests[1]!.body);
    expect(repair).toContain('# Repair');
    expect(repair).toMatch(/blocked\/eval|blocked\/network/);
    // A repair must submit: the decline tool is not offered again.
    expect((own.requests[1]!.body as { tool_choice: unknown }).tool_choice).toEqual({ type: 'function', function: { name: 'submit_skill' } });
  });

  it('says plainly that the chosen model cannot be reached, offers the built-in generator, and switches nothing', async () => {
    await useOwnModel();
    const address = own.baseURL;
    await own.close();
    engine.generator.setOpenAI({ baseURL: address });
    const result = await engine.service.generate('owner', 'Chcę śledzić ile piję wody');
    expect(result.outcome).toBe('failed');
    if (result.outcome !== 'failed') return;
    expect(result.reason.en).toMatch(/cannot be reached right now: is the server running\?.*The built-in generator can write this skill without a model/);
    expect(result.reason.pl).toMatch(/Nie można teraz połączyć się z Twoim modelem.*Wbudowany generator może napisać ten skill bez modelu/);
    expect(result.version).toBeNull();
    expect(engine.generator.status().mode).toBe('openai');
    own = await startMockOpenAI();
  });

  it('names a model the endpoint offers when the configured one is unknown', async () => {
    await useOwnModel('qwen3-coder:30b');
    own.reply({ kind: 'json', status: 404, body: { error: { message: 'model "qwen3-coder:30b" not found, try pulling it first', type: 'api_error', param: null, code: null } } });
    const result = await engine.service.generate('owner', 'Chcę śledzić ile piję wody');
    expect(result.outcome).toBe('failed');
    if (result.outcome !== 'failed') return;
    expect(result.reason.en).toContain('has no model “qwen3-coder:30b”. It offers qwen2.5-coder:7b');
  });

  it('refuses to run when chosen but not set up, saying what is missing', async () => {
    engine.generator.use('openai');
    const error = await rejection(engine.service.generate('owner', 'Chcę śledzić ile piję wody'));
    expect(error.userMessage.en).toMatch(/^Your own model is chosen, but its base URL or model is not set/);
    expect(error.userMessage.pl).toMatch(/^Wybrano własny model, ale nie ustawiono/);
  });
});

describe('model lists', () => {
  it('lists the endpoint’s models once a day, and asks again after a day or when told to', async () => {
    await useOwnModel();
    const listed = await engine.generator.models('openai');
    expect(listed).toMatchObject({ generator: 'openai', recommended: 'qwen2.5-coder:7b', current: 'qwen2.5-coder:7b' });
    expect(listed.models.map((m) => m.id)).toEqual(['qwen2.5-coder:7b', 'llama3.1:8b']);
    own.models = ['llama3.1:8b'];
    expect((await engine.generator.models('openai')).models.map((m) => m.id)).toEqual(['qwen2.5-coder:7b', 'llama3.1:8b']);
    now = new Date(now.getTime() + 25 * 60 * 60 * 1000);
    const later = await engine.generator.models('openai');
    expect(later.models.map((m) => m.id)).toEqual(['llama3.1:8b']);
    expect(later.recommended).toBe('llama3.1:8b');
    own.models = ['mistral:7b'];
    expect((await engine.generator.models('openai', { refresh: true })).models.map((m) => m.id)).toEqual(['mistral:7b']);
    expect(own.requests.filter((r) => r.path.startsWith('/v1/models'))).toHaveLength(3);
  });

  it('lists Claude’s models for the key, and refuses a retired id naming its replacement in the same line', async () => {
    await engine.generator.setApiKey(CLAUDE_KEY);
    expect((await engine.generator.models('claude')).recommended).toBe('claude-opus-4-5');
    await expect(engine.generator.setModel('claude-3-5-sonnet-20240620')).rejects.toMatchObject({
      code: 'generator/unknown-model',
      userMessage: {
        en: 'Anthropic does not offer the model “claude-3-5-sonnet-20240620” to this account (it may have been retired). Use claude-sonnet-4-5 instead.',
        pl: 'Anthropic nie udostępnia temu kontu modelu „claude-3-5-sonnet-20240620” (mógł zostać wycofany). Użyj zamiast niego claude-sonnet-4-5.',
      },
    });
    expect(engine.generator.status().model).toBe('claude-opus-4-5');
    await engine.generator.setModel('claude-haiku-4-5');
    expect(engine.generator.status().model).toBe('claude-haiku-4-5');
  });
});

describe('keys', () => {
  it('never puts either key in a record, the audit log, the database or a log line', async () => {
    await engine.generator.setApiKey(CLAUDE_KEY);
    await engine.generator.setOpenAIKey(OWN_KEY);
    await useOwnModel();
    own.reply(toolCallReply('submit_skill', submitted('water-tracker-fails-audit.json')), toolCallReply('submit_skill', submitted('water-tracker.json')));
    const result = await engine.service.generate('owner', 'Chcę śledzić ile piję wody');
    expect(result.outcome).toBe('pending');
    expect(own.requests.every((r) => r.apiKey === OWN_KEY)).toBe(true);
    await engine.generator.models('openai');

    const records = JSON.stringify([result, engine.store.versions.listForSkill('custom-water-tracker'), engine.store.auditLog.page({ offset: 0, limit: 500 }), engine.generator.status()]);
    const files = fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'));
    for (const key of [CLAUDE_KEY, OWN_KEY]) {
      expect(records).not.toContain(key);
      for (const content of files) expect(content).not.toContain(key);
      for (const line of logged) expect(line).not.toContain(key);
    }
    expect(engine.generator.status()).toMatchObject({ keySource: 'stored', openai: { keySource: 'stored' } });
  });
});
