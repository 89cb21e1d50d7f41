// The review screens' pure helpers: highlighted lines stay balanced and escaped, unified diffs
// become unified and side-by-side rows, refusals map to what the approval dialog says, and the
// failed candidates shown are those since the skill's last good version.
import { describe, expect, it } from 'vitest';
import { createTwoFilesPatch } from 'diff';
import { highlightLines } from '../../../renderer/src/lib/highlight.ts';
import { countChanges, parseUnifiedDiff, sideBySide } from '../../../renderer/src/lib/patch.ts';
import { approvalProblem } from '../../../renderer/src/views/skill-detail/approval-problem.ts';
import { recentFailures } from '../../../renderer/src/views/reviews/queue-store.ts';
import type { SkillSummary, SkillVersionRecord } from '../../../shared/contract/index.ts';

const balanced = (html: string) => (html.match(/<span\b/g) ?? []).length === (html.match(/<\/span>/g) ?? []).length;

describe('highlightLines', () => {
  it('cuts highlighted code into lines whose spans are each balanced, re-opening tokens that span lines', () => {
    const lines = highlightLines('const a = `one\ntwo ${b}\nthree`; /* x\ny */\nreturn 1;\n', 'typescript');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(balanced(line)).toBe(true);
    expect(lines[1]).toMatch(/^<span class="hljs-string">two /);
    expect(lines[3]).toBe('<span class="hljs-comment">y */</span>');
    expect(lines[4]).toContain('<span class="hljs-keyword">return</span>');
  });

  it('escapes the code: markup in a skill is text, never elements', () => {
    const [line] = highlightLines('const x = "<img src=x onerror=alert(1)>"; // </span><script>', 'typescript');
    expect(line).not.toMatch(/<(img|script)/);
    expect(line).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(line!.replace(/<span class="[\w\s-]*">|<\/span>/g, '')).not.toContain('<');
  });
});

describe('parseUnifiedDiff and sideBySide', () => {
  const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
  const after = 'a\nB\nc\nd\ne\nf\ng\nh\ni\n';
  const patch = createTwoFilesPatch('v1/skill.ts', 'v2/skill.ts', before, after, undefined, undefined, { context: 3 });

  it('numbers each line in the old and the new file and counts the changes', () => {
    const [hunk] = parseUnifiedDiff(patch, 'typescript');
    expect(hunk!.header).toBe('@@ -1,8 +1,9 @@');
    expect(hunk!.lines.map((l) => [l.kind, l.oldNumber, l.newNumber, l.text])).toEqual([
      ['context', 1, 1, 'a'], ['del', 2, null, 'b'], ['add', null, 2, 'B'], ['context', 3, 3, 'c'], ['context', 4, 4, 'd'],
      ['context', 5, 5, 'e'], ['context', 6, 6, 'f'], ['context', 7, 7, 'g'], ['context', 8, 8, 'h'], ['add', null, 9, 'i'],
    ]);
    expect(countChanges([hunk!])).toEqual({ added: 2, removed: 1 });
  });

  it('pairs removed lines with the added lines that replace them', () => {
    const [hunk] = parseUnifiedDiff(patch, 'typescript');
    const rows = sideBySide(hunk!.lines).map((r) => [r.left?.text ?? null, r.right?.text ?? null]);
    expect(rows[1]).toEqual(['b', 'B']);
    expect(rows.at(-1)).toEqual([null, 'i']);
    expect(rows).toHaveLength(9);
  });

  it('has nothing to show for an empty patch', () => {
    expect(parseUnifiedDiff('', 'json')).toEqual([]);
  });
});

describe('approvalProblem', () => {
  const error = (code: 'refused' | 'locked' | 'unavailable' | 'conflict', reason?: string, lockedUntil?: string) =>
    ({ code, message: { en: 'm', pl: 'm' }, ...(reason ? { reason } : {}), ...(lockedUntil ? { lockedUntil } : {}) });

  it('says which factor failed, and when the code field is what was wrong', () => {
    expect(approvalProblem(error('refused', 'totp-invalid'))).toMatchObject({ title: 'approve.error.totpInvalid', codeField: true });
    expect(approvalProblem(error('refused', 'totp-replayed'))).toMatchObject({ title: 'approve.error.totpReplayed', codeField: true });
    expect(approvalProblem(error('refused', 'biometric-cancelled'))).toMatchObject({ title: 'approve.error.biometricCancelled', codeField: false });
  });

  it('treats the failure that causes the lock, and every attempt during it, as the lock', () => {
    const until = '2026-03-02T10:15:00.000Z';
    expect(approvalProblem(error('refused', 'totp-invalid', until))).toMatchObject({ title: 'approve.error.locked', lockedUntil: until });
    expect(approvalProblem(error('locked', 'totp-locked', until))).toMatchObject({ title: 'approve.error.locked', lockedUntil: until });
  });

  it('leads to Settings when nothing is set up, and to the version again when it changed', () => {
    expect(approvalProblem(error('unavailable', 'totp-not-enrolled'))).toMatchObject({ title: 'approve.error.unavailable', settings: true });
    expect(approvalProblem(error('conflict', 'content-changed'))).toMatchObject({ title: 'approve.error.contentChanged', reload: true });
  });
});

describe('recentFailures', () => {
  const skill = { slug: 'custom-water-tracker', name: 'Water Tracker' } as SkillSummary;
  const version = (v: string, status: SkillVersionRecord['status'], createdAt: string): SkillVersionRecord =>
    ({ id: v, version: v, status, createdAt, steps: [{ step: 'audit', attempt: 1, status: 'failed', durationMs: 1, summary: { en: `why ${v}`, pl: `dlaczego ${v}` } }] }) as SkillVersionRecord;

  it('keeps the failed candidates made after the newest version that got through', () => {
    const failures = recentFailures(skill, [
      version('1.1.0-failed.1', 'failed', '2026-03-04'),
      version('1.0.0', 'approved', '2026-03-03'),
      version('1.0.0-failed.1', 'failed', '2026-03-02'),
    ]);
    expect(failures.map((f) => [f.version.version, f.reason?.en])).toEqual([['1.1.0-failed.1', 'why 1.1.0-failed.1']]);
  });

  it('keeps every failure of a skill that never got a good version', () => {
    expect(recentFailures(skill, [version('1.0.0-failed.2', 'failed', '2026-03-02'), version('1.0.0-failed.1', 'failed', '2026-03-01')])).toHaveLength(2);
  });
});
