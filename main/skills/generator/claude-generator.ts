// Claude writes the skill through the Messages API, answering with one forced `submit_skill`
// tool call (structured output). A repair request carries the previous code and its failures.
// An answer that is well formed but inconsistent (a sample answer for an origin the manifest does
// not declare, a SKILL.md named differently) goes back to Claude once, as such a repair, before
// the pipeline ever sees it: only Claude can say which of the two sides it meant.
import Anthropic from '@anthropic-ai/sdk';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import type { RepairFeedback, SkillGenerator } from './candidate.ts';
import { inconsistentAnswer, readAnswer, SUBMIT_SKILL_TOOL, type ClaudeAnswer } from './claude-answer.ts';
import { generatorErrorFrom, retryAfterSeconds } from './claude-errors.ts';
import { GeneratorError } from './generator-error.ts';
import { requireUsableNeed } from './need-check.ts';
import { buildOfflineCandidate } from './offline-generator.ts';
import { SUBMIT_SKILL_TOOL_NAME, systemPrompt, userPrompt } from './prompts/executor-prompt.ts';
import { skillNames } from './templates/naming.ts';

export const DEFAULT_CLAUDE_MODEL = 'claude-opus-4-5';
const DEFAULT_TIMEOUT_MS = 180_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_TOKENS = 16_000;
const DEFAULT_MAX_RETRY_WAIT_SECONDS = 30;

export interface ClaudeGeneratorOptions {
  /** The stored key, or null when there is none; read for every request, never kept. */
  getApiKey: () => Promise<string | null>;
  model?: string;
  /** Where the Messages API lives; tests point it at a local server. */
  baseURL?: string;
  /** Per attempt; the SDK retries timeouts, rate limits and server errors up to `maxRetries` times. */
  timeoutMs?: number;
  maxRetries?: number;
  maxTokens?: number;
  /** A 429 asking to wait longer than this is reported at once instead of waited out. */
  maxRetryWaitSeconds?: number;
}

/**
 * The SDK waits as long as `retry-after` says before retrying. Past `maxWait` the owner is better
 * told to come back later than left watching a spinner, so such a 429 is marked not retryable.
 */
function refusingLongWaits(maxWait: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const wait = retryAfterSeconds(response.headers);
    if (response.status !== 429 || wait === undefined || wait <= maxWait) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

let exampleCode: string | undefined;
/** The built-in water tracker: the example the prompt shows. */
function example(): string {
  exampleCode ??= buildOfflineCandidate({
    kind: 'tracker',
    subject: 'woda',
    subjectKey: 'water',
    unit: 'ml',
    cadence: { type: 'none' },
    language: 'pl',
    source: 'request',
    text: 'Chcę śledzić ile piję wody',
  }).code;
  return exampleCode;
}

export function createClaudeGenerator(options: ClaudeGeneratorOptions): SkillGenerator {
  const model = options.model ?? DEFAULT_CLAUDE_MODEL;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const id = `claude:${model}` as const;

  /** One Messages API request: the need (with a repair's feedback) in, Claude's answer out. */
  async function ask(need: SkillNeed, feedback: RepairFeedback | undefined): Promise<ClaudeAnswer> {
    const names = skillNames(requireUsableNeed(need));
    const apiKey = await options.getApiKey();
    if (!apiKey)
      throw new GeneratorError('generator/unauthorized', {
        en: 'No Anthropic API key is set. Add one in Settings, or use the built-in generator.',
        pl: 'Nie ustawiono klucza API Anthropic. Dodaj go w Ustawieniach albo użyj wbudowanego generatora.',
      });
    const client = new Anthropic({
      apiKey,
      baseURL: options.baseURL ?? 'https://api.anthropic.com',
      timeout: timeoutMs,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      logLevel: 'off',
      openTelemetry: false,
      fetch: refusingLongWaits(options.maxRetryWaitSeconds ?? DEFAULT_MAX_RETRY_WAIT_SECONDS),
    });
    let message: Message;
    try {
      message = await client.messages.create({
        model,
        max_tokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
        // The system prompt is the same for every request: cached, a repair costs only the new part.
        system: [{ type: 'text', text: systemPrompt(example()), cache_control: { type: 'ephemeral' } }],
        messages: [{ role: 'user', content: userPrompt(need, names, feedback) }],
        tools: [SUBMIT_SKILL_TOOL],
        tool_choice: { type: 'tool', name: SUBMIT_SKILL_TOOL_NAME },
      });
    } catch (error) {
      throw generatorErrorFrom(error, { apiKey, timeoutMs });
    }
    return readAnswer(message, {
      slug: names.slug,
      generator: id,
      version: feedback?.previous.manifest.version ?? '1.0.0',
      attempt: (feedback?.previous.attempt ?? 0) + 1,
    });
  }

  return {
    id,
    async generate(need, feedback): Promise<SkillCandidate> {
      let answer = await ask(need, feedback);
      if (answer.problems.length > 0)
        answer = await ask(need, { previous: answer.candidate, findings: [], schemaErrors: answer.problems, dryRunError: null });
      if (answer.problems.length > 0) throw inconsistentAnswer(answer.problems);
      return answer.candidate;
    },
  };
}
