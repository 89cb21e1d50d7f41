// The owner's own model: an OpenAI-compatible chat completions server (here a local stand-in that
// answers as Ollama does) writes skills through the same prompt, tools and answer as Claude.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { createOpenAIGenerator, type OpenAIGeneratorOptions } from '../../../main/skills/generator/openai-generator.ts';
import { GeneratorError } from '../../../main/skills/generator/generator-error.ts';
import { requestFor } from '../../../main/skills/generator/skill-request.ts';
import { claudeFixture } from '../../helpers/mock-anthropic.ts';
import { openAIErrorReply, startMockOpenAI, textReply, toolCallReply, type MockOpenAI } from '../../helpers/mock-openai.ts';

const API_KEY = 'sk-proj-TEST-SECRET-7d1e9b3c5a2f4e6d8c0b1a3e5f7d9c2b4a6e8f0d';
const MODEL = 'qwen2.5-coder:7b';
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

/** The submit_skill input of a recorded Claude answer: the same tool, whatever the API. */
function submitted(name: string): Record<string, unknown> {
  const [call] = claudeFixture(name).content as { input: Record<string, unknown> }[];
  return structuredClone(call!.input);
}

let server: MockOpenAI;
beforeEach(async () => {
  server = await startMockOpenAI();
});
afterEach(() => server.close());

function generator(options: Partial<OpenAIGeneratorOptions> = {}) {
  return createOpenAIGenerator({ baseURL: server.baseURL, model: MODEL, getApiKey: async () => null, timeoutMs: 5_000, maxRetries: 1, ...options });
}

interface SentCompletion {
  model: string;
  messages: { role: string; content: string }[];
  tools: { type: string; function: { name: string; parameters: unknown } }[];
  tool_choice: unknown;
}
const sent = (index: number) => server.requests[index]?.body as unknown as SentCompletion;

