// Skills that call skills, approved through the real pipeline and both factors: the offline water
// tracker (the callee, which may write its entries and provides `water.log`) and small callers
// written here, each with the dependencies its test needs.
import { offlineGenerator, type SkillGenerator } from '../../../main/skills/generator/index.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import type { ManifestAction } from '../../../shared/skills/actions.ts';
import type { CustomModSlug } from '../../../shared/skills/mod-types.ts';
import type { SampleInput } from '../../../shared/skills/candidate.ts';
import { waterNeed, type Flow } from './flow-fixtures.ts';

export interface SkillParts {
  slug: CustomModSlug;
  /** The body of executeAction (tenant_id, action, params in scope). */
  actions: string;
  /** What getActions() answers, as source text. */
  actionList: string;
  reads?: string[];
  writes?: string[];
  dependencies?: string[];
  provides?: string[];
  /** Called skills, as the capability extractor sees them. */
  skills?: string[];
  declaredActions?: ManifestAction[];
  getData?: string;
  sampleInputs?: SampleInput[];
}

const className = (slug: string) => slug.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()) + 'Executor';

export function skillCode(parts: SkillParts): string {
  return `export class ${className(parts.slug)} implements IModExecutor {
  readonly slug = '${parts.slug}';
  async getData(tenant_id: string) {
    ${parts.getData ?? 'return { tenant: tenant_id };'}
  }
  async getInsights(tenant_id: string) { return []; }
  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    ${parts.actions}
    return { success: false, error: 'Unknown action' };
  }
  getActions() { return ${parts.actionList}; }
}
`;
}

export function manifestOf(parts: SkillParts): SkillManifest {
  return {
    slug: parts.slug,
    name: parts.slug,
    description: `A test skill: ${parts.slug}`,
    version: '1.0.0',
    capabilities: { reads: parts.reads ?? [], writes: parts.writes ?? [], http: [], notifications: false, skills: parts.skills ?? [] },
    config_schema: { type: 'object', properties: {}, additionalProperties: false },
    ...(parts.dependencies ? { dependencies: parts.dependencies } : {}),
    ...(parts.provides ? { provides: parts.provides } : {}),
    ...(parts.declaredActions ? { actions: parts.declaredActions } : {}),
  };
}

/** A generator that writes exactly this skill (whatever the need says). */
export function generatorOf(parts: SkillParts): SkillGenerator {
  return {
    id: 'offline',
    async generate() {
      const manifest = manifestOf(parts);
      return {
        code: skillCode(parts),
        manifest,
        configSchema: manifest.config_schema,
        skillMd: `---\nname: ${parts.slug}\ndescription: A test skill that calls other skills.\n---\n\n# ${parts.slug}\n\nA test skill.\n`,
        sampleInputs: parts.sampleInputs ?? [{ method: 'getData' }],
        generator: 'offline',
        attempt: 1,
      };
    },
  };
}

/** The offline water tracker, providing `water.log` when asked to. */
export function waterTrackerGenerator(extra: Partial<SkillManifest> = {}): SkillGenerator {
  return {
    id: 'offline',
    async generate(need, feedback) {
      const candidate = await offlineGenerator.generate(need, feedback);
      return { ...candidate, manifest: { ...candidate.manifest, ...extra } };
    },
  };
}

export async function pendingWith(flow: Flow, generator: SkillGenerator): Promise<SkillVersionRecord> {
  const result = await flow.engine.skills.generate(waterNeed(), 'owner', { generator });
  if (result.outcome !== 'pending') throw new Error(`the skill must be pending: ${result.reason.en} ${JSON.stringify(result.steps.at(-1))}`);
  return result.version;
}

export async function approvedWith(flow: Flow, generator: SkillGenerator): Promise<SkillVersionRecord> {
  const pending = await pendingWith(flow, generator);
  return flow.service.approve('owner', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await flow.nextCode() });
}

/** Calls `log_water` on `target` with the amount it was given, and answers what came back. */
export function waterCaller(slug: CustomModSlug, target: string, extra: Partial<SkillParts> = {}): SkillParts {
  return {
    slug,
    actions: `if (action === 'drink') {
      const answer = await foundry.skills.call('${target}', 'log_water', { amount_ml: params.amount_ml });
      return { success: true, data: answer };
    }`,
    actionList: `[{ slug: 'drink', name: 'Drink', description: 'Log a drink', params_schema: { type: 'object', required: ['amount_ml'], properties: { amount_ml: { type: 'number' } }, additionalProperties: false } }]`,
    dependencies: [target],
    skills: [target],
    ...extra,
  };
}
