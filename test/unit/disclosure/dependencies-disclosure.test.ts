import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../shared/skills/audit.ts';
import { emptyCapabilities, type SkillManifest } from '../../../shared/skills/manifest.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { buildDisclosure } from '../../../main/skills/approval/disclosure.ts';
import { dependencyWrites } from '../../../main/skills/approval/dependency-writes.ts';

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

  it('judges a called skill by what its running version can do: only reading is medium, writing or calling others is high, and what cannot be resolved counts as writing', () => {
    const running = (slug: string, capabilities: Partial<SkillManifest['capabilities']>, provides: string[] = []) =>
      ({ slug, manifest: { slug, capabilities: { ...emptyCapabilities(), ...capabilities }, provides } }) as unknown as SkillVersionRecord;
    const skills = [
      running('custom-weather', { reads: ['exo_weather_readings'] }, ['weather.today']),
      running('custom-water-tracker', { reads: ['exo_water_entries'], writes: ['exo_water_entries'] }),
      running('custom-relay', { skills: ['custom-water-tracker'] }),
    ];
    const versions = { running: () => skills, active: (slug: string) => skills.find((v) => v.slug === slug) ?? null };
    expect(dependencyWrites(versions, ['weather.today', 'custom-weather', 'custom-water-tracker', 'custom-relay', 'custom-gone', 'nobody.provides'])).toEqual({
      'weather.today': false, 'custom-weather': false, 'custom-water-tracker': true, 'custom-relay': true,
    });

    const manifest: SkillManifest = {
      slug: 'custom-morning-routine', name: 'Morning routine', description: 'Starts the day', version: '1.0.0',
      capabilities: emptyCapabilities(), config_schema: {}, dependencies: ['weather.today'],
    };
    expect(buildDisclosure({ manifest, report, dependencyWrites: dependencyWrites(versions, ['weather.today']) }).risk.level).toBe('medium');
    expect(buildDisclosure({ manifest: { ...manifest, dependencies: ['weather.today', 'custom-gone'] }, report, dependencyWrites: dependencyWrites(versions, ['weather.today', 'custom-gone']) }).risk.level).toBe('high');
  });
});
