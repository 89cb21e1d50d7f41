// What the assistant may see of the skills: every skill that can run now (built-in mods, then
// generated skills whose running version the owner approved) with its actions and their params
// schemas, and the others (pending, rejected, active but not runnable) with their status only.
// Archived skills are the owner's alone and never listed. `GET /api/skills` pages through this
// list and the MCP server makes a tool of each runnable action; both read it through the skill
// service, so neither decides for itself what may run.
import type { SkillStatus } from '../../../shared/contract/records.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { BUILTIN_MOD_SLUGS, type ModAction } from '../../../shared/skills/mod-types.ts';
import type { PrincipalKind } from '../rbac/roles.ts';
import type { SkillService } from '../service.ts';

export interface RunnableSkill {
  slug: string;
  name: string;
  description: string;
  status: 'active';
  builtin: boolean;
  /** The running version; null for a built-in mod. */
  version: string | null;
  runnable: true;
  actions: ModAction[];
}

/** Known, but nothing of it can run now: only its status is shown. */
export interface WaitingSkill {
  slug: string;
  name: string;
  status: SkillStatus;
  runnable: false;
}

export type CatalogSkill = RunnableSkill | WaitingSkill;

export interface CatalogPage {
  skills: CatalogSkill[];
  total: number;
  offset: number;
  limit: number;
}

const BUILTIN_DESCRIPTION: Localized = { en: 'Built into Skill Foundry.', pl: 'Wbudowany w Skill Foundry.' };

type Listed = { slug: string; name: string; description: string; status: SkillStatus; builtin: boolean; version: string | null };

export function createSkillCatalog(service: Pick<SkillService, 'listSkills' | 'actionsOf' | 'locale'>) {
  function listed(principal: PrincipalKind): Listed[] {
    const description = BUILTIN_DESCRIPTION[service.locale()];
    const builtins = BUILTIN_MOD_SLUGS.map((slug): Listed => ({ slug, name: slug, description, status: 'active', builtin: true, version: null }));
    const generated = service.listSkills(principal).map((s): Listed => ({ ...s, version: s.activeVersion, builtin: false }));
    return [...builtins, ...generated];
  }

  async function withActions(principal: PrincipalKind, skill: Listed): Promise<CatalogSkill> {
    const actions = skill.status === 'active' ? await service.actionsOf(principal, skill.slug) : null;
    if (!actions) return { slug: skill.slug, name: skill.name, status: skill.status, runnable: false };
    return { ...skill, status: 'active', runnable: true, actions };
  }

  return {
    /** One page, built-in mods first, then generated skills by name. */
    async page(principal: PrincipalKind, offset: number, limit: number): Promise<CatalogPage> {
      const all = listed(principal);
      const skills = await Promise.all(all.slice(offset, offset + limit).map((skill) => withActions(principal, skill)));
      return { skills, total: all.length, offset, limit };
    },

    /** Every skill that can run now, with its actions. */
    async runnable(principal: PrincipalKind): Promise<RunnableSkill[]> {
      const all = await Promise.all(listed(principal).map((skill) => withActions(principal, skill)));
      return all.filter((skill): skill is RunnableSkill => skill.runnable);
    },
  };
}
export type SkillCatalog = ReturnType<typeof createSkillCatalog>;
