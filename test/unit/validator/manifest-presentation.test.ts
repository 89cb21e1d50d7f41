import { describe, expect, it } from 'vitest';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { WATER_TRACKER, WATER_TRACKER_MANIFEST } from '../../fixtures/skills.ts';

const withPresentation = (presentation: unknown) =>
  auditSkill(WATER_TRACKER, { manifest: { ...WATER_TRACKER_MANIFEST, presentation } as SkillManifest }).findings.filter((f) => f.rule === 'manifest/bad-presentation');

describe('the audit of the presentation hint', () => {
  it('passes a well-formed hint, and a manifest without one', () => {
    expect(withPresentation({ headline: 'total_ml', unit: 'ml', goal: 2000, series: { key: 'entries', time: 'logged_at', value: 'amount_ml', per_day: 'sum' } })).toEqual([]);
    expect(withPresentation(undefined)).toEqual([]);
  });

  it('blocks a misspelt field, a rule that does not exist and a goal that is no number, each named in both languages', () => {
    const findings = withPresentation({ headlin: 'total_ml', goal: '2000', series: { key: 'entries', per_day: 'average' } });
    expect(findings.map((f) => f.severity)).toEqual(['block', 'block', 'block']);
    expect(findings.map((f) => f.message.en)).toEqual([
      'The presentation hint (how the home view shows the skill) is malformed: The hint has the field “headlin”, which does not exist (known: headline, series, unit, goal).',
      'The presentation hint (how the home view shows the skill) is malformed: “series.per_day” must be one of: sum, last, count.',
      'The presentation hint (how the home view shows the skill) is malformed: “goal” must be a number.',
    ]);
    expect(findings[2]!.message.pl).toBe('Wskazówka prezentacji (jak widok Dziś pokazuje skill) jest niepoprawna: „goal” musi być liczbą.');
  });

  it('blocks keys that are no identifiers, a unit too long for a card and a hint that is no object', () => {
    expect(withPresentation({ headline: 'total ml; DROP' })).toHaveLength(1);
    expect(withPresentation({ series: { key: 'entries', value: '__proto__.x' } })).toHaveLength(1);
    expect(withPresentation({ unit: 'millilitres of water' })).toHaveLength(1);
    expect(withPresentation(['total_ml'])).toHaveLength(1);
  });
});
