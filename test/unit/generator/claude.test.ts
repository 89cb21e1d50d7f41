import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { createClaudeGenerator, DEFAULT_CLAUDE_MODEL, type ClaudeGeneratorOptions } from '../../../main/skills/generator/claude-generator.ts';
import { GeneratorError } from '../../../main/skills/generator/generator-error.ts';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import {
  claudeFixture,
  messageReply,
  rateLimitReply,
  recordedReply,
  startMockAnthropic,
  toolUseReply,
  unauthorizedReply,
  overloadedReply,
  type MockAnthropic,
} from '../../helpers/mock-anthropic.ts';

const API_KEY = 'sk-ant-api03-TEST-SECRET-4f9c2a7e1b3d5c8a0e6f2b4d7a9c1e3f5b8d0a2c4e6f8b1d3f5a7c9e1b3d5f7a9';
const WATER: SkillNeed = {
  kind: 'tracker',
  subject: 'woda',
  subjectKey: 'water',
  unit: 'ml',
  cadence: { type: 'none' },
  language: 'pl',
  source: 'request',
  text: 'Chcę śledzić ile piję wody',
};

let api: MockAnthropic;
beforeEach(async () => {
  api = await startMockAnthropic();
});
afterEach(() => api.close());

function generator(options: Partial<ClaudeGeneratorOptions> = {}) {
  return createClaudeGenerator({ getApiKey: async () => API_KEY, baseURL: api.baseURL, timeoutMs: 5_000, maxRetries: 1, ...options });
}

