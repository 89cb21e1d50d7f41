// One shape for every tool's answer: structured content for programs, a short text for the model
// (in the owner's language), and `isError` for refusals, which the model should read and act on.
import type { Locale, Localized } from '../../shared/i18n-types.ts';
import { ApiBackendError } from '../api/backend.ts';
import { HttpError } from '../api/http-error.ts';
import { MCP_TEXTS } from './texts.ts';

export interface ToolAnswer {
  structured: Record<string, unknown>;
  text: Localized;
  isError?: boolean;
}

/** Structured results shown as text are cut here: the structured content carries them whole. */
const MAX_TEXT_JSON = 4000;

export function toCallToolResult(answer: ToolAnswer, locale: Locale, shown?: unknown) {
  const json = shown === undefined ? '' : JSON.stringify(shown);
  const detail = json.length > MAX_TEXT_JSON ? `${json.slice(0, MAX_TEXT_JSON)}…` : json;
  return {
    content: [{ type: 'text' as const, text: detail ? `${answer.text[locale]}\n${detail}` : answer.text[locale] }],
    structuredContent: answer.structured,
    ...(answer.isError ? { isError: true } : {}),
  };
}

/**
 * A refusal the API would answer with (arguments that do not match, unknown skill, not approved,
 * params refused, limit reached) as the tool's answer; null for anything unexpected.
 */
export function refusalAnswer(error: unknown): ToolAnswer | null {
  if (!(error instanceof ApiBackendError) && !(error instanceof HttpError)) return null;
  const retryAt = error instanceof ApiBackendError ? error.retryAt : undefined;
  return {
    structured: { error: { code: error.code, status: error.status, message: error.userMessage, ...(error.details ? { details: error.details } : {}), ...(retryAt ? { retryAt } : {}) } },
    text: error.userMessage,
    isError: true,
  };
}

export const internalAnswer = (): ToolAnswer => ({ structured: { error: { code: 'internal', message: MCP_TEXTS.internal } }, text: MCP_TEXTS.internal, isError: true });
