// A generated (or imported) skill before any later stage has looked at it. Plain data: the
// review window shows it, the validator audits it, the sandbox dry-runs its sample inputs.
import type { JsonSchema } from './json-schema.ts';
import type { SkillManifest } from './manifest.ts';

/** The executor methods a dry run may call; `getActions` needs no sample, it takes no input. */
export const SAMPLE_METHODS = ['executeAction', 'getData', 'getInsights'] as const;
export type SampleMethod = (typeof SAMPLE_METHODS)[number];

export interface SampleInput {
  method: SampleMethod;
  /** Required when `method` is `executeAction`. */
  action?: string;
  params?: Record<string, unknown>;
}

/** Who wrote the candidate: the built-in templates, a Claude model, or an imported folder. */
export type GeneratorName = 'offline' | 'import' | `claude:${string}`;

export interface SkillCandidate {
  /** One TypeScript file exporting one class that implements IModExecutor. */
  code: string;
  manifest: SkillManifest;
  /** The same schema as `manifest.config_schema`, kept beside the code for review. */
  configSchema: JsonSchema;
  /** Agent Skills SKILL.md; its `name` equals `manifest.slug`. */
  skillMd: string;
  sampleInputs: SampleInput[];
  generator: GeneratorName;
  /** 1 for a first answer, one more for each repair. */
  attempt: number;
}
