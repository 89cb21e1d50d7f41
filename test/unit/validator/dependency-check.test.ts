import { describe, expect, it } from 'vitest';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { hostileSkill } from '../../fixtures/hostile-skills.ts';
import { manifestFor } from '../../fixtures/skills.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';

const SLUG = 'custom-hostile-probe';

function findings(getData: string, extra: Partial<SkillManifest>, skills: string[] = []) {
  const manifest = { ...manifestFor(SLUG, { skills }), ...extra };
  return auditSkill(hostileSkill({ getData }), { manifest }).findings.map((f) => [f.rule, f.message.en]);
}

describe('dependencies in the audit', () => {
  it('passes a call to a skill, a built-in mod or a capability the manifest lists in dependencies', () => {
    const calls = `await foundry.skills.call('custom-water-tracker', 'log_water', {});
    await foundry.skills.call('sleep-tracker', 'log_sleep', {});
    await foundry.skills.call('water.log', 'log_water', {});`;
    const targets = ['custom-water-tracker', 'sleep-tracker', 'water.log'];
    expect(findings(calls, { dependencies: targets }, targets)).toEqual([]);
  });

  it('blocks a call to a skill the manifest does not list in dependencies, naming it', () => {
    const result = findings(`await foundry.skills.call('custom-bank', 'pay', {});`, { dependencies: ['custom-water-tracker'] }, ['custom-bank']);
    expect(result).toContainEqual(['dependency/undeclared-call', expect.stringContaining('custom-bank')]);
  });

  it('blocks a function action whose skill is not a dependency', () => {
    const actions = [{
      slug: 'pay', type: 'function' as const, name: 'Pay', description: 'Pays', params_schema: { type: 'object' },
      function: { skill: 'custom-bank', action: 'pay', params: {} },
    }];
    expect(findings('return {};', { actions })).toContainEqual(['dependency/undeclared-call', expect.stringContaining('custom-bank')]);
  });

  it('blocks malformed dependency and provides names, and a skill depending on itself', () => {
    const result = findings('return {};', { dependencies: ['Water Log', SLUG, 'coach.tips'], provides: ['water', 'coach.tips'] }).map(([rule]) => rule);
    expect(result.sort()).toEqual(['manifest/bad-dependency', 'manifest/bad-provides', 'manifest/self-dependency', 'manifest/self-dependency']);
  });
});
