import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { manifestFor, WATER_TRACKER, WATER_TRACKER_MANIFEST } from '../../fixtures/skills.ts';

describe('auditing the seed water tracker', () => {
  it('passes with a manifest that declares its reads and writes', () => {
    const report = auditSkill(WATER_TRACKER, { manifest: WATER_TRACKER_MANIFEST });
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
  });

  it('extracts exactly what the code touches', () => {
    expect(auditSkill(WATER_TRACKER).capabilities).toEqual({
      reads: ['exo_water_entries'],
      writes: ['exo_water_entries'],
      http: [],
      notifications: false,
      skills: [],
      blockedCalls: [],
      updates: [],
    });
  });

  it('tells a table it only adds to from one whose entries it changes', () => {
    const source = `${WATER_TRACKER}
export function fix(id: number) { return supabase.from('exo_water_fixes').update({ ml: 1 }).eq('id', id); }`;
    expect(auditSkill(source).capabilities).toMatchObject({ writes: ['exo_water_entries', 'exo_water_fixes'], updates: ['exo_water_fixes'] });
  });

  it('is blocked when the manifest leaves out the write, pointing at the insert', () => {
    const manifest = manifestFor('custom-water-tracker', { reads: ['exo_water_entries'] });
    const report = auditSkill(WATER_TRACKER, { manifest });
    expect(report.verdict).toBe('block');
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(finding).toMatchObject({ rule: 'capability/undeclared-write', severity: 'block', line: 10 });
    expect(finding?.excerpt).toContain(".insert(");
    expect(finding?.message.en).toContain('exo_water_entries');
    expect(finding?.message.pl).toContain('exo_water_entries');
  });

  it('warns about a declared read the code never makes', () => {
    const manifest = manifestFor('custom-water-tracker', {
      reads: ['exo_water_entries', 'exo_water_goals'],
      writes: ['exo_water_entries'],
    });
    const report = auditSkill(WATER_TRACKER, { manifest });
    expect(report.verdict).toBe('warn');
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['capability/unused-read', 'warn']]);
    expect(report.findings[0]?.message.en).toContain('exo_water_goals');
  });

  it('reports capabilities without judging them when there is no manifest', () => {
    const report = auditSkill(WATER_TRACKER);
    expect(report.verdict).toBe('pass');
    expect(report.findings.filter((f) => f.rule.startsWith('capability/'))).toEqual([]);
  });

  it('fingerprints the exact source text with SHA-256', () => {
    const report = auditSkill(WATER_TRACKER);
    expect(report.sourceSha256).toBe(createHash('sha256').update(WATER_TRACKER, 'utf8').digest('hex'));
    expect(auditSkill(`${WATER_TRACKER}\n`).sourceSha256).not.toBe(report.sourceSha256);
  });
});
