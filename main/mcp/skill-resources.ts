// Each generated skill that can run now offers two resources: its running version's SKILL.md
// (`skill://<slug>/SKILL.md`) and the disclosure the owner approved it with
// (`skill://<slug>/disclosure`), in the owner's language. Built-in mods have neither.
import type { Resource } from '@modelcontextprotocol/sdk/types.js';
import type { Locale } from '../../shared/i18n-types.ts';
import type { Disclosure } from '../../shared/skills/disclosure.ts';
import type { RunnableSkill } from '../skills/catalog/index.ts';
import type { SkillService } from '../skills/service.ts';
import type { PrincipalKind } from '../skills/rbac/roles.ts';
import { MCP_TEXTS } from './texts.ts';

const URI = /^skill:\/\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(SKILL\.md|disclosure)$/;

export function listSkillResources(skills: readonly RunnableSkill[], locale: Locale): Resource[] {
  return skills.filter((s) => !s.builtin).flatMap((s) => [
    { uri: `skill://${s.slug}/SKILL.md`, name: `${s.slug}/SKILL.md`, title: MCP_TEXTS.skillMdTitle(s.name)[locale], mimeType: 'text/markdown' },
    { uri: `skill://${s.slug}/disclosure`, name: `${s.slug}/disclosure`, title: MCP_TEXTS.disclosureTitle(s.name)[locale], mimeType: 'text/plain' },
  ]);
}

/** The resource's text, or null when `uri` names nothing a skill that runs now offers. */
export function readSkillResource(
  service: Pick<SkillService, 'getSkill'>,
  principal: PrincipalKind,
  skills: readonly RunnableSkill[],
  uri: string,
  locale: Locale,
): { mimeType: string; text: string } | null {
  const [, slug, part] = URI.exec(uri) ?? [];
  const skill = skills.find((s) => s.slug === slug && !s.builtin);
  if (!skill) return null;
  const running = service.getSkill(principal, skill.slug).versions.find((v) => v.version === skill.version && v.status === 'approved');
  if (!running) return null;
  if (part === 'SKILL.md') return { mimeType: 'text/markdown', text: running.skillMd };
  const disclosure = running.disclosure as Disclosure | null;
  return disclosure ? { mimeType: 'text/plain', text: disclosure.text[locale] } : null;
}
