import { describe, expect, it } from 'vitest';
import { auditSkill, RULES } from '../../../main/skills/validator/index.ts';
import { hostileSkill } from '../../fixtures/hostile-skills.ts';

describe('findings as a person reads them', () => {
  it('gives a 1-based line and column and the trimmed offending line', () => {
    const source = hostileSkill({ getData: `const x = 1;\n    const y = eval('x');` });
    const line = source.split('\n').findIndex((l) => l.includes('eval(')) + 1;
    const [finding] = auditSkill(source).findings;
    expect(finding).toMatchObject({ rule: 'blocked/eval', line, column: 15, excerpt: "const y = eval('x');" });
    expect(finding?.message).toEqual({
      en: 'Calls eval(), which runs text as code; skills may not do that.',
      pl: 'Wywołuje eval(), które uruchamia tekst jako kod; skille nie mogą tego robić.',
    });
  });

  it('cuts a very long line to a window around the finding', () => {
    const source = hostileSkill({ getData: `const pad = '${'x'.repeat(2000)}'; eval('1');` });
    const [finding] = auditSkill(source).findings;
    expect(finding?.excerpt.length).toBeLessThanOrEqual(162);
    expect(finding?.excerpt).toContain("eval('1')");
  });

  it('sorts findings by position and reports one per offending expression', () => {
    const source = hostileSkill({ getData: `process.env.SECRET;\n    fetch('https://x.example/');\n    eval('1');` });
    const findings = auditSkill(source).findings;
    expect(findings.map((f) => f.rule)).toEqual(['blocked/env', 'blocked/network', 'blocked/eval']);
    expect(findings.map((f) => f.line)).toEqual([...findings.map((f) => f.line)].sort((a, b) => a - b));
  });

  it('has a message in Polish and English for every rule', () => {
    for (const [id, spec] of Object.entries(RULES)) {
      const message = (spec.message as (...args: unknown[]) => { en: string; pl: string })('x', 'y');
      expect(message.en, id).toMatch(/\S/);
      expect(message.pl, id).toMatch(/\S/);
      expect(message.pl, id).not.toBe(message.en);
    }
  });
});
