// The one tool Claude must call, and how its answer becomes a candidate. The answer is data
// from the network: it is checked against the tool's own schema before anything uses it.
import type { ManifestAction } from '../../../shared/skills/actions.ts';
import type { Message, Tool } from '@anthropic-ai/sdk/resources/messages';
import type { SampleInput, SkillCandidate } from '../../../shared/skills/candidate.ts';
import type { JsonSchema } from '../../../shared/skills/json-schema.ts';
import type { SkillCapabilities, SkillSecret } from '../../../shared/skills/manifest.ts';
import { candidateProblems } from './candidate.ts';
import { CAPABILITIES_SCHEMA, LIMITS, MANIFEST_FIELDS, SAMPLE_INPUTS_SCHEMA } from './candidate-schema.ts';
import { GeneratorError } from './generator-error.ts';
import { SUBMIT_SKILL_TOOL_NAME } from './prompts/executor-prompt.ts';
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
      },
    },
    sample_inputs: SAMPLE_INPUTS_SCHEMA,
  },
} as const;

export const SUBMIT_SKILL_TOOL: Tool = {
  name: SUBMIT_SKILL_TOOL_NAME,
  description: 'Submit the finished skill: code, settings schema, SKILL.md, manifest and sample inputs for a dry run.',
  input_schema: SUBMIT_SKILL_SCHEMA as unknown as Tool['input_schema'],
};

interface SubmittedSkill {
  code: string;
  config_schema: JsonSchema;
  skill_md: string;
  manifest: { slug: string; name: string; description: string; capabilities: SkillCapabilities; secrets?: SkillSecret[]; actions?: ManifestAction[] };
  sample_inputs: SampleInput[];
}

const checkSubmission = schemaChecker(SUBMIT_SKILL_SCHEMA);

function malformed(en: string, pl: string, details: string[] = []): GeneratorError {
  return new GeneratorError(
    'generator/malformed-answer',
    { en: `Claude's answer could not be used: ${en}`, pl: `Odpowiedzi Claude'a nie da się użyć: ${pl}` },
    { details },
  );
}

export interface AnswerContext {
  slug: string;
  generator: SkillCandidate['generator'];
  version: string;
  attempt: number;
}

/** What Claude submitted, as a candidate, with whatever still makes it inconsistent (none: it is one). */
export interface ClaudeAnswer {
  candidate: SkillCandidate;
  /** Technical lines for a repair request: an answer for an undeclared origin, a SKILL.md named differently… */
  problems: string[];
}

/**
 * The candidate in Claude's `submit_skill` call and its remaining problems, or
 * `generator/malformed-answer` when there is nothing to repair: no call, a call that does not match
 * the tool's schema, or a skill under another name.
 */
export function readAnswer(message: Message, context: AnswerContext): ClaudeAnswer {
  const call = message.content.find((block) => block.type === 'tool_use' && block.name === SUBMIT_SKILL_TOOL_NAME);
  if (!call || call.type !== 'tool_use') {
    if (message.stop_reason === 'max_tokens')
      throw malformed('it was cut off at the length limit before the skill was complete.', 'została ucięta na limicie długości, zanim skill był gotowy.');
    if (message.stop_reason === 'refusal') throw malformed('Claude declined to write this skill.', 'Claude odmówił napisania tego skilla.');
    throw malformed(`it holds no ${SUBMIT_SKILL_TOOL_NAME} call.`, `nie zawiera wywołania ${SUBMIT_SKILL_TOOL_NAME}.`, [`stop_reason: ${String(message.stop_reason)}`]);
  }
  const problems = checkSubmission(call.input);
  if (problems.length > 0)
    throw malformed(`the ${SUBMIT_SKILL_TOOL_NAME} call does not match its schema.`, `wywołanie ${SUBMIT_SKILL_TOOL_NAME} nie zgadza się ze schematem.`, problems);
  const submitted = call.input as SubmittedSkill;
  if (submitted.manifest.slug !== context.slug)
    throw malformed(`the skill is named "${submitted.manifest.slug}" instead of "${context.slug}".`, `skill nazywa się "${submitted.manifest.slug}" zamiast "${context.slug}".`);
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

/** A candidate whose problems outlived the repair: `generator/malformed-answer` listing them. */
export function inconsistentAnswer(problems: string[]): GeneratorError {
  return malformed('the submitted skill is incomplete or inconsistent.', 'przesłany skill jest niepełny lub niespójny.', problems);
}
