// What a generator is asked to write: the owner's words, with what the detector made of them.
// For the offline generator the detector's need is the whole input; a model reads the words
// itself and takes the need only as a hint, so a request the detector cannot parse still reaches
// the model, which may decline it with its own reason.
import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { detectLanguage, MAX_REQUEST_LENGTH, parseSkillRequest } from '../detector/index.ts';
import type { SkillGenerator } from './candidate.ts';

export interface SkillRequest {
  /** The owner's words (or a pattern's or gap's description), as written. */
  text: string;
  language: Locale;
  /** The detector's reading of the words, when it has one. */
  need: SkillNeed | null;
  /** Why the detector would not take the words as a request, when it would not. */
  notARequest: Localized | null;
}

export function requestFromNeed(need: SkillNeed): SkillRequest {
  return { text: need.text, language: need.language, need, notARequest: null };
}

/** A need (from the detector or a suggestion) or a request: what the pipeline accepts. */
export function asSkillRequest(input: SkillNeed | SkillRequest): SkillRequest {
  return 'notARequest' in input ? input : requestFromNeed(input);
}

/** Whether the generator reads the owner's words itself (a model) rather than only the detector's need. */
export function readsWords(generator: Pick<SkillGenerator, 'id'>): boolean {
  return /^(claude|openai):/.test(generator.id);
}

/**
 * The words as a request for `generator`, or why there is none: empty or overlong words are refused
 * for every generator (the same limit as the detector's, so nothing long is sent to a model), and
 * words the detector does not take as a request (or asks a question about) are refused only for a
 * generator that needs its need.
 */
export function requestFor(text: string, generator: Pick<SkillGenerator, 'id'>): { request: SkillRequest } | { refused: Localized; clarify?: true } {
  const words = text.trim();
  const parsed = parseSkillRequest(words);
  if (parsed.isRequest) return { request: requestFromNeed(parsed.need) };
  // The detector's question back ("books or pages?") is for the built-in generator; a model reads the words and may ask itself.
  if (words === '' || words.length > MAX_REQUEST_LENGTH || !readsWords(generator)) return { refused: parsed.reason, ...('clarify' in parsed ? { clarify: true as const } : {}) };
  return { request: { text: words, language: detectLanguage(words) ?? 'en', need: null, notARequest: parsed.reason } };
}
