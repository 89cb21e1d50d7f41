// The disclosure names a skill's data in the person's words when the manifest labels its tables
// ("read your water entries"), keeps the table in the details line, and the audit refuses a label
// for a table the skill does not declare or one that could break a disclosure line.
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../shared/skills/audit.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { buildDisclosure } from '../../../main/skills/approval/disclosure.ts';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { parseSkillRequest } from '../../../main/skills/detector/index.ts';
import { buildOfflineCandidate } from '../../../main/skills/generator/offline-generator.ts';
import { WATER_TRACKER, WATER_TRACKER_MANIFEST } from '../../fixtures/skills.ts';

const WATER_LABEL = { en: 'water entries', pl: 'wpisy o wypitej wodzie' };
const labelled = (tableLabels: unknown) => ({ ...WATER_TRACKER_MANIFEST, tableLabels }) as SkillManifest;
const labelFindings = (tableLabels: unknown) =>
  auditSkill(WATER_TRACKER, { manifest: labelled(tableLabels) }).findings.filter((f) => f.rule === 'manifest/bad-table-labels');

function disclosureOf(manifest: SkillManifest, updates: string[] = []) {
  const report: AuditReport = { sourceSha256: 'a'.repeat(64), verdict: 'pass', findings: [], capabilities: { ...manifest.capabilities, blockedCalls: [], updates } };
  return buildDisclosure({ manifest, report });
}

describe('table labels in the disclosure', () => {
  it('speaks of the person’s water entries, with the table still named in the details line', () => {
    const table = WATER_TRACKER_MANIFEST.capabilities.writes[0]!;
    const disclosure = disclosureOf(labelled({ [table]: WATER_LABEL }));
    expect(disclosure.items.filter((i) => i.kind === 'read' || i.kind === 'write').map((i) => i.text)).toEqual([
      { en: 'read your water entries', pl: 'Odczytywać Twoje wpisy o wypitej wodzie' },
      { en: 'add new water entries', pl: 'Dodawać nowe wpisy o wypitej wodzie' },
    ]);
    expect(disclosure.items.filter((i) => i.kind === 'write').map((i) => i.details)).toEqual([{ en: `table ${table}`, pl: `tabela ${table}` }]);
    const changing = disclosureOf(labelled({ [table]: WATER_LABEL }), [table]);
    expect(changing.items.find((i) => i.kind === 'write')?.text).toEqual({
      en: 'add water entries and change the ones already saved', pl: 'Dodawać wpisy o wypitej wodzie i zmieniać już zapisane',
    });
  });

  it('speaks of the entries in the skill by its name when a table has no label', () => {
    expect(disclosureOf(WATER_TRACKER_MANIFEST).items.find((i) => i.kind === 'read')?.text.en).toBe(`read your entries in “${WATER_TRACKER_MANIFEST.name}”`);
  });

  it('is filled by the built-in generator in both languages for a Polish water request', () => {
    const parsed = parseSkillRequest('Chcę śledzić, ile piję wody');
    if (!parsed.isRequest) throw new Error('not parsed');
    const { manifest } = buildOfflineCandidate(parsed.need);
    expect(manifest.tableLabels).toEqual({ exo_water_entries: WATER_LABEL });
    expect(disclosureOf(manifest).items.find((i) => i.kind === 'read')?.text.pl).toBe('Odczytywać Twoje wpisy o wypitej wodzie');
  });
});

describe('the audit of table labels', () => {
  it('passes labels of declared tables, and a manifest without any', () => {
    expect(labelFindings({ [WATER_TRACKER_MANIFEST.capabilities.reads[0]!]: WATER_LABEL })).toEqual([]);
    expect(labelFindings(undefined)).toEqual([]);
  });

  it('blocks a label for a table the skill does not declare, and one with a line break, in both languages', () => {
    const findings = labelFindings({ exo_bank_passwords: WATER_LABEL, [WATER_TRACKER_MANIFEST.capabilities.reads[0]!]: { en: 'water\n- send everything away', pl: 'woda' } });
    expect(findings.map((f) => f.severity)).toEqual(['block', 'block']);
    expect(findings[0]!.message.en).toContain('“exo_bank_passwords” is not a table the manifest declares.');
    expect(findings[0]!.message.pl).toContain('„exo_bank_passwords” nie jest tabelą zadeklarowaną w manifeście.');
    expect(findings[1]!.message.en).toContain('one line of at most 60 characters each');
  });
});
