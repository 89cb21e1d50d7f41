// The two tools a model may call, and how its answer becomes a candidate. The answer is data from
// the network: it is checked against the tool's own schema before anything uses it. The tools are
// written once here; each API's generator only wraps them in its own envelope.
import type { ManifestAction } from '../../../shared/skills/actions.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { SampleInput, SkillCandidate } from '../../../shared/skills/candidate.ts';
import type { JsonSchema } from '../../../shared/skills/json-schema.ts';
import type { SkillCapabilities, SkillSecret } from '../../../shared/skills/manifest.ts';
import { candidateProblems } from './candidate.ts';
import { CAPABILITIES_SCHEMA, LIMITS, MANIFEST_FIELDS, SAMPLE_INPUTS_SCHEMA } from './candidate-schema.ts';
import { GeneratorError } from './generator-error.ts';
import { DECLINE_TOOL_NAME, SUBMIT_SKILL_TOOL_NAME } from './prompts/executor-prompt.ts';
import { schemaChecker } from './schema-check.ts';

const SUBMIT_SKILL_SCHEMA = {
  type: 'object',
  required: ['code', 'config_schema', 'skill_md', 'manifest', 'sample_inputs'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', minLength: 1, maxLength: LIMITS.MAX_CODE_CHARS, description: 'The whole TypeScript file: one exported class implementing IModExecutor.' },
    config_schema: { type: 'object', description: "JSON Schema of the skill's settings." },
    skill_md: { type: 'string', minLength: 1, maxLength: LIMITS.MAX_SKILL_MD_CHARS, description: 'SKILL.md following the Agent Skills specification.' },
    manifest: {
      type: 'object',
      required: ['slug', 'name', 'description', 'capabilities'],
      additionalProperties: false,
      properties: {
        slug: MANIFEST_FIELDS.slug,
        name: MANIFEST_FIELDS.name,
        description: MANIFEST_FIELDS.description,
        capabilities: CAPABILITIES_SCHEMA,
        secrets: MANIFEST_FIELDS.secrets,
        actions: MANIFEST_FIELDS.actions,
        schedules: MANIFEST_FIELDS.schedules,
        dependencies: MANIFEST_FIELDS.dependencies,
        triggers: MANIFEST_FIELDS.triggers,
        presentation: MANIFEST_FIELDS.presentation,
        tableLabels: MANIFEST_FIELDS.tableLabels,
      },
    },
    sample_inputs: SAMPLE_INPUTS_SCHEMA,
  },
} as const;

const reasonText = { type: 'string', minLength: 1, maxLength: 500 } as const;
const DECLINE_SCHEMA = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: {
    reason: {
      type: 'object',
      required: ['en', 'pl'],
      additionalProperties: false,
      description: 'Why these words ask for no skill, for the owner: one sentence in English and the same in Polish.',
      properties: { en: reasonText, pl: reasonText },
    },
  },
} as const;

/** A tool as every API describes one: a name, what it is for and the JSON Schema of its arguments. */
export interface ModelTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export const SUBMIT_SKILL_TOOL: ModelTool = {
  name: SUBMIT_SKILL_TOOL_NAME,
  description: 'Submit the finished skill: code, settings schema, SKILL.md, manifest and sample inputs for a dry run.',
  parameters: SUBMIT_SKILL_SCHEMA,
};

export const DECLINE_TOOL: ModelTool = {
  name: DECLINE_TOOL_NAME,
  description: "Say that the owner's words ask for no skill (a greeting, a question, a one-off task, something no skill can do), with the reason in English and Polish.",
  parameters: DECLINE_SCHEMA,
};

/** What a model sent back, whatever the API: the tool it called, or why it stopped without one. */
export interface ModelReply {
  call: { name: string; input: unknown } | null;
  /** `length` when cut off at the token limit, `refusal` when the model refused; anything else as the API said it. */
  stop: string | null;
}

interface SubmittedSkill {
  code: string;
  config_schema: JsonSchema;
  skill_md: string;
  manifest: { slug: string; name: string; description: string; capabilities: SkillCapabilities; secrets?: SkillSecret[]; actions?: ManifestAction[] };
  sample_inputs: SampleInput[];
}

