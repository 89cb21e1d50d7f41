// A skill written by a language model, whichever API it speaks (Claude's Messages API, an
// OpenAI-compatible chat completions endpoint): the same prompt, the same tools, the same reading of
// the answer. Each API's generator supplies only a `ModelTransport` that sends one conversation and
// brings back the tool call. The pipeline's repair loop (pipeline.ts) serves every model alike.
//
// Besides that loop, an answer that is well formed but inconsistent (a sample answer for an origin
// the manifest does not declare, a SKILL.md named differently) goes back to the model once, as such
// a repair, before the pipeline ever sees it: only the model can say which of the two sides it meant.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import type { RepairFeedback, SkillGenerator } from './candidate.ts';
import { GeneratorError } from './generator-error.ts';
import { DECLINE_TOOL, inconsistentAnswer, readAnswer, SUBMIT_SKILL_TOOL, type AnswerContext, type ModelAnswer, type ModelReply, type ModelTool } from './model-answer.ts';
import { isUnreachable } from './model-errors.ts';
import { requireUsableNeed } from './need-check.ts';
import { buildOfflineCandidate } from './offline-generator.ts';
import { systemPrompt, userPrompt } from './prompts/executor-prompt.ts';
import { asSkillRequest, type SkillRequest } from './skill-request.ts';
import { skillNames } from './templates/naming.ts';

/** One request to the model: the prompt, the tools it may call, and whether one of them is forced. */
export interface ModelConversation {
  system: string;
  user: string;
  tools: ModelTool[];
  /** The tool the model must call; null: it must call one of `tools`. */
  force: string | null;
}

export interface ModelTransport {
  /** Sends one conversation; throws a GeneratorError the owner can act on when the API fails. */
  ask(conversation: ModelConversation): Promise<ModelReply>;
}

export interface ModelGeneratorOptions {
  id: SkillCandidate['generator'];
  /** "Claude's answer" / "Odpowiedzi Claude'a": how messages name what came back. */
  answer: Localized;
  transport: ModelTransport;
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

const OFFLINE_OFFER: Localized = {
  en: 'The built-in generator can write this skill without a model: choose it in Settings → Generator, or add --generator offline to foundry generate. Nothing was switched for you.',
  pl: 'Wbudowany generator może napisać ten skill bez modelu: wybierz go w Ustawieniach → Generator albo dodaj --generator offline do foundry generate. Niczego nie przełączono za Ciebie.',
};

/**
 * A model that cannot be reached now is said to be so, and when the detector understood the words
 * (so the built-in generator can serve them) the owner is offered that generator, never switched to it.
 */
function withOfflineOffer(error: unknown, request: SkillRequest): unknown {
  if (!(error instanceof GeneratorError) || !isUnreachable(error) || !request.need) return error;
  return new GeneratorError(
    error.code,
    { en: `${error.userMessage.en} ${OFFLINE_OFFER.en}`, pl: `${error.userMessage.pl} ${OFFLINE_OFFER.pl}` },
    { details: error.details, offlineCanServe: true, ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }) },
  );
}

export function createModelGenerator(options: ModelGeneratorOptions): SkillGenerator {
  const { id, transport } = options;

  async function ask(request: SkillRequest, feedback: RepairFeedback | undefined): Promise<ModelAnswer> {
    const names = request.need ? skillNames(requireUsableNeed(request.need)) : null;
    const context: AnswerContext = {
      slug: feedback?.previous.manifest.slug ?? names?.slug ?? null,
      generator: id,
      version: feedback?.previous.manifest.version ?? '1.0.0',
      attempt: (feedback?.previous.attempt ?? 0) + 1,
      answer: options.answer,
    };
    // A first answer may decline the words as no skill request; a repair must submit the skill.
    const reply = await transport.ask({
      system: systemPrompt(example()),
      user: userPrompt(request, names, feedback),
      tools: feedback ? [SUBMIT_SKILL_TOOL] : [SUBMIT_SKILL_TOOL, DECLINE_TOOL],
      force: feedback ? SUBMIT_SKILL_TOOL.name : null,
    });
    return readAnswer(reply, context);
  }

  return {
    id,
    async generate(input, feedback): Promise<SkillCandidate> {
      const request = asSkillRequest(input);
      try {
        let answer = await ask(request, feedback);
        if (answer.problems.length > 0)
          answer = await ask(request, { previous: answer.candidate, findings: [], schemaErrors: answer.problems, dryRunError: null });
        if (answer.problems.length > 0)
          throw inconsistentAnswer(options.answer, answer.problems);
        return answer.candidate;
      } catch (error) {
        throw withOfflineOffer(error, request);
      }
    },
  };
}
