import { auditSkill } from '../../main/skills/validator/index.ts';
import type { SkillManifest } from '../../shared/skills/manifest.ts';
import { hostileSkill } from '../../test/fixtures/hostile-skills.ts';
import { manifestFor, WATER_TRACKER, WATER_TRACKER_MANIFEST } from '../../test/fixtures/skills.ts';
import { buildLargeSkill, LARGE_SKILL_MANIFEST } from '../fixtures/large-skill.ts';
import { formatMs, measure, printNote, printRatio, printTable, printTarget, type Stats } from '../harness.ts';

const SIZES = [1_250, 2_500, 5_000, 10_000] as const;

/** A file that does not pass would measure the wrong thing, so it stops the suite. */
function requirePass(name: string, source: string, manifest: SkillManifest): void {
  const report = auditSkill(source, { manifest });
  if (report.verdict !== 'pass') throw new Error(`${name} must pass the audit, got ${report.verdict}: ${report.findings[0]?.rule ?? ''}`);
}

/** The static audit (parse, security, DoS, conformance, capabilities vs manifest) of one file, warm. */
export async function auditBench(): Promise<void> {
  const files = SIZES.map((lines) => buildLargeSkill(lines));
  // Warm the parser and every visitor on all sizes first, so the first size measured is not also the JIT's warm-up.
  for (let round = 0; round < 3; round++) for (const file of files) requirePass(`the ${file.lines}-line skill`, file.source, LARGE_SKILL_MANIFEST);
  requirePass('WaterTracker', WATER_TRACKER, WATER_TRACKER_MANIFEST);

  const water = await measure('WaterTracker (seed skill)', () => auditSkill(WATER_TRACKER, { manifest: WATER_TRACKER_MANIFEST }), { runs: 200, warmup: 20 });
  const bySize: { lines: number; stats: Stats }[] = [];
  for (const file of files) {
    const name = `generated skill, ${file.lines.toLocaleString('en')} lines (${Math.round(file.bytes / 1024)} KB)`;
    const stats = await measure(name, () => auditSkill(file.source, { manifest: LARGE_SKILL_MANIFEST }), { runs: file.lines > 5_000 ? 10 : 20, warmup: 2 });
    bySize.push({ lines: file.lines, stats });
  }
  printTable('Audit: auditSkill(source, { manifest }), warm, in this process', [water, ...bySize.map((s) => s.stats)]);
  const fiveThousand = bySize.find((s) => s.lines >= 4_900 && s.lines <= 5_100)!;
  printTarget('WaterTracker p50', water.p50, 5);
  printTarget(`${fiveThousand.lines.toLocaleString('en')}-line skill p50`, fiveThousand.stats.p50, 150);
  console.log('  cost per 1,000 lines (p50):');
  for (const { lines, stats } of bySize) console.log(`    ${lines.toLocaleString('en').padStart(6)} lines  ${formatMs((stats.p50 / lines) * 1000)}`);
  const perLine = (s: (typeof bySize)[number]) => s.stats.p50 / s.lines;
  printRatio('per-line cost, 10,000 vs 1,250 lines (linear ⇒ ≈ 1×)', perLine(bySize.at(-1)!) / perLine(bySize[0]!), { atMost: 1.5 });
  printNote('the generated file: one executor class of 12-line helper methods (supabase reads, filter/reduce, loops, template strings, foundry.log), passing the audit');
  await secretBindingBench();
}

const SECRET_MANIFEST: SkillManifest = {
  ...manifestFor('custom-hostile-probe', { http: ['api.example.com'] }),
  secrets: [{ name: 'API_KEY', hosts: ['api.example.com'] }],
};

/** Binding secret placeholders to the requests that carry them must stay linear in the number of requests. */
async function secretBindingBench(): Promise<void> {
  const request = "await foundry.http.fetch('https://api.example.com/v1?k={{secret:API_KEY}}', { headers: { 'x-api-key': '{{secret:API_KEY}}' } });";
  const bySize: { requests: number; stats: Stats }[] = [];
  for (const requests of [500, 4_000]) {
    const source = hostileSkill({ getData: Array.from({ length: requests }, () => request).join('\n    ') });
    requirePass(`the skill with ${requests} requests`, source, SECRET_MANIFEST);
    const stats = await measure(`${requests.toLocaleString('en')} requests, 2 placeholders each`, () => auditSkill(source, { manifest: SECRET_MANIFEST }), { runs: 10, warmup: 2 });
    bySize.push({ requests, stats });
  }
  printTable('Audit: requests carrying secret placeholders', bySize.map((s) => s.stats));
  const perRequest = (s: (typeof bySize)[number]) => s.stats.p50 / s.requests;
  printRatio('per-request cost, 4,000 vs 500 requests (linear ⇒ ≈ 1×)', perRequest(bySize[1]!) / perRequest(bySize[0]!), { atMost: 1.5 });
}
