import { describe, expect, it } from 'vitest';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { manifestFor, WATER_TRACKER, WATER_TRACKER_MANIFEST } from '../../fixtures/skills.ts';

function findings(source: string, options?: Parameters<typeof auditSkill>[1]): { rule: string; en: string }[] {
  return auditSkill(source, options).findings.map((f) => ({ rule: f.rule, en: f.message.en }));
}

function ruleIds(source: string, options?: Parameters<typeof auditSkill>[1]): string[] {
  return findings(source, options).map((f) => f.rule);
}

const ACTIONS = /getActions\(\) \{ return \[.*\]; \}/;

describe('the executor contract', () => {
  it('requires an exported executor class', () => {
    expect(ruleIds('const x = 1;')).toEqual(['conformance/no-executor-class']);
    expect(ruleIds(WATER_TRACKER.replace('export class', 'class'))).toEqual(['conformance/no-executor-class']);
  });

  it('refuses a second exported class and other exported values', () => {
    expect(ruleIds(`${WATER_TRACKER}\nexport class Spare {}\n`)).toEqual(['conformance/multiple-classes']);
    expect(ruleIds(`${WATER_TRACKER}\nexport const spare = 1;\n`)).toEqual(['conformance/extra-export']);
    expect(ruleIds(`${WATER_TRACKER}\nexport type Spare = { a: number };\nexport interface Other { b: string }\n`)).toEqual([]);
  });

  it('requires implements IModExecutor', () => {
    expect(ruleIds(WATER_TRACKER.replace(' implements IModExecutor', ''))).toEqual(['conformance/not-executor']);
  });

  it('names each missing method', () => {
    const source = WATER_TRACKER.replace('async getInsights', 'async insights').replace('getActions()', 'actions()');
    const result = findings(source);
    expect(result.map((f) => f.rule)).toEqual(['conformance/missing-method', 'conformance/missing-method']);
    expect(result.map((f) => f.en).join(' ')).toMatch(/getInsights\(\).*getActions\(\)/);
  });

  it('requires a literal custom- slug that matches the manifest', () => {
    expect(ruleIds(WATER_TRACKER.replace("readonly slug = 'custom-water-tracker';", ''))).toEqual(['conformance/missing-slug']);
    expect(ruleIds(WATER_TRACKER.replace("'custom-water-tracker'", "['custom', 'water'].join('-')"))).toEqual(['conformance/slug-not-literal']);
    expect(ruleIds(WATER_TRACKER.replace("'custom-water-tracker'", "'Water Tracker'"))).toEqual(['conformance/invalid-slug']);
    expect(ruleIds(WATER_TRACKER, { manifest: { ...WATER_TRACKER_MANIFEST, slug: 'custom-other' } })).toEqual(['conformance/slug-mismatch']);
    expect(ruleIds(WATER_TRACKER.replace("'custom-water-tracker'", "'custom-water-tracker' as const"))).toEqual([]);
  });

  it('requires getActions() to return a literal array', () => {
    const computed = WATER_TRACKER.replace(ACTIONS, "getActions() { return ['log_water'].map((slug) => ({ slug, name: slug, description: slug, params_schema: {} })); }");
    expect(ruleIds(computed)).toEqual(['conformance/actions-not-literal']);
    const built = WATER_TRACKER.replace(ACTIONS, "getActions() { return [{ slug: 'log_water', name: 'A', description: 'B', params_schema: { type: 'object', maxProperties: 2 * 2 } }]; }");
    expect(ruleIds(built)).toEqual(['conformance/actions-not-literal']);
    const viaConst = WATER_TRACKER.replace(ACTIONS, "getActions() { const schema = { type: 'object' }; const actions = [{ slug: 'log_water', name: 'A', description: 'B', params_schema: schema }]; return actions; }");
    expect(ruleIds(viaConst)).toEqual([]);
  });

  it('requires snake_case, unique action slugs and complete actions', () => {
    const action = (slug: string): string => `{ slug: '${slug}', name: 'N', description: 'D', params_schema: { type: 'object' } }`;
    const withActions = (...list: string[]): string => WATER_TRACKER.replace(ACTIONS, `getActions() { return [${list.join(', ')}]; }`);
    expect(ruleIds(withActions(action('logWater')))).toEqual(['conformance/action-slug']);
    expect(ruleIds(withActions(action('log_water'), action('log_water')))).toEqual(['conformance/duplicate-action']);
    expect(ruleIds(withActions("{ slug: 'log_water', name: '', description: 'D', params_schema: {} }"))).toEqual(['conformance/invalid-action']);
  });

  it('compiles every params_schema with ajv in strict mode', () => {
    const typo = findings(WATER_TRACKER.replace("{ type: 'number' }", "{ type: 'numbr' }"));
    expect(typo.map((f) => f.rule)).toEqual(['schema/invalid-params-schema']);
    expect(typo[0]?.en).toContain('log_water');
    expect(ruleIds(WATER_TRACKER.replace("{ type: 'number' }", "{ type: 'number', colour: 'blue' }"))).toEqual(['schema/invalid-params-schema']);
    expect(ruleIds(WATER_TRACKER.replace("{ type: 'number' }", "{ $ref: 'https://example.com/schema.json' }"))).toEqual(['schema/invalid-params-schema']);
  });

  it('compiles the manifest config_schema with ajv in strict mode', () => {
    const manifest = { ...WATER_TRACKER_MANIFEST, config_schema: { type: 'object', properties: { goal: { type: 'number', unknownKeyword: true } } } };
    expect(ruleIds(WATER_TRACKER, { manifest })).toEqual(['schema/invalid-config-schema']);
    expect(ruleIds(WATER_TRACKER, { manifest: manifestFor('custom-water-tracker', WATER_TRACKER_MANIFEST.capabilities) })).toEqual([]);
  });
});
