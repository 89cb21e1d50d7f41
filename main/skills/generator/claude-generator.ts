// Claude writes the skill through the Messages API (model-generator.ts holds the prompt, the tools
// and the reading of the answer): one request per answer, a tool call as structured output.
import Anthropic from '@anthropic-ai/sdk';
import type { Message, Tool } from '@anthropic-ai/sdk/resources/messages';
import type { SkillGenerator } from './candidate.ts';
import { anthropicFailure, CLAUDE_VOICE } from './claude-errors.ts';
import { GeneratorError } from './generator-error.ts';
import type { ModelReply } from './model-answer.ts';
import { modelError, refusingLongWaits } from './model-errors.ts';
import { createModelGenerator, type ModelConversation } from './model-generator.ts';
import type { OfferedModel } from './model-catalog.ts';

export const DEFAULT_CLAUDE_MODEL = 'claude-opus-4-5';
export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
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
  /** The model to name when `model` is unknown or retired (from the account's models list); null: none known. */
  replacementFor?: (model: string) => Promise<string | null>;
}

const NO_KEY = {
  en: 'No Anthropic API key is set. Add one in Settings, or choose another generator there.',
  pl: 'Nie ustawiono klucza API Anthropic. Dodaj go w Ustawieniach albo wybierz tam inny generator.',
};

/** An Anthropic client for one request: the key is read for it and kept nowhere else. */
export function anthropicClient(apiKey: string, options: Pick<ClaudeGeneratorOptions, 'baseURL' | 'timeoutMs' | 'maxRetries' | 'maxRetryWaitSeconds'>): Anthropic {
  return new Anthropic({
    apiKey,
    baseURL: options.baseURL ?? ANTHROPIC_BASE_URL,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    logLevel: 'off',
    openTelemetry: false,
    fetch: refusingLongWaits(options.maxRetryWaitSeconds ?? DEFAULT_MAX_RETRY_WAIT_SECONDS),
  });
}

function replyOf(message: Message): ModelReply {
  const call = message.content.find((block) => block.type === 'tool_use');
  const stop = message.stop_reason === 'max_tokens' ? 'length' : message.stop_reason;
  return { call: call?.type === 'tool_use' ? { name: call.name, input: call.input } : null, stop };
}

export function createClaudeGenerator(options: ClaudeGeneratorOptions): SkillGenerator {
  const model = options.model ?? DEFAULT_CLAUDE_MODEL;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function ask(conversation: ModelConversation): Promise<ModelReply> {
    const apiKey = await options.getApiKey();
    if (!apiKey) throw new GeneratorError('generator/unauthorized', NO_KEY);
    let message: Message;
    try {
      message = await anthropicClient(apiKey, options).messages.create({
        model,
        max_tokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
        // The system prompt is the same for every request: cached, a repair costs only the new part.
        system: [{ type: 'text', text: conversation.system, cache_control: { type: 'ephemeral' } }],
        messages: [{ role: 'user', content: conversation.user }],
        tools: conversation.tools.map((tool): Tool => ({ name: tool.name, description: tool.description, input_schema: tool.parameters as Tool['input_schema'] })),
        tool_choice: conversation.force ? { type: 'tool', name: conversation.force } : { type: 'any' },
      });
    } catch (error) {
      const failure = anthropicFailure(error, apiKey);
      if (!failure) throw error;
      const replacement = failure.kind === 'unknown-model' ? ((await options.replacementFor?.(model)) ?? null) : null;
      throw modelError(failure, CLAUDE_VOICE, { timeoutMs, model, replacement });
    }
    return replyOf(message);
  }

  return createModelGenerator({ id: `claude:${model}`, answer: { en: "Claude's answer", pl: "Odpowiedzi Claude'a" }, transport: { ask } });
}

/** The models this key may use, newest first, as Anthropic lists them; failures worded as for generating. */
export async function listClaudeModels(apiKey: string, options: Pick<ClaudeGeneratorOptions, 'baseURL' | 'timeoutMs' | 'maxRetries'> = {}): Promise<OfferedModel[]> {
  const models: OfferedModel[] = [];
  try {
    for await (const info of anthropicClient(apiKey, { timeoutMs: 20_000, maxRetries: 0, ...options }).models.list({ limit: 100 }))
      models.push({ id: info.id, name: info.display_name ?? null, line: info.line ?? null, deprecated: info.lifecycle !== undefined && info.lifecycle !== 'active' });
  } catch (error) {
    const failure = anthropicFailure(error, apiKey);
    if (!failure) throw error;
    throw modelError(failure, CLAUDE_VOICE, { timeoutMs: options.timeoutMs ?? 20_000, model: '' });
  }
  return models;
}
