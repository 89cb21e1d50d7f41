// Each action of each skill that can run now, as an MCP tool: `slug__action`, described by the
// action's name and description (the owner's language for built-in mods, the skill's own for
// generated ones), its params_schema passed through as the tool's inputSchema. Nothing is
// converted: the engine checks params against that very schema before anything runs.
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { JsonSchema } from '../../shared/skills/json-schema.ts';
import type { ModAction } from '../../shared/skills/mod-types.ts';
import type { RunnableSkill } from '../skills/catalog/index.ts';
import { skillToolName } from './tool-names.ts';

export interface SkillTool {
  skillSlug: string;
  action: string;
  tool: Tool;
}

/** MCP needs an object schema at the top; an action's params are always an object, so only a missing `type` is added. */
const inputSchemaOf = (schema: JsonSchema): Tool['inputSchema'] => ({ ...schema, type: 'object' }) as Tool['inputSchema'];

function skillTool(skill: RunnableSkill, action: ModAction): SkillTool {
  const name = skillToolName(skill.slug, action.slug);
  return {
    skillSlug: skill.slug,
    action: action.slug,
    tool: {
      name,
      title: `${skill.name}: ${action.name}`,
      description: `${action.name} (${skill.name}${skill.version ? ` ${skill.version}` : ''}). ${action.description}`,
      inputSchema: inputSchemaOf(action.params_schema),
    },
  };
}

/** The tools of the skills that can run now, by name. */
export function skillTools(skills: readonly RunnableSkill[]): Map<string, SkillTool> {
  return new Map(skills.flatMap((skill) => skill.actions.map((action) => skillTool(skill, action))).map((t) => [t.tool.name, t]));
}

/** What changes the list of tools: which skills run, at which version, with which actions. */
export const toolsFingerprint = (skills: readonly RunnableSkill[]): string =>
  skills.map((s) => `${s.slug}@${s.version ?? 'builtin'}:${s.actions.map((a) => a.slug).join(',')}`).join('\n');
