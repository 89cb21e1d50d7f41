import { isDeepStrictEqual } from 'node:util';
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import type { AuditFinding } from '../../../shared/skills/audit.ts';
import { isCustomModSlug } from '../../../shared/skills/mod-types.ts';
import { CANDIDATE_SCHEMA } from './candidate-schema.ts';
import { GeneratorError } from './generator-error.ts';
import { httpProblems } from './http-consistency.ts';
import { schemaChecker } from './schema-check.ts';
import { parseSkillMd } from './skill-md.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import type { SkillRequest } from './skill-request.ts';

/** Why the previous candidate was turned down; a repair request shows all of it to the generator. */
export interface RepairFeedback {
  previous: SkillCandidate;
  /** Audit findings (block and warn) of the previous code. */
  findings: AuditFinding[];
  /** Config or action schemas that did not compile, SKILL.md problems. */
  schemaErrors: string[];
  /** What went wrong in the sandbox dry run, if it got that far. */
  dryRunError: string | null;
}

export interface SkillGenerator {
  /** `offline`, `import`, `claude:<model>` or `openai:<model>`: recorded on every candidate it makes. */
  readonly id: SkillCandidate['generator'];
  /** A need is taken as the request it was read from (`asSkillRequest`). */
  generate(input: SkillNeed | SkillRequest, feedback?: RepairFeedback): Promise<SkillCandidate>;
}

const checkShape = schemaChecker(CANDIDATE_SCHEMA);

/**
 * Everything structurally wrong with a value claimed to be a candidate, as technical lines;
 * none means it is one. What the code does is the validator's business, not this check's.
 * `ownerAuthored`: a skill folder the owner imports may declare shell actions; a generator's may not.
 */
export function candidateProblems(value: unknown, options: { ownerAuthored?: boolean } = {}): string[] {
  const shape = checkShape(value);
  if (shape.length > 0) return shape;
  const candidate = value as SkillCandidate;
  const problems: string[] = [];
  const { slug, capabilities } = candidate.manifest;
  if (!isCustomModSlug(slug)) problems.push(`/manifest/slug "${slug}" must look like custom-name-in-lowercase`);
  for (const skill of capabilities.skills)
    if (!isCustomModSlug(skill)) problems.push(`/manifest/capabilities/skills "${skill}" is not a custom skill slug`);
  if (!isDeepStrictEqual(candidate.configSchema, candidate.manifest.config_schema))
    problems.push('/configSchema must be equal to /manifest/config_schema');
  candidate.sampleInputs.forEach((sample, index) => {
    if (sample.method === 'executeAction' && sample.action === undefined)
      problems.push(`/sampleInputs/${index} calls executeAction without an action`);
  });
  (candidate.manifest.actions ?? []).forEach((action, index) => {
    if (!options.ownerAuthored && (action.type === 'shell' || 'shell' in action)) {
      problems.push(`/manifest/actions/${index} is a shell action: a generated skill may not run commands on this computer (shell actions need the owner's own configuration and consent to each run)`);
    }
  });
  problems.push(...httpProblems(candidate));
  try {
    parseSkillMd(candidate.skillMd, { folderName: slug });
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    problems.push(error.userMessage.en);
  }
  return problems;
}

/** Returns the value as a candidate, or throws `code` listing every problem. */
export function requireCandidate(value: unknown, code: GeneratorError['code'], message: GeneratorError['userMessage']): SkillCandidate {
  const problems = candidateProblems(value);
  if (problems.length > 0) throw new GeneratorError(code, message, { details: problems });
  return value as SkillCandidate;
}
