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
  /**
   * What the network answers during this sample's dry run: no request leaves the computer before
   * the owner approved, so each foundry.http call is answered from here or refused.
   */
  http?: HttpSample[];
}

/** A canned answer to the requests with this method and URL (a URL without a query matches any query). */
export interface HttpSample {
  /** GET when absent. */
  method?: string;
  url: string;
  /** 200 when absent. */
  status?: number;
  headers?: Record<string, string>;
  /** Text as it is, any other JSON value as its JSON text. */
  body: unknown;
}

/** Who wrote the candidate: the built-in templates, a Claude model, or an imported folder. */
export type GeneratorName = 'offline' | 'import' | `claude:${string}` | `openai:${string}`;

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
