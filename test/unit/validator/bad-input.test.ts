import { describe, expect, it } from 'vitest';
import { auditSkill, MAX_SOURCE_BYTES } from '../../../main/skills/validator/index.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { WATER_TRACKER } from '../../fixtures/skills.ts';

function rules(source: string, options?: Parameters<typeof auditSkill>[1]): string[] {
  return auditSkill(source, options).findings.map((f) => f.rule);
}

const NO_CAPABILITIES = { reads: [], writes: [], http: [], notifications: false, skills: [], blockedCalls: [], updates: [] };

describe('input the auditor cannot audit', () => {
  it('reports an empty or blank file', () => {
    expect(auditSkill('')).toMatchObject({ verdict: 'block', capabilities: NO_CAPABILITIES });
    expect(rules('')).toEqual(['input/empty']);
    expect(rules('  \n\t\n')).toEqual(['input/empty']);
  });

  it('refuses a 5 MB file without parsing it', () => {
    const report = auditSkill(`// ${'x'.repeat(5 * 1024 * 1024)}`);
    expect(report.findings.map((f) => f.rule)).toEqual(['input/too-large']);
    expect(report.findings[0]?.message.en).toContain(String(MAX_SOURCE_BYTES));
    expect(report.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports NUL bytes at their position', () => {
    const [finding] = auditSkill('export class A {}\nconst x = 1;\0\0').findings;
    expect(finding).toMatchObject({ rule: 'input/binary', line: 2, column: 13 });
  });

  it('reports binary garbage and invalid UTF-8 as not text', () => {
    const garbage = Uint8Array.from({ length: 512 }, (_, i) => (i * 197 + 13) % 256);
    expect(rules(new TextDecoder().decode(garbage))).toEqual(['input/binary']);
    expect(rules(new TextDecoder().decode(Uint8Array.from([0x65, 0x78, 0xc3, 0x28])))).toEqual(['input/binary']);
  });

  it('reports a value that is not a string instead of throwing', () => {
    expect(rules(42 as unknown as string)).toEqual(['input/binary']);
  });

  it('reports a syntax error with its line and column', () => {
    const report = auditSkill('export class A {\n  getData() {\n    return {;\n  }\n}\n');
    expect(report.verdict).toBe('block');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ rule: 'input/syntax-error', line: 3, column: 13, excerpt: 'return {;' });
  });

  it('reports pathological nesting instead of overflowing the stack, and keeps working afterwards', () => {
    expect(rules(`const x = ${'('.repeat(20_000)}1${')'.repeat(20_000)};`)).toEqual(['input/too-deep']);
    expect(rules(`const x = ${'['.repeat(3_000)}${']'.repeat(3_000)};`)).toEqual(['input/too-deep']);
    expect(auditSkill(WATER_TRACKER).verdict).toBe('pass');
  });

  it('reports a malformed manifest instead of throwing', () => {
    const manifest = { slug: 'custom-water-tracker', capabilities: { reads: 'exo_water_entries' } } as unknown as SkillManifest;
    const report = auditSkill(WATER_TRACKER, { manifest });
    expect(report.findings.map((f) => f.rule)).toEqual(['manifest/invalid']);
    expect(auditSkill(WATER_TRACKER, { manifest: null as unknown as SkillManifest }).verdict).toBe('block');
  });
});

describe('TSX', () => {
  const withJsx = WATER_TRACKER.replace("return { success: false, error: 'Unknown action' };", 'return { success: false, error: <b>{action}</b> };');
  const withGeneric = WATER_TRACKER.replace("error: 'Unknown action'", "error: (<T,>(x: T) => x)('Unknown action')");

  it('parses JSX in a .tsx file, and blocks the markup itself', () => {
    expect(rules(withJsx, { fileName: 'skill.tsx' })).toEqual(['blocked/jsx']);
    expect(rules(withJsx, { fileName: 'skill.ts' })).toEqual(['input/syntax-error']);
  });

  it('passes a .tsx skill without markup', () => {
    expect(auditSkill(withGeneric, { fileName: 'skill.tsx' }).verdict).toBe('pass');
  });
});