async function failure(promise: Promise<unknown>): Promise<GeneratorError> {
  const error = await promise.then(
    () => {
      throw new Error('generate succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeneratorError);
  const generatorError = error as GeneratorError;
  for (const text of [generatorError.message, generatorError.stack ?? '', JSON.stringify(generatorError)]) expect(text).not.toContain(API_KEY);
  expect(generatorError.userMessage.pl).not.toBe(generatorError.userMessage.en);
  return generatorError;
}

describe('your own model (OpenAI-compatible)', () => {
  it('turns a good submit_skill function call into a candidate named after the model', async () => {
    server.reply(toolCallReply('submit_skill', submitted('water-tracker.json')));
    const candidate = await generator().generate(WATER);
    expect(candidate.generator).toBe('openai:qwen2.5-coder:7b');
    expect(candidate.attempt).toBe(1);
    expect(candidate.manifest).toMatchObject({ slug: 'custom-water-tracker', version: '1.0.0', capabilities: { writes: ['exo_water_entries'] } });
    expect(candidate.code).toContain('class WaterTrackerExecutor implements IModExecutor');
  });

  it('sends one chat completion with the system prompt, the request and both tools, requiring a call', async () => {
    server.reply(toolCallReply('submit_skill', submitted('water-tracker.json')));
    await generator().generate(WATER);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    const body = sent(0);
    expect(body.model).toBe(MODEL);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]!.content).toContain('foundry.http');
    expect(body.messages[1]!.content).toContain('Chcę śledzić ile piję wody');
    expect(body.tools.map((t) => `${t.type}:${t.function.name}`)).toEqual(['function:submit_skill', 'function:not_a_skill_request']);
    expect(body.tool_choice).toBe('required');
  });

  it('sends no authorization header to a local server without a key, and the key only as a bearer token when one is set', async () => {
    server.reply(toolCallReply('submit_skill', submitted('water-tracker.json')), toolCallReply('submit_skill', submitted('water-tracker.json')));
    await generator().generate(WATER);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    await generator({ getApiKey: async () => API_KEY }).generate(WATER);
    expect(server.requests[1]!.apiKey).toBe(API_KEY);
    expect(server.requests[1]!.rawBody).not.toContain(API_KEY);
  });

  it('gives words the detector cannot read to the model, which may write the skill they ask for', async () => {
    const asked = requestFor('Fetch the euro exchange rate from the NBP API every morning and warn me when it goes above 4.40', { id: `openai:${MODEL}` });
    if (!('request' in asked)) throw new Error('a model must be given the words');
    expect(asked.request.need).toBeNull();
    const euro = submitted('water-tracker.json');
    const manifest = euro.manifest as Record<string, unknown>;
    euro.manifest = { ...manifest, slug: 'custom-euro-rate-watch' };
    euro.skill_md = String(euro.skill_md).replace('name: custom-water-tracker', 'name: custom-euro-rate-watch');
    euro.code = String(euro.code).replace('"custom-water-tracker"', '"custom-euro-rate-watch"');
    server.reply(toolCallReply('submit_skill', euro));

    const candidate = await generator().generate(asked.request);
    expect(candidate.manifest.slug).toBe('custom-euro-rate-watch');
    const prompt = sent(0).messages[1]!.content;
    expect(prompt).toContain('Fetch the euro exchange rate from the NBP API');
    expect(prompt).toContain('The detector found no skill kind in these words');
    expect(prompt).not.toContain('<need>');
  });

  it('says the model’s own reason when it declines words that ask for no skill', async () => {
    const asked = requestFor('what is the capital of France?', { id: `openai:${MODEL}` });
    if (!('request' in asked)) throw new Error('a model must be given the words');
    server.reply(toolCallReply('not_a_skill_request', { reason: { en: 'This is a question to answer now, not something to do again.', pl: 'To pytanie do odpowiedzi teraz, a nie coś do powtarzania.' } }));
    const error = await failure(generator().generate(asked.request));
    expect(error.code).toBe('generator/not-a-request');
    expect(error.userMessage).toEqual({
      en: 'No skill was written: This is a question to answer now, not something to do again.',
      pl: 'Nie napisano skilla: To pytanie do odpowiedzi teraz, a nie coś do powtarzania.',
    });
  });

  describe('an answer it cannot use is generator/malformed-answer', () => {
    it('function arguments that are not JSON', async () => {
      server.reply(toolCallReply('submit_skill', null, { rawArguments: '{"code": "export class Water' }));
      const error = await failure(generator().generate(WATER));
      expect(error.code).toBe('generator/malformed-answer');
      expect(error.userMessage.en).toBe("Your model's answer could not be used: the submit_skill call does not match its schema.");
      expect(error.userMessage.pl).toBe('Odpowiedzi Twojego modelu nie da się użyć: wywołanie submit_skill nie zgadza się ze schematem.');
    });

    it('a model that answered in prose instead of calling a tool', async () => {
      server.reply(textReply('Sure! Here is a water tracker: ```ts export class WaterTracker {} ```'));
      const error = await failure(generator().generate(WATER));
      expect(error.userMessage.en).toBe("Your model's answer could not be used: it holds no submit_skill call.");
    });

    it('an answer cut off at the length limit', async () => {
      server.reply(textReply('export class WaterTracker', 'length'));
      expect((await failure(generator().generate(WATER))).userMessage.en).toMatch(/cut off at the length limit/);
    });
  });

  it('gives up after the timeout, naming the endpoint, when the server never answers', async () => {
    server.reply({ kind: 'hang' }, { kind: 'hang' });
    const error = await failure(generator({ timeoutMs: 300, maxRetries: 1 }).generate(WATER));
    expect(error.code).toBe('generator/timeout');
    const origin = new URL(server.baseURL).origin;
    expect(error.userMessage.en).toBe(`Your model at ${origin} did not answer within 0.3 s. Try again; a local model may need a smaller model or a longer time limit. The built-in generator can write this skill without a model: choose it in Settings → Generator, or add --generator offline to foundry generate. Nothing was switched for you.`);
    expect(error.userMessage.pl).toMatch(/^Twój model pod http:\/\/127\.0\.0\.1:\d+ nie odpowiedział w ciągu 0,3 s\./);
    expect(error.offlineCanServe).toBe(true);
  });

  it('says plainly that a server that is not running cannot be reached, and offers the built-in generator only for words it understands', async () => {
    const address = server.baseURL;
    await server.close();
    const down = generator({ baseURL: address, maxRetries: 0 });
    const understood = await failure(down.generate(WATER));
    expect(understood.code).toBe('generator/unavailable');
    expect(understood.userMessage.en).toMatch(/cannot be reached right now: is the server running\?/);
    expect(understood.userMessage.en).toContain('The built-in generator can write this skill without a model');
    expect(understood.userMessage.pl).toContain('Wbudowany generator może napisać ten skill bez modelu');

    const asked = requestFor('Fetch the euro exchange rate from the NBP API every morning and warn me when it goes above 4.40', { id: `openai:${MODEL}` });
    if (!('request' in asked)) throw new Error('a model must be given the words');
    const notUnderstood = await failure(down.generate(asked.request));
    expect(notUnderstood.code).toBe('generator/unavailable');
    expect(notUnderstood.userMessage.en).not.toContain('built-in generator');
    expect(notUnderstood.offlineCanServe).toBe(false);
    server = await startMockOpenAI();
  });

  it('waits as retry-after says on a 429 and then succeeds', async () => {
    server.reply(openAIErrorReply(429, 'Rate limit reached for requests', { type: 'requests', code: 'rate_limit_exceeded', headers: { 'retry-after': '1' } }), toolCallReply('submit_skill', submitted('water-tracker.json')));
    const candidate = await generator({ maxRetries: 1 }).generate(WATER);
    expect(candidate.manifest.slug).toBe('custom-water-tracker');
    expect(server.requests).toHaveLength(2);
  });

  it('reports a 429 asking for a long wait at once, with the wait', async () => {
    server.reply(openAIErrorReply(429, 'Rate limit reached for requests', { code: 'rate_limit_exceeded', headers: { 'retry-after': '120' } }));
    const error = await failure(generator({ maxRetries: 2 }).generate(WATER));
    expect(error.code).toBe('generator/rate-limited');
    expect(error.retryAfterSeconds).toBe(120);
    expect(error.userMessage.en).toMatch(/is limiting requests right now\. Try again in 120 s\.$/);
    expect(server.requests).toHaveLength(1);
  });

  it('reports a refused key as generator/unauthorized, never quoting the key', async () => {
    server.reply(openAIErrorReply(401, `Incorrect API key provided: ${API_KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`, { code: 'invalid_api_key' }));
    const error = await failure(generator({ getApiKey: async () => API_KEY }).generate(WATER));
    expect(error.code).toBe('generator/unauthorized');
    expect(error.userMessage.en).toMatch(/refused the API key\. Check the key in Settings → Generator \(a local server usually needs none\)\.$/);
    expect(error.details).toContain('message: Incorrect API key provided: [api key]. You can find your API key at https://platform.openai.com/account/api-keys.');
    expect(server.requests).toHaveLength(1);
  });

  it('names a model the server offers when the configured one is unknown (Ollama’s “not found, try pulling it first”)', async () => {
    server.reply(openAIErrorReply(404, 'model "qwen3-coder:30b" not found, try pulling it first', { type: 'api_error' }));
    const error = await failure(generator({ model: 'qwen3-coder:30b', replacementFor: async () => 'qwen2.5-coder:7b' }).generate(WATER));
    expect(error.code).toBe('generator/unknown-model');
    expect(error.userMessage.en).toMatch(/has no model “qwen3-coder:30b”\. It offers qwen2\.5-coder:7b: choose it in Settings → Generator\.$/);
    expect(error.userMessage.pl).toMatch(/nie ma modelu „qwen3-coder:30b”\. Udostępnia qwen2\.5-coder:7b: wybierz go w Ustawieniach → Generator\.$/);
  });

  it('tells a wrong base URL (a 404 that is not about a model) from an unknown model', async () => {
    const error = await failure(generator({ baseURL: server.baseURL.replace(/\/v1$/, '/api') }).generate(WATER));
    expect(error.code).toBe('generator/request-refused');
    expect(error.userMessage.en).toMatch(/Check the base URL \(it usually ends in \/v1\)/);
  });
});
