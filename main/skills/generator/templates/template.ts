import type { ScheduleSpec } from '../../../../shared/skills/schedules.ts';
import type { SkillPresentation } from '../../../../shared/skills/presentation.ts';
import type { Locale, Localized } from '../../../../shared/i18n-types.ts';
import type { SampleInput } from '../../../../shared/skills/candidate.ts';
import type { JsonSchema } from '../../../../shared/skills/json-schema.ts';
import type { SkillCapabilities } from '../../../../shared/skills/manifest.ts';
import type { HttpActionSpec, ManifestAction } from '../../../../shared/skills/actions.ts';
import type { ModAction } from '../../../../shared/skills/mod-types.ts';
import type { SkillNeed } from '../../../../shared/skills/need.ts';
import type { SkillNames } from './naming.ts';

export interface LocalizedAction {
  slug: string;
  name: Localized;
  description: Localized;
  params_schema: JsonSchema;
  /** How long one run may take when it needs longer than the sandbox's default 5 s. */
  timeoutMs?: number;
}

/** What one kind's template makes of a need; the offline generator adds manifest and SKILL.md. */
export interface SkillTemplate {
  code: string;
  actions: LocalizedAction[];
  capabilities: SkillCapabilities;
  sampleInputs: SampleInput[];
  /** One or two sentences on what the skill does. */
  summary: Localized;
  /** When an agent should reach for the skill (English, for SKILL.md's description). */
  whenToUse: string;
  /** The columns of the skill's table, for SKILL.md. */
  columns: string[];
  /** What `getInsights` reports (English, for SKILL.md). */
  insights: string[];
  /** The owner's settings (`foundry.config`); kinds without any keep their limits in the code. */
  configSchema?: JsonSchema;
  /** Each setting in a line (English, for SKILL.md). */
  settings?: string[];
  /** Actions that are one request and no code, for manifest.actions (issue 12 §2). */
  httpActions?: { action: LocalizedAction; http: HttpActionSpec }[];
  /** How the home view shows what its getData() returns (manifest.presentation); absent where the data is no series. */
  presentation?: SkillPresentation;
  /** When actions run by themselves (manifest.schedules), e.g. a reminder at the request's time. */
  schedules?: ScheduleSpec[];
}

export type TemplateBuilder = (need: SkillNeed, names: SkillNames) => SkillTemplate;

export function localiseActions(actions: LocalizedAction[], language: Locale): ModAction[] {
  return actions.map((action) => ({
    slug: action.slug,
    name: action.name[language],
    description: action.description[language],
    params_schema: action.params_schema,
    ...(action.timeoutMs === undefined ? {} : { timeoutMs: action.timeoutMs }),
  }));
}

/** A template's http actions as manifest entries, in the owner's language, with labels in both. */
export function localiseHttpActions(actions: SkillTemplate['httpActions'], language: Locale): ManifestAction[] {
  return (actions ?? []).map(({ action, http }) => ({
    slug: action.slug,
    type: 'http',
    name: action.name[language],
    description: action.description[language],
    params_schema: action.params_schema,
    http,
    labels: { name: action.name, description: action.description },
  }));
}

/** Manifest entries that carry only the code actions' labels in both languages, so either language can show them. */
export function codeActionLabels(actions: LocalizedAction[]): ManifestAction[] {
  return actions.map((action) => ({ slug: action.slug, labels: { name: action.name, description: action.description } }));
}

/** Every template's params schemas are closed objects, so the dry run and ajv strict agree on them. */
export function paramsSchema(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', ...(required.length ? { required } : {}), properties, additionalProperties: false };
}

/** A person's text: trimmed elsewhere, bounded here. */
export const textParam = (maxLength: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength });
