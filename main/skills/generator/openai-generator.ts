// The owner's own model writes the skill: any OpenAI-compatible chat completions endpoint (a local
// Ollama, LM Studio or llama.cpp server, or a hosted one) through the official `openai` SDK, with a
// function call as structured output. Prompt, tools and answer are model-generator.ts's, as for Claude.
import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionTool } from 'openai/resources/chat/completions';
import type { SkillGenerator } from './candidate.ts';
import type { ModelReply } from './model-answer.ts';
import { modelError, refusingLongWaits } from './model-errors.ts';
import { createModelGenerator, type ModelConversation } from './model-generator.ts';
import type { OfferedModel } from './model-catalog.ts';
import { openAIFailure, openAIVoice } from './openai-errors.ts';

/** Local models on a laptop are slow to write a whole skill: a generous limit per attempt. */
const DEFAULT_TIMEOUT_MS = 300_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_RETRY_WAIT_SECONDS = 30;

export interface OpenAIGeneratorOptions {
  /** E.g. http://127.0.0.1:11434/v1 (Ollama), http://127.0.0.1:1234/v1 (LM Studio), http://127.0.0.1:8080/v1 (llama.cpp). */
  baseURL: string;
  model: string;
  /** The stored key, or null: local servers usually need none. Read for every request, never kept. */
  getApiKey: () => Promise<string | null>;
  timeoutMs?: number;
  maxRetries?: number;
  /** Sent as `max_tokens` when set; otherwise the server's own limit holds. */
  maxTokens?: number;
  maxRetryWaitSeconds?: number;
  /** The model to name when `model` is unknown to the server (from its models list); null: none known. */
  replacementFor?: (model: string) => Promise<string | null>;
}

/**
 * An OpenAI client for one request. The SDK would otherwise read OPENAI_API_KEY, OPENAI_BASE_URL
 * and the organisation from the environment: everything is passed explicitly. Without a key no
 * `authorization` header is sent at all (the SDK insists on one, so a placeholder is stripped).
 */
export function openAIClient(apiKey: string | null, options: Pick<OpenAIGeneratorOptions, 'baseURL' | 'timeoutMs' | 'maxRetries' | 'maxRetryWaitSeconds'>): OpenAI {
  const fetchWithWaits = refusingLongWaits(options.maxRetryWaitSeconds ?? DEFAULT_MAX_RETRY_WAIT_SECONDS);
  const withoutKey: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.delete('authorization');
    return fetchWithWaits(input, { ...init, headers });
  };
  return new OpenAI({
    apiKey: apiKey ?? 'no-key',
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    baseURL: options.baseURL,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    logLevel: 'off',
    fetch: apiKey ? fetchWithWaits : withoutKey,
  });
}

function replyOf(completion: ChatCompletion): ModelReply {
  const choice = completion.choices?.[0];
  if (!choice?.message) return { call: null, stop: null };
  const call = choice.message.tool_calls?.find((c) => c.type === 'function');
  const stop = choice.finish_reason === 'content_filter' || choice.message.refusal ? 'refusal' : choice.finish_reason;
  if (call?.type !== 'function') return { call: null, stop };
  let input: unknown;
  try {
    input = JSON.parse(call.function.arguments);
  } catch {
    // Arguments that are not JSON match no schema: read as a call with nothing usable in it.
    input = null;
  }
  return { call: { name: call.function.name, input }, stop };
}

export function createOpenAIGenerator(options: OpenAIGeneratorOptions): SkillGenerator {
  const { model } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const voice = openAIVoice(URL.parse(options.baseURL)?.origin ?? options.baseURL);

  async function ask(conversation: ModelConversation): Promise<ModelReply> {
    const apiKey = await options.getApiKey();
    let completion: ChatCompletion;
    try {
      completion = await openAIClient(apiKey, options).chat.completions.create({
        model,
        messages: [
          { role: 'system', content: conversation.system },
          { role: 'user', content: conversation.user },
        ],
        tools: conversation.tools.map((tool): ChatCompletionTool => ({ type: 'function', function: tool })),
        tool_choice: conversation.force ? { type: 'function', function: { name: conversation.force } } : 'required',
        ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}),
      });
    } catch (error) {
      const failure = openAIFailure(error, apiKey);
      if (!failure) throw error;
      const replacement = failure.kind === 'unknown-model' ? ((await options.replacementFor?.(model)) ?? null) : null;
      throw modelError(failure, voice, { timeoutMs, model, replacement });
    }
    return replyOf(completion);
  }

  return createModelGenerator({ id: `openai:${model}`, answer: { en: "Your model's answer", pl: 'Odpowiedzi Twojego modelu' }, transport: { ask } });
}

/** The models the endpoint serves (Ollama: those pulled; LM Studio: those downloaded), in its order. */
export async function listOpenAIModels(apiKey: string | null, options: Pick<OpenAIGeneratorOptions, 'baseURL' | 'timeoutMs' | 'maxRetries'>): Promise<OfferedModel[]> {
  const models: OfferedModel[] = [];
  try {
    for await (const model of openAIClient(apiKey, { timeoutMs: 20_000, maxRetries: 0, ...options }).models.list())
      models.push({ id: model.id, name: null, line: null, deprecated: Boolean(model.shutdown_date) });
  } catch (error) {
    const failure = openAIFailure(error, apiKey);
    if (!failure) throw error;
    throw modelError(failure, openAIVoice(URL.parse(options.baseURL)?.origin ?? options.baseURL), { timeoutMs: options.timeoutMs ?? 20_000, model: '' });
  }
  return models;
}