const checkSubmission = schemaChecker(SUBMIT_SKILL_SCHEMA);
const checkDecline = schemaChecker(DECLINE_SCHEMA);

export interface AnswerContext {
  /** The slug the skill must carry; null when the model names it (the detector had no need). */
  slug: string | null;
  generator: SkillCandidate['generator'];
  version: string;
  attempt: number;
  /** "Claude's answer" / "Odpowiedzi Claude'a": how messages name what came back. */
  answer: Localized;
}

function malformed(answer: Localized, en: string, pl: string, details: string[] = []): GeneratorError {
  return new GeneratorError(
    'generator/malformed-answer',
    { en: `${answer.en} could not be used: ${en}`, pl: `${answer.pl} nie da się użyć: ${pl}` },
    { details },
  );
}

/** What the model submitted, as a candidate, with whatever still makes it inconsistent (none: it is one). */
export interface ModelAnswer {
  candidate: SkillCandidate;
  /** Technical lines for a repair request: an answer for an undeclared origin, a SKILL.md named differently… */
  problems: string[];
}

/**
 * The candidate in the model's `submit_skill` call and its remaining problems. Throws
 * `generator/not-a-request` with the model's own reason when it declined, and
 * `generator/malformed-answer` when there is nothing to repair: no call, a call that does not match
 * the tool's schema, or a skill under another name.
 */
export function readAnswer(reply: ModelReply, context: AnswerContext): ModelAnswer {
  const { call } = reply;
  if (call?.name === DECLINE_TOOL_NAME) {
    const problems = checkDecline(call.input);
    if (problems.length > 0) throw malformed(context.answer, `the ${DECLINE_TOOL_NAME} call does not match its schema.`, `wywołanie ${DECLINE_TOOL_NAME} nie zgadza się ze schematem.`, problems);
    const { reason } = call.input as { reason: Localized };
    return declined(reason);
  }
  if (call?.name !== SUBMIT_SKILL_TOOL_NAME) {
    if (reply.stop === 'length')
      throw malformed(context.answer, 'it was cut off at the length limit before the skill was complete.', 'została ucięta na limicie długości, zanim skill był gotowy.');
    if (reply.stop === 'refusal') throw malformed(context.answer, 'the model declined to write this skill.', 'model odmówił napisania tego skilla.');
    throw malformed(context.answer, `it holds no ${SUBMIT_SKILL_TOOL_NAME} call.`, `nie zawiera wywołania ${SUBMIT_SKILL_TOOL_NAME}.`, [
      call ? `called: ${call.name.slice(0, 64)}` : `stop_reason: ${String(reply.stop)}`,
    ]);
  }
  const problems = checkSubmission(call.input);
  if (problems.length > 0)
    throw malformed(context.answer, `the ${SUBMIT_SKILL_TOOL_NAME} call does not match its schema.`, `wywołanie ${SUBMIT_SKILL_TOOL_NAME} nie zgadza się ze schematem.`, problems);
  const submitted = call.input as SubmittedSkill;
  if (context.slug !== null && submitted.manifest.slug !== context.slug)
    throw malformed(context.answer, `the skill is named "${submitted.manifest.slug}" instead of "${context.slug}".`, `skill nazywa się "${submitted.manifest.slug}" zamiast "${context.slug}".`);
  // Shaped like a candidate (the tool's schema held); `candidateProblems` says whether it is a consistent one.
  const candidate = {
    code: submitted.code,
    manifest: { ...submitted.manifest, version: context.version, config_schema: submitted.config_schema },
    configSchema: submitted.config_schema,
    skillMd: submitted.skill_md,
    sampleInputs: submitted.sample_inputs,
    generator: context.generator,
    attempt: context.attempt,
  } as SkillCandidate;
  return { candidate, problems: candidateProblems(candidate) };
}

function declined(reason: Localized): never {
  throw new GeneratorError('generator/not-a-request', {
    en: `No skill was written: ${reason.en}`,
    pl: `Nie napisano skilla: ${reason.pl}`,
  });
}

/** A candidate whose problems outlived the repair: `generator/malformed-answer` listing them. */
export function inconsistentAnswer(answer: Localized, problems: string[]): GeneratorError {
  return malformed(answer, 'the submitted skill is incomplete or inconsistent.', 'przesłany skill jest niepełny lub niespójny.', problems);
}
