import type { SkillNeed } from '../../../../shared/skills/need.ts';
import type { SkillMd } from '../skill-md.ts';
import type { SkillNames } from './naming.ts';
import type { LocalizedAction, SkillTemplate } from './template.ts';

function paramsLine(action: LocalizedAction): string {
  const properties = (action.params_schema.properties ?? {}) as Record<string, { type?: string }>;
  const required = new Set((action.params_schema.required ?? []) as string[]);
  const params = Object.entries(properties).map(([name, schema]) => `\`${name}\` (${schema.type ?? 'any'}${required.has(name) ? '' : ', optional'})`);
  return params.length ? params.join(', ') : 'none';
}

/** The SKILL.md of a built-in skill: English for the agent, with the owner's-language summary on top. */
export function skillDocument(need: SkillNeed, names: SkillNames, template: SkillTemplate): SkillMd {
  const body = [
    '',
    `# ${names.displayName}`,
    '',
    `> PL: ${template.summary.pl}`,
    '',
    template.summary.en,
    '',
    '## Actions',
    '',
    ...[...template.actions, ...(template.httpActions ?? []).map((entry) => entry.action)].map((action) => `- \`${action.slug}\`: ${action.description.en}. Params: ${paramsLine(action)}.`),
    '',
    '## Data',
    '',
    template.columns.length > 0 ? `One table, \`${names.table}\`, with the columns ${template.columns.map((column) => `\`${column}\``).join(', ')}.` : 'None: the skill keeps no data.',
    '',
    '## Insights',
    '',
    ...template.insights.map((line) => `- ${line}`),
    '',
    ...(template.settings ? ['## Settings', '', ...template.settings.map((line) => `- ${line}`), ''] : []),
  ].join('\n');
  return {
    frontMatter: {
      name: names.slug,
      description: `${template.summary.en} ${template.whenToUse}`,
      metadata: { kind: need.kind, subject: need.subject, language: need.language, generator: 'offline' },
    },
    body,
  };
}
