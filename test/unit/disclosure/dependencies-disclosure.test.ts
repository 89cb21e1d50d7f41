import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../shared/skills/audit.ts';
import { emptyCapabilities, type SkillManifest } from '../../../shared/skills/manifest.ts';
import { buildDisclosure } from '../../../main/skills/approval/disclosure.ts';

const report: AuditReport = { sourceSha256: 'a'.repeat(64), verdict: 'pass', findings: [], capabilities: { ...emptyCapabilities(), blockedCalls: [] } };

describe('the disclosure of a skill with dependencies', () => {
  it('names every skill it may call — a function action’s and a capability’s provider too — and counts that as high risk', () => {
    const manifest: SkillManifest = {
      slug: 'custom-morning-routine', name: 'Morning routine', description: 'Starts the day', version: '1.0.0',
      capabilities: emptyCapabilities(), config_schema: {},
      dependencies: ['custom-water-tracker', 'water.log'],
    };
    const disclosure = buildDisclosure({ manifest, report });
    expect(disclosure.items.map((item) => item.text.en)).toEqual([
      'call the skill custom-water-tracker',
      'call the skill that provides water.log (with that skill\'s own permissions)',
    ]);
    expect(disclosure.items.map((item) => item.text.pl)).toContain('Wywoływać skill, który zapewnia water.log (z jego własnymi uprawnieniami)');
    expect(disclosure.risk.level).toBe('high');
  });
});
