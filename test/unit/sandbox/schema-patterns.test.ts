// A skill's own params_schema runs on main for every execution: its patterns must never backtrack.
import { describe, expect, it } from 'vitest';
import { checkActionParams } from '../../../main/skills/sandbox/action-params.ts';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { hostileSkill } from '../../fixtures/hostile-skills.ts';

const REDOS_PATTERNS = ['^(\\w|[0-9])*z$', '^(.*a){25}$', '^(a+)+$'];
const withPattern = (pattern: string) => [
  { slug: 'probe', name: 'Probe', description: 'Runs the probe', params_schema: { type: 'object', properties: { code: { type: 'string', pattern } }, additionalProperties: false } },
];
const auditWithPattern = (pattern: string) => auditSkill(hostileSkill({ actions: JSON.stringify(withPattern(pattern)) }));

describe('patterns in a skill’s params_schema', () => {
  it.each(REDOS_PATTERNS)('the audit blocks the catastrophic pattern %s', (pattern) => {
    const report = auditWithPattern(pattern);
    expect(report.verdict).toBe('block');
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'schema/redos-pattern', message: expect.objectContaining({ en: expect.stringContaining(pattern) }) }));
  });

  it.each(REDOS_PATTERNS)('a long input against %s is still answered (matched in linear time on main)', (pattern) => {
    const text = `${'a'.repeat(50_000)}!`;
    expect(checkActionParams(withPattern(pattern), 'probe', { code: text })).toMatchObject({ ok: false, problems: [expect.stringContaining('must match pattern')] });
  }, 60_000);

  it('refuses a string too long to check against a costly pattern, instead of holding main', () => {
    const costly = withPattern('^(.*a){25}$');
    expect(checkActionParams(costly, 'probe', { code: 'a'.repeat(30) })).toEqual({ ok: true });
    // It would match, but checking it would cost RE2 more than one validation may spend.
    expect(checkActionParams(costly, 'probe', { code: 'a'.repeat(20_000) })).toMatchObject({ ok: false, problems: [expect.stringContaining('must match pattern')] });
    // Cheap patterns still check long strings.
    expect(checkActionParams(withPattern('^[a-z]+$'), 'probe', { code: 'a'.repeat(100_000) })).toEqual({ ok: true });
  });

  it('still validates ordinary patterns exactly as before', () => {
    const date = withPattern('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$');
    expect(checkActionParams(date, 'probe', { code: '2026-02-28' })).toEqual({ ok: true });
    expect(checkActionParams(date, 'probe', { code: '2026-13-01' })).toMatchObject({ ok: false });
    expect(checkActionParams(withPattern('^(?<year>\\d{4})$'), 'probe', { code: '2026' })).toEqual({ ok: true });
  });

  it.each(['^(?=a)a$', '^(a)\\1$', '(?<!x)y'])('a pattern the linear-time engine cannot run (%s) is a clear audit finding in both languages', (pattern) => {
    const report = auditWithPattern(pattern);
    expect(report.verdict).toBe('block');
    const finding = report.findings.find((f) => f.rule === 'schema/invalid-params-schema');
    expect(finding?.message.en).toContain('the linear-time pattern engine does not support');
    expect(finding?.message.pl).toContain('silnik wzorców o liniowym czasie nie obsługuje');
    expect(checkActionParams(withPattern(pattern), 'probe', { code: 'a' })).toMatchObject({ ok: false, problems: [expect.stringContaining('does not support')] });
  });
});
