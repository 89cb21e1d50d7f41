import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { createClaudeGenerator, DEFAULT_CLAUDE_MODEL, type ClaudeGeneratorOptions } from '../../../main/skills/generator/claude-generator.ts';
import { GeneratorError } from '../../../main/skills/generator/generator-error.ts';
import { offlineGenerator } from '../../../main/skills/generator/offline-generator.ts';
import { selectGenerator } from '../../../main/skills/generator/select-generator.ts';
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

  it('sends one Messages API request forcing the submit_skill tool, with the key in the auth header only', async () => {
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
    expect(body).toMatchObject({ model: 'claude-sonnet-4-6', max_tokens: 12_000, tool_choice: { type: 'tool', name: 'submit_skill' } });
    expect(body.tools).toHaveLength(1);
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

    it('a skill under another slug, or with a SKILL.md named differently', async () => {
      const [call] = WATER_FIXTURE.content as { input: { manifest: Record<string, unknown>; skill_md: string } }[];
      const input = call?.input ?? { manifest: {}, skill_md: '' };
      api.reply(
        toolUseReply('submit_skill', { ...input, manifest: { ...input.manifest, slug: 'custom-something-else' } }),
        toolUseReply('submit_skill', { ...input, skill_md: input.skill_md.replace('name: custom-water-tracker', 'name: water-tracker') }),
      );
      expect((await failure(generator().generate(WATER))).userMessage.en).toMatch(/named "custom-something-else" instead of "custom-water-tracker"/);
      const renamed = await failure(generator().generate(WATER));
      expect(renamed.code).toBe('generator/malformed-answer');
      expect(renamed.details).toEqual([`SKILL.md: name "water-tracker" must be equal to the skill's folder name "custom-water-tracker".`]);
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

  it('reports a request the API refuses (unknown model) as generator/request-refused', async () => {
    api.reply({ kind: 'json', status: 404, body: { type: 'error', error: { type: 'not_found_error', message: 'model: claude-nonexistent' } } });
    const error = await failure(generator({ model: 'claude-nonexistent' }).generate(WATER));
    expect(error.code).toBe('generator/request-refused');
    expect(error.details).toContain('message: model: claude-nonexistent');
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

describe('selectGenerator', () => {
  it('picks the built-in generator when no key is set, Claude otherwise', async () => {
    expect(await selectGenerator({ getApiKey: async () => null })).toBe(offlineGenerator);
    expect(await selectGenerator({ getApiKey: async () => '' })).toBe(offlineGenerator);
    const claude = await selectGenerator({ getApiKey: async () => API_KEY, model: 'claude-haiku-4-5' });
    expect(claude.id).toBe('claude:claude-haiku-4-5');
  });
});
