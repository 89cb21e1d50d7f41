// The audit runs on its own thread within a budget: a file too costly to audit is a blocking
// finding, and main keeps answering meanwhile.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { auditSkillOffThread, createOffThreadAuditor, type OffThreadAuditor } from '../../../main/skills/validator/audit-off-thread.ts';
import { mainEntries } from '../../../scripts/build.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { WATER_MANIFEST, WATER_TRACKER, watchResponsiveness } from './skills.ts';

const tempDir = useTempDir();
const auditors: OffThreadAuditor[] = [];
afterEach(async () => {
  for (const auditor of auditors.splice(0)) await auditor.close();
});

/** ~800 KB of statements each nested 400 levels deep: under the size limit, and about a second of auditing on an idle machine (more on a busy one, never less than a few hundred ms). */
const NESTED = Array.from({ length: 1_000 }, (_, i) => `export const n${i} = ${'['.repeat(400)}${']'.repeat(400)};`).join('\n');

describe('the audit off main’s thread', () => {
  it('reports exactly what the synchronous audit reports', async () => {
    const report = await auditSkillOffThread(WATER_TRACKER, { manifest: WATER_MANIFEST });
    expect(report).toEqual(auditSkill(WATER_TRACKER, { manifest: WATER_MANIFEST }));
    expect(report.verdict).toBe('pass');
  }, 30_000);

  it('answers a huge nested file with a blocking “over budget” finding in both languages, while main keeps running', async () => {
    const budget = { timeMs: 200, startMs: 30_000, heapMb: 512 };
    const auditor = createOffThreadAuditor(budget);
    auditors.push(auditor);
    const watch = watchResponsiveness();
    const report = await auditor.audit(NESTED);
    const { ticks } = watch.stop();
    expect(report.verdict).toBe('block');
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'input/over-budget',
        severity: 'block',
        message: {
          en: 'The audit did not finish within its budget (0.2 s); the code is too large or too deeply nested to check safely. Simplify it.',
          pl: 'Audyt nie zmieścił się w swoim budżecie (0,2 s); kod jest zbyt duży lub zbyt głęboko zagnieżdżony, by go bezpiecznie sprawdzić. Uprość go.',
        },
      }),
    ]);
    expect(ticks).toBeGreaterThan(0);
    // The next audit gets a fresh worker and a real report (given room: 0.2 s is too little for any file on a busy machine).
    budget.timeMs = 10_000;
    expect((await auditor.audit(WATER_TRACKER, { manifest: WATER_MANIFEST })).verdict).toBe('pass');
  }, 60_000);

  it('fails closed when the audit thread cannot start', async () => {
    const auditor = createOffThreadAuditor(undefined, path.join(tempDir(), 'missing-worker.js'));
    auditors.push(auditor);
    const report = await auditor.audit(WATER_TRACKER);
    expect(report).toMatchObject({ verdict: 'block', findings: [expect.objectContaining({ rule: 'internal/audit-failed' })] });
  });

  it('is bundled as out/main/audit-worker.js beside the app', () => {
    const root = tempDir();
    const worker = path.join(root, 'main/skills/validator/audit-worker.ts');
    fs.mkdirSync(path.dirname(worker), { recursive: true });
    fs.writeFileSync(worker, '');
    expect(mainEntries(root)).toEqual({ index: path.join(root, 'main/index.ts'), 'audit-worker': worker });
  });
});
