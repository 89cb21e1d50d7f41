import { describe, expect, it } from 'vitest';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { hostileSkill } from '../../fixtures/hostile-skills.ts';
import { manifestFor } from '../../fixtures/skills.ts';

const SLUG = 'custom-hostile-probe';

/** The skills it declares calling are its dependencies too (dependency-check.test.ts tests them apart). */
function audit(getData: string, declared?: Parameters<typeof manifestFor>[1]) {
  return auditSkill(hostileSkill({ getData }), declared ? { manifest: { ...manifestFor(SLUG, declared), dependencies: declared.skills ?? [] } } : {});
}

function ruleIds(getData: string, declared?: Parameters<typeof manifestFor>[1]): string[] {
  return audit(getData, declared).findings.map((f) => f.rule);
}

describe('capability extraction', () => {
  it('tells reads from writes per query chain', () => {
    const { capabilities } = audit(`
    await supabase.from('exo_a').select('*').eq('x', 1).single();
    await supabase.from('exo_b').update({ x: 1 }).eq('id', 2);
    await supabase.from('exo_c').insert({ x: 1 }).select('id');
    await supabase.from('exo_d').eq('x', 1).limit(1);`);
    expect(capabilities.reads).toEqual(['exo_a', 'exo_c', 'exo_d']);
    expect(capabilities.writes).toEqual(['exo_b', 'exo_c']);
  });

  it('accepts a table named by a const with a literal value', () => {
    expect(audit(`const TABLE = 'exo_' + 'notes';\n    await supabase.from(TABLE).select('*');`).capabilities.reads).toEqual(['exo_notes']);
  });

  it('extracts HTTP hosts from literal URLs and from URLs whose host is fixed before any variable part', () => {
    const { capabilities, findings } = audit(`
    const city = String(tenant_id);
    await foundry.http.get('https://api.example.com/v1/now');
    await foundry.http.get(\`https://weather.example.org/forecast?q=\${encodeURIComponent(city)}\`);
    await foundry.http.post('http://localhost:8080/hook?c=' + city, { city });`);
    expect(findings).toEqual([]);
    expect(capabilities.http).toEqual(['api.example.com', 'http://localhost:8080', 'weather.example.org']);
  });

  it('blocks URLs whose host cannot be named before running, and non-http schemes', () => {
    expect(ruleIds(`await foundry.http.get('https://api.example.com' + String(tenant_id));`)).toEqual(['capability/dynamic-url']);
    expect(ruleIds(`await foundry.http.get(\`https://\${tenant_id}.example.com/\`);`)).toEqual(['capability/dynamic-url']);
    expect(ruleIds(`await foundry.http.get('ftp://files.example.com/data');`)).toEqual(['capability/bad-url']);
  });

  it('extracts notifications and calls to other skills', () => {
    const { capabilities } = audit(`foundry.notify('Hej', 'Pora na wodę');\n    await foundry.skills.call('custom-water-tracker', 'log_water', { amount_ml: 250 });`);
    expect(capabilities).toMatchObject({ notifications: true, skills: ['custom-water-tracker'] });
    expect(ruleIds(`await foundry.skills.call('water-tracker', 'log', {});`)).toEqual(['capability/bad-skill-slug']);
  });

  it('sees through type assertions, non-null assertions and optional chaining', () => {
    const { capabilities, findings } = audit(`
    await (foundry.http as { get(url: string): Promise<unknown> }).get('https://a.example.com/x');
    await foundry.http!.get('https://b.example.com/x');
    await (supabase.from('exo_a') as any).insert({ x: 1 });
    await supabase?.from('exo_b')?.select('*');`);
    expect(findings).toEqual([]);
    expect(capabilities).toMatchObject({ http: ['a.example.com', 'b.example.com'], reads: ['exo_b'], writes: ['exo_a'] });
  });

  it('accepts ambient declarations of the sandbox globals (they bind nothing at run time)', () => {
    const source = `declare const supabase: any;\ndeclare const foundry: any;\n${hostileSkill({ getData: "foundry.notify('a', 'b');" })}`;
    const report = auditSkill(source);
    expect(report.findings).toEqual([]);
    expect(report.capabilities.notifications).toBe(true);
  });

  it('does not let supabase or foundry escape a direct call chain', () => {
    expect(ruleIds(`const query = supabase.from('exo_a');\n    await query.select('*');`)).toEqual(['capability/detached-query']);
    expect(ruleIds(`[1, 2].forEach(foundry.log);`)).toEqual(['capability/sandbox-alias']);
    expect(ruleIds(`const { http } = foundry;`)).toEqual(['capability/sandbox-alias']);
    expect(ruleIds(`foundry.log(typeof supabase);`)).toEqual(['capability/sandbox-alias']);
    expect(ruleIds(`await supabase.from('exo_a').select('*').then((r: unknown) => r);`)).toEqual(['capability/unknown-query-method']);
  });
});

describe('comparison with the manifest', () => {
  const everything = `await supabase.from('exo_a').select('*');
    await supabase.from('exo_b').insert({ x: 1 });
    await foundry.http.get('https://api.example.com/x');
    foundry.notify('a', 'b');
    await foundry.skills.call('custom-other', 'go', {});`;

  it('passes when everything used is declared', () => {
    const report = audit(everything, { reads: ['exo_a'], writes: ['exo_b'], http: ['api.example.com'], notifications: true, skills: ['custom-other'] });
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
  });

  it('blocks each undeclared capability where it is first used', () => {
    const lines = hostileSkill({ getData: everything }).split('\n');
    const lineOf = (text: string): number => lines.findIndex((l) => l.includes(text)) + 1;
    const report = audit(everything, {});
    expect(report.verdict).toBe('block');
    expect(report.findings.map((f) => [f.rule, f.line])).toEqual([
      ['capability/undeclared-read', lineOf("from('exo_a')")],
      ['capability/undeclared-write', lineOf("from('exo_b')")],
      ['capability/undeclared-http', lineOf('foundry.http.get')],
      ['capability/undeclared-notification', lineOf('foundry.notify')],
      ['capability/undeclared-skill', lineOf('foundry.skills.call')],
      ['dependency/undeclared-call', lineOf('foundry.skills.call')],
    ]);
  });

  it('warns about each declared capability the code does not use', () => {
    const report = audit('', { reads: ['exo_a'], writes: ['exo_b'], http: ['api.example.com'], notifications: true, skills: ['custom-other'] });
    expect(report.verdict).toBe('warn');
    expect(report.findings.map((f) => f.rule).sort()).toEqual([
      'capability/unused-http', 'capability/unused-notification', 'capability/unused-read', 'capability/unused-skill', 'capability/unused-write',
    ]);
  });
});
