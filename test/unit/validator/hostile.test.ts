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
      'capability/sandbox-alias', 'capability/dynamic-table', 'capability/bad-table-name', 'capability/dynamic-url',
      'capability/dynamic-skill', 'capability/unknown-sandbox-api', 'capability/unknown-query-method',
      'capability/sandbox-shadow',
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
});
