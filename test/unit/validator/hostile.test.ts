import { describe, expect, it } from 'vitest';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { HOSTILE_SKILLS } from '../../fixtures/hostile-skills.ts';

const staticallyBlocked = HOSTILE_SKILLS.filter((s) => s.staticallyBlocked);
const runtimeOnly = HOSTILE_SKILLS.filter((s) => !s.staticallyBlocked);

/** Findings that would mean the fixture itself is broken, not hostile. */
function brokenFixture(rule: string): boolean {
  return rule.startsWith('input/') || rule.startsWith('conformance/');
}

describe('hostile skills', () => {
  it('has at least 40 distinct statically blocked skills, each with a unique id', () => {
    expect(new Set(HOSTILE_SKILLS.map((s) => s.id)).size).toBe(HOSTILE_SKILLS.length);
    expect(staticallyBlocked.length).toBeGreaterThanOrEqual(40);
    expect(new Set(staticallyBlocked.map((s) => s.source)).size).toBe(staticallyBlocked.length);
  });

  it.each(staticallyBlocked.map((s) => [s.id, s] as const))('blocks %s', (_id, skill) => {
    const report = auditSkill(skill.source);
    expect(report.verdict).toBe('block');
    expect(report.findings.map((f) => f.rule)).toContain(skill.rule);
    expect(report.findings.filter((f) => brokenFixture(f.rule))).toEqual([]);
  });

  it.each(runtimeOnly.map((s) => [s.id, s] as const))('leaves %s to the sandbox (valid code, nothing statically blockable)', (_id, skill) => {
    const report = auditSkill(skill.source);
    expect(report.findings.filter((f) => f.severity === 'block')).toEqual([]);
  });

  it('covers every family of evasion the auditor knows', () => {
    const rules = new Set(staticallyBlocked.map((s) => s.rule));
    for (const rule of [
      'blocked/eval', 'blocked/function-constructor', 'blocked/require', 'blocked/dynamic-import', 'blocked/import',
      'blocked/fs', 'blocked/child-process', 'blocked/process', 'blocked/env', 'blocked/node-path', 'blocked/with',
      'blocked/import-meta', 'blocked/proxy', 'blocked/webassembly', 'blocked/shared-memory', 'blocked/timer',
      'blocked/network', 'blocked/unknown-global', 'blocked/rpc', 'blocked/delete',
      'evasion/computed-global', 'evasion/computed-key', 'evasion/computed-call-chain', 'evasion/built-key',
      'evasion/global-object', 'evasion/global-this', 'evasion/constructor', 'evasion/proto', 'evasion/prototype-access',
      'evasion/prototype-mutation', 'evasion/builtin-mutation', 'evasion/reflect', 'evasion/stack-trace',
      'evasion/well-known-symbol', 'evasion/caller', 'evasion/unicode-escape', 'evasion/sensitive-string',
      'evasion/bidi-control', 'dos/infinite-loop', 'dos/memory-bomb', 'dos/redos', 'schema/redos-pattern',
      'capability/sandbox-alias', 'capability/dynamic-table', 'capability/bad-table-name', 'capability/dynamic-url', 'capability/bad-url',
      'capability/dynamic-skill', 'capability/unknown-sandbox-api', 'capability/unknown-query-method',
      'capability/sandbox-shadow', 'evasion/builtin-alias', 'evasion/opaque-key', 'evasion/coerced-text', 'evasion/json-proto',
    ]) {
      expect(rules, rule).toContain(rule);
    }
  });

  it('records the refused database calls among the capabilities', () => {
    const rpc = HOSTILE_SKILLS.find((s) => s.id === 'supabase-rpc');
    const del = HOSTILE_SKILLS.find((s) => s.id === 'supabase-delete');
    expect(auditSkill(rpc?.source ?? '').capabilities.blockedCalls).toEqual(['rpc']);
    expect(auditSkill(del?.source ?? '').capabilities).toMatchObject({ blockedCalls: ['delete'], reads: [], writes: [] });
  });

  it('still discloses what a skill touches when it reaches the sandbox through the global object', () => {
    const capabilities = (id: string) => auditSkill(HOSTILE_SKILLS.find((s) => s.id === id)?.source ?? '').capabilities;
    expect(capabilities('globalthis-supabase-write')).toMatchObject({ writes: ['exo_probe'] });
    expect(capabilities('self-supabase-read')).toMatchObject({ reads: ['exo_probe'] });
    expect(capabilities('window-supabase-update')).toMatchObject({ writes: ['exo_probe'] });
    expect(capabilities('top-level-this-supabase')).toMatchObject({ writes: ['exo_probe'] });
    expect(capabilities('global-supabase-rpc')).toMatchObject({ blockedCalls: ['rpc'] });
    expect(capabilities('global-supabase-delete')).toMatchObject({ blockedCalls: ['delete'] });
    expect(capabilities('global-foundry-notify')).toMatchObject({ notifications: true });
    expect(capabilities('global-foundry-http')).toMatchObject({ http: ['evil.example'] });
  });

  // Section 3 of issue 10: each family of ways around the audit, with at least ten forms beyond the reported ones.
  it.each([
    ['parameter defaults', /^(default|arrow-default|method-default|async-arrow-default|function-expression-default|later-default)-/],
    ['TypeScript-only declarations', /-hides-/],
    ['destructured built-ins', /^destructure-/],
    ['built-ins handed on as values', /^alias-/],
    ['keys spelled out of constants', /^(jsfuck|number-radix|array-join|string-raw-interpolated|template-key|split-reverse|define-property-concat|assign-template|math-max-reversed|boolean-concat|nested-array|math-constant|const-destructured|coerced-char|void-coercion)/],
    ['JSON prototype keys', /^json-/],
    ['the global object reaching the sandbox', /^(globalthis|global|self|window|top-level-this)-.*(supabase|foundry)|^global-(this-in-function|object-destructure)/],
  ])('blocks many forms of %s', (_family, ids) => {
    expect(staticallyBlocked.filter((s) => ids.test(s.id)).length).toBeGreaterThanOrEqual(12);
  });
});