/** The error `generate` fails with, checked to be a GeneratorError that nowhere holds the API key. */
async function failure(promise: Promise<unknown>): Promise<GeneratorError> {
  const error = await promise.then(
    () => {
      throw new Error('generate succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeneratorError);
  const generatorError = error as GeneratorError;
  for (const text of [generatorError.message, generatorError.stack ?? '', JSON.stringify(generatorError), JSON.stringify(generatorError.userMessage), String(generatorError)]) {
    expect(text).not.toContain(API_KEY);
  }
  expect(generatorError.cause).toBeUndefined();
  expect(generatorError.userMessage.pl).not.toBe(generatorError.userMessage.en);
  return generatorError;
}

const WATER_FIXTURE = claudeFixture('water-tracker.json');
const BITCOIN_FIXTURE = claudeFixture('bitcoin-price-watch.json');
const BITCOIN: SkillNeed = {
  kind: 'price-watch',
  subject: 'bitcoin',
  subjectKey: 'bitcoin',
  unit: 'USD',
  cadence: { type: 'interval', everyMinutes: 60 },
  language: 'en',
  source: 'request',
  text: 'Check the price of bitcoin at https://api.coinprices.example/v1/prices/btc every hour and tell me when it drops below $50,000',
  priceWatch: { url: 'https://api.coinprices.example/v1/prices/btc', below: 50000 },
};

interface SubmittedInput {
  code: string;
  skill_md: string;
  manifest: Record<string, unknown> & { capabilities: Record<string, unknown> };
  sample_inputs: Record<string, unknown>[];
}
/** A copy of the submit_skill input of a recorded answer, to change one part of it. */
function submittedInput(fixture: Record<string, unknown>): SubmittedInput {
  const [call] = fixture.content as { input: SubmittedInput }[];
  return structuredClone(call!.input);
}
const waterInput = () => submittedInput(WATER_FIXTURE);

/** The parts of a Messages API request body these tests look at. */
interface SentRequest {
  model: string;
  max_tokens: number;
  tool_choice: unknown;
  tools: { name: string; input_schema: unknown }[];
  system: { text: string }[];
  messages: { role: string; content: string }[];
}
const sent = (index: number) => api.requests[index]?.body as unknown as SentRequest;

describe('the Claude generator', () => {
  it('turns a good submit_skill answer into a candidate', async () => {
    api.reply(recordedReply(WATER_FIXTURE));
    const candidate = await generator().generate(WATER);
    expect(candidate.generator).toBe(`claude:${DEFAULT_CLAUDE_MODEL}`);
    expect(candidate.attempt).toBe(1);
    expect(candidate.manifest).toMatchObject({
      slug: 'custom-water-tracker',
      name: 'Water Tracker',
      version: '1.0.0',
      capabilities: { reads: ['exo_water_entries'], writes: ['exo_water_entries'], http: [], notifications: false, skills: [] },
      config_schema: { type: 'object', properties: {}, additionalProperties: false },
    });
    expect(candidate.configSchema).toEqual(candidate.manifest.config_schema);
    expect(candidate.code).toContain('class WaterTrackerExecutor implements IModExecutor');
    expect(candidate.skillMd).toMatch(/^---\nname: custom-water-tracker\n/);
    expect(candidate.sampleInputs[0]).toEqual({ method: 'executeAction', action: 'log_water', params: { amount_ml: 250 } });
  });

  it('sends one Messages API request offering the submit and decline tools, with the key in the auth header only', async () => {
    api.reply(recordedReply(WATER_FIXTURE));
    await generator({ model: 'claude-sonnet-4-6', maxTokens: 12_000 }).generate(WATER);
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/messages');
    expect(request?.apiKey).toBe(API_KEY);
    expect(request?.headers['anthropic-version']).toBeTruthy();
    expect(request?.rawBody).not.toContain(API_KEY);
    const body = sent(0);
    expect(body).toMatchObject({ model: 'claude-sonnet-4-6', max_tokens: 12_000, tool_choice: { type: 'any' } });
    expect(body.tools.map((tool) => tool.name)).toEqual(['submit_skill', 'not_a_skill_request']);
    expect(body.tools[0]).toMatchObject({ name: 'submit_skill', input_schema: { type: 'object', required: ['code', 'config_schema', 'skill_md', 'manifest', 'sample_inputs'] } });
    const system = body.system[0]?.text;
    expect(system).toContain('supabase');
    expect(system).toContain('foundry.now()');
    expect(system).toContain('`rpc`, `delete`');
    expect(system).toContain('class WaterTrackerExecutor');
    const prompt = body.messages[0]?.content;
    expect(prompt).toContain('"text": "Chcę śledzić ile piję wody"');
    expect(prompt).toContain('`custom-water-tracker`');
    expect(prompt).toContain('exo_water_');
    expect(prompt).not.toContain('# Repair');
  });

  it('sends the previous code and every failure with a repair request, and counts the attempt', async () => {
    api.reply(recordedReply(claudeFixture('water-tracker-fails-audit.json')), recordedReply(WATER_FIXTURE));
    const claude = generator();
    const first = await claude.generate(WATER);
    const audit = auditSkill(first.code, { manifest: first.manifest });
    expect(audit.verdict).toBe('block');
    expect(audit.findings.map((f) => f.rule)).toEqual(['blocked/network', 'blocked/eval']);

    const feedback = { previous: first, findings: audit.findings, schemaErrors: ['getActions()[0].params_schema: unknown keyword "format"'], dryRunError: 'skill-error: boom' };
    const repaired = await claude.generate(WATER, feedback);
    expect(repaired.attempt).toBe(2);
    expect(auditSkill(repaired.code, { manifest: repaired.manifest }).verdict).toBe('pass');

    expect(api.requests).toHaveLength(2);
    const prompt = sent(1).messages[0]?.content;
    expect(prompt).toContain('# Repair');
    expect(prompt).toContain('attempt 1');
    expect(prompt).toContain(first.code);
    for (const finding of audit.findings) {
      expect(prompt).toContain(`[block] ${finding.rule} at line ${finding.line}, column ${finding.column}: ${finding.message.en}`);
      expect(prompt).toContain(`code: ${finding.excerpt}`);
    }
    expect(prompt).toContain('unknown keyword "format"');
    expect(prompt).toContain('## Dry run failed\nskill-error: boom');
  });

  describe('refuses an answer it cannot use as generator/malformed-answer', () => {
    it('no tool_use block (Claude answered in prose)', async () => {
      api.reply(recordedReply(claudeFixture('no-tool-use.json')));
      const error = await failure(generator().generate(WATER));
      expect(error.code).toBe('generator/malformed-answer');
      expect(error.userMessage.en).toBe("Claude's answer could not be used: it holds no submit_skill call.");
      expect(error.userMessage.pl).toBe("Odpowiedzi Claude'a nie da się użyć: nie zawiera wywołania submit_skill.");
    });

    it('a tool call that does not match the schema, listing what is wrong', async () => {
      api.reply(recordedReply(claudeFixture('wrong-schema.json')));
      const error = await failure(generator().generate(WATER));
      expect(error.code).toBe('generator/malformed-answer');
      expect(error.details).toEqual(
        expect.arrayContaining([
          "(root) must have required property 'code'",
          "/manifest must have required property 'description'",
          '/manifest/capabilities/reads must be array',
        ]),
      );
    });

    it('an answer cut off at max_tokens', async () => {
      api.reply(messageReply([{ type: 'text', text: 'export class WaterTracker' }], { stopReason: 'max_tokens' }));
      const error = await failure(generator().generate(WATER));
      expect(error.code).toBe('generator/malformed-answer');
      expect(error.userMessage.en).toMatch(/cut off at the length limit/);
    });

    it('a skill under another slug, at once', async () => {
      const input = waterInput();
      api.reply(toolUseReply('submit_skill', { ...input, manifest: { ...input.manifest, slug: 'custom-something-else' } }));
      expect((await failure(generator().generate(WATER))).userMessage.en).toMatch(/named "custom-something-else" instead of "custom-water-tracker"/);
      expect(api.requests).toHaveLength(1);
    });

    it('an inconsistent skill (a SKILL.md named differently) that is still inconsistent after one repair', async () => {
      const input = waterInput();
      const renamed = toolUseReply('submit_skill', { ...input, skill_md: input.skill_md.replace('name: custom-water-tracker', 'name: water-tracker') });
      api.reply(renamed, renamed);
      const error = await failure(generator().generate(WATER));
      expect(error.code).toBe('generator/malformed-answer');
      expect(error.userMessage.en).toBe("Claude's answer could not be used: the submitted skill is incomplete or inconsistent.");
      expect(error.details).toEqual([`SKILL.md: name "water-tracker" must be equal to the skill's folder name "custom-water-tracker".`]);
      expect(api.requests).toHaveLength(2);
      expect(sent(1).messages[0]?.content).toContain(`- SKILL.md: name "water-tracker" must be equal`);
    });

    it('a 200 response whose body is not JSON', async () => {
      api.reply({ kind: 'raw', status: 200, body: '<html>upstream proxy says hi</html>' });
      const error = await failure(generator().generate(WATER));
      expect(error.code).toBe('generator/malformed-answer');
    });
  });

  it('gives up after the timeout as generator/timeout when the server never answers', async () => {
    api.reply({ kind: 'hang' }, { kind: 'hang' });
    const error = await failure(generator({ timeoutMs: 300, maxRetries: 1 }).generate(WATER));
    expect(error.code).toBe('generator/timeout');
    expect(error.userMessage.en).toMatch(/^Claude did not answer within 0.3 s\./);
    expect(error.userMessage.pl).toMatch(/^Claude nie odpowiedział w ciągu 0,3 s\./);
    expect(api.requests).toHaveLength(2);
  });

  it('waits as retry-after says on a 429 and then succeeds', async () => {
    api.reply(rateLimitReply(1), recordedReply(WATER_FIXTURE));
    const started = Date.now();
    const candidate = await generator({ maxRetries: 1 }).generate(WATER);
    expect(candidate.manifest.slug).toBe('custom-water-tracker');
    expect(api.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(api.requests[1]?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('reports generator/rate-limited with the wait when the 429s do not stop', async () => {
    api.reply(rateLimitReply(1), rateLimitReply(1));
    const error = await failure(generator({ maxRetries: 1 }).generate(WATER));
    expect(error.code).toBe('generator/rate-limited');
    expect(error.retryAfterSeconds).toBe(1);
    expect(error.userMessage.en).toBe('Anthropic is limiting requests for this API key right now. Try again in 1 s.');
    expect(error.userMessage.pl).toBe('Anthropic ogranicza teraz zapytania dla tego klucza API. Spróbuj ponownie za 1 s.');
    expect(error.details).toEqual(expect.arrayContaining(['status: 429', expect.stringMatching(/^request-id: req_011C/)]));
    expect(error.toJSON()).toMatchObject({ code: 'generator/rate-limited', retryAfterSeconds: 1 });
    expect(api.requests).toHaveLength(2);
  });

  it('reports a 429 asking for a long wait at once instead of waiting it out', async () => {
    api.reply(rateLimitReply(120), recordedReply(WATER_FIXTURE));
    const started = Date.now();
    const error = await failure(generator({ maxRetries: 2, maxRetryWaitSeconds: 30 }).generate(WATER));
    expect(error.code).toBe('generator/rate-limited');
    expect(error.retryAfterSeconds).toBe(120);
    expect(error.userMessage.en).toMatch(/Try again in 120 s\.$/);
    expect(api.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a refused key as generator/unauthorized without retrying', async () => {
    api.reply(unauthorizedReply());
    const error = await failure(generator().generate(WATER));
    expect(error.code).toBe('generator/unauthorized');
    expect(error.userMessage.en).toMatch(/^The API key was refused by Anthropic\./);
    expect(error.userMessage.pl).toMatch(/^Anthropic odrzucił klucz API\./);
    expect(api.requests).toHaveLength(1);
  });

  it('reports an overloaded API as generator/unavailable after its retries', async () => {
    api.reply(overloadedReply(), overloadedReply());
    const error = await failure(generator({ maxRetries: 1 }).generate(WATER));
    expect(error.code).toBe('generator/unavailable');
    expect(error.details).toContain('status: 529');
  });

  it('names the replacement when the model id is unknown or retired, never a raw 404', async () => {
    api.reply({ kind: 'json', status: 404, body: { type: 'error', error: { type: 'not_found_error', message: 'model: claude-3-opus-20240229' } } });
    const error = await failure(generator({ model: 'claude-3-opus-20240229', replacementFor: async () => 'claude-opus-4-5' }).generate(WATER));
    expect(error.code).toBe('generator/unknown-model');
    expect(error.userMessage.en).toBe('Anthropic does not offer the model “claude-3-opus-20240229” (it may have been retired). Use claude-opus-4-5 instead: choose it in Settings → Generator.');
    expect(error.userMessage.pl).toBe('Anthropic nie udostępnia modelu „claude-3-opus-20240229” (mógł zostać wycofany). Użyj zamiast niego claude-opus-4-5: wybierz go w Ustawieniach → Generator.');
    expect(error.details).toContain('message: model: claude-3-opus-20240229');
  });

  it('reports a request the API refuses for another reason as generator/request-refused', async () => {
    api.reply({ kind: 'json', status: 413, body: { type: 'error', error: { type: 'request_too_large', message: 'Request exceeds the maximum size' } } });
    const error = await failure(generator().generate(WATER));
    expect(error.code).toBe('generator/request-refused');
  });

  it('never echoes the key, even when the server quotes it back', async () => {
    api.reply({ kind: 'json', status: 400, body: { type: 'error', error: { type: 'invalid_request_error', message: `bad header value ${API_KEY}` } } });
    const error = await failure(generator().generate(WATER));
    expect(error.details).toContain('message: bad header value [api key]');
  });

  it('refuses to call without a key', async () => {
    const error = await failure(generator({ getApiKey: async () => null }).generate(WATER));
    expect(error.code).toBe('generator/unauthorized');
    expect(api.requests).toHaveLength(0);
  });
});

describe('the Claude generator writing skills that reach the web', () => {
  it('turns an HTTP skill with a host-bound secret and sample answers into a candidate that passes the audit', async () => {
    api.reply(recordedReply(BITCOIN_FIXTURE));
    const candidate = await generator().generate(BITCOIN);
    expect(candidate.manifest.capabilities.http).toEqual(['api.coinprices.example']);
    expect(candidate.manifest.secrets).toEqual([
      { name: 'COINPRICES_KEY', hosts: ['api.coinprices.example'], title: 'CoinPrices API key', description: 'From your CoinPrices account page.' },
    ]);
    expect(candidate.code).toContain('"Bearer {{secret:COINPRICES_KEY}}"');
    expect(candidate.sampleInputs[1]).toMatchObject({
      action: 'check_price',
      http: [{ method: 'GET', url: 'https://api.coinprices.example/v1/prices/btc', status: 200, body: { price: 48000 } }],
    });
    const report = auditSkill(candidate.code, { manifest: candidate.manifest });
    expect(report.findings.filter((f) => f.severity === 'block')).toEqual([]);
    expect(report.capabilities.http).toEqual(['api.coinprices.example']);
  });

  it('sends an answer whose sample answers a host the manifest does not declare back once, naming the host, and takes the repair', async () => {
    const input = submittedInput(BITCOIN_FIXTURE);
    const wrong = structuredClone(input);
    (wrong.sample_inputs[0] as { http: { url: string }[] }).http[0]!.url = 'https://mirror.coinprices.example/v1/prices/btc';
    api.reply(toolUseReply('submit_skill', wrong), recordedReply(BITCOIN_FIXTURE));

    const candidate = await generator().generate(BITCOIN);
    expect(candidate.attempt).toBe(2);
    expect(candidate.sampleInputs[0]?.http?.[0]?.url).toBe('https://api.coinprices.example/v1/prices/btc');
    expect(api.requests).toHaveLength(2);
    const repair = sent(1).messages[0]?.content;
    expect(repair).toContain('# Repair');
    expect(repair).toContain(
      '- /sampleInputs/0/http/0/url answers requests to mirror.coinprices.example, which is not in /manifest/capabilities/http; declare it or leave the answer out',
    );
    expect(repair).toContain('"url":"https://mirror.coinprices.example/v1/prices/btc"');
  });

  it('refuses sample answers past their bounds before anything runs', async () => {
    const input = submittedInput(BITCOIN_FIXTURE);
    const answers = (input.sample_inputs[0] as { http: Record<string, unknown>[] }).http;
    const tooMany = structuredClone(input);
    (tooMany.sample_inputs[0] as { http: unknown[] }).http = Array.from({ length: 11 }, () => answers[0]);
    const tooBig = structuredClone(input);
    (tooBig.sample_inputs[0] as { http: Record<string, unknown>[] }).http[0]!.body = 'x'.repeat(64 * 1024 + 1);
    const badMethod = structuredClone(input);
    (badMethod.sample_inputs[0] as { http: Record<string, unknown>[] }).http[0]!.method = 'TRACE';
    api.reply(toolUseReply('submit_skill', tooMany), toolUseReply('submit_skill', badMethod), toolUseReply('submit_skill', tooBig), toolUseReply('submit_skill', tooBig));

    expect((await failure(generator().generate(BITCOIN))).details).toContain('/sample_inputs/0/http must NOT have more than 10 items');
    expect((await failure(generator().generate(BITCOIN))).details).toContain('/sample_inputs/0/http/0/method must be equal to one of the allowed values');
    expect((await failure(generator().generate(BITCOIN))).details).toEqual(['/sampleInputs/0/http/0/body is 65537 bytes; at most 65536 are allowed']);
  });

  it('teaches Claude foundry.http, host-bound secrets and sample answers, and offers them in the tool schema', async () => {
    api.reply(recordedReply(BITCOIN_FIXTURE));
    await generator().generate(BITCOIN);
    const system = sent(0).system[0]?.text ?? '';
    for (const rule of [
      'foundry.http.get(url, { headers })',
      'foundry.http.post(url, body, { headers })',
      'foundry.http.fetch(url, { method, headers, body })',
      'REJECTS with an Error saying why',
      'must start with a string literal that fixes the scheme, host and port',
      'HTTPS only. Plain `http://` only when the need itself names an `http://` address',
      '`{{secret:OPENWEATHER_KEY}}`',
      'Secrets (API keys, tokens) are never written in the code',
      '`foundry.config` (the owner\'s settings',
      'every sample whose call makes requests carries `"http"`, the answers to ALL of them',
      'A request without an answer is refused and the dry run fails',
      'At most 10 answers per sample, each body at most 64 KB',
      '`api.example.com:8443` (HTTPS on another port) or `http://192.168.1.20:8123` (plain HTTP)',
      '"timeoutMs"',
    ])
      expect(system).toContain(rule);
    expect(system).not.toContain('the sandbox passes no settings yet');
    expect(sent(0).messages[0]?.content).toContain('"url": "https://api.coinprices.example/v1/prices/btc"');
    const schema = JSON.stringify(sent(0).tools[0]?.input_schema);
    expect(schema).toContain('"secrets":{"type":"array","maxItems":16');
    expect(schema).toContain('"http":{"type":"array","maxItems":10');
    expect(schema).toContain('"enum":["GET","HEAD","POST","PUT","PATCH","DELETE"]');
  });
});
