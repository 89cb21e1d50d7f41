// What changed between two versions of a skill, for the review window: unified diffs of the code,
// SKILL.md and config schema, and the capabilities gained and lost (worded as in the disclosure).
import { createTwoFilesPatch } from 'diff';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { capabilityItems, itemsMissingFrom, tablesOf } from '../approval/disclosure-items.ts';
import type { VersionRef, VersionDiff } from '../../../shared/contract/review-records.ts';
export type { VersionRef, VersionDiff };





const ref = (v: SkillVersionRecord): VersionRef => ({ id: v.id, version: v.version, tag: v.tag, contentSha256: v.contentSha256 });

function patch(file: string, a: SkillVersionRecord, b: SkillVersionRecord, before: string, after: string): string {
  return before === after ? '' : createTwoFilesPatch(`${a.tag}/${file}`, `${b.tag}/${file}`, before, after, undefined, undefined, { context: 3 });
}

const changed = (from: string, to: string) => (from === to ? null : { from, to });

/** From `a` (usually the active version) to `b` (usually the one waiting for review). */
export function versionDiff(a: SkillVersionRecord, b: SkillVersionRecord): VersionDiff {
  const schema = (v: SkillVersionRecord) => `${JSON.stringify(v.configSchema, null, 2)}\n`;
  // Both worded with the newer name, so a rename shows once (as `name`), not as every item changed.
  const tablesCompared = tablesOf(a.manifest.capabilities, b.manifest.capabilities);
  const items = (v: SkillVersionRecord) => capabilityItems(v.manifest.capabilities, { ...v.manifest, name: b.manifest.name, tableLabels: b.manifest.tableLabels, updates: v.auditReport?.capabilities.updates, tablesCompared });
  const before = items(a);
  const after = items(b);
  const diff = {
    from: ref(a),
    to: ref(b),
    code: patch('skill.ts', a, b, a.code, b.code),
    skillMd: patch('SKILL.md', a, b, a.skillMd, b.skillMd),
    configSchema: patch('config_schema.json', a, b, schema(a), schema(b)),
    name: changed(a.manifest.name, b.manifest.name),
    description: changed(a.manifest.description, b.manifest.description),
    capabilities: { added: itemsMissingFrom(after, before), removed: itemsMissingFrom(before, after) },
  };
  const identical = !diff.code && !diff.skillMd && !diff.configSchema && !diff.name && !diff.description
    && diff.capabilities.added.length === 0 && diff.capabilities.removed.length === 0;
  return { ...diff, identical };
}
