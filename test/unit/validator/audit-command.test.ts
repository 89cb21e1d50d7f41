import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCommand } from '../../../main/cli/commands/audit.ts';
import { HOSTILE_SKILLS } from '../../fixtures/hostile-skills.ts';
import { manifestFor, WATER_TRACKER, WATER_TRACKER_MANIFEST } from '../../fixtures/skills.ts';

let dir = '';
const path = (name: string): string => join(dir, name);

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await auditCommand.run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'foundry-audit-'));
  await writeFile(path('water.ts'), WATER_TRACKER);
  await writeFile(path('water.json'), JSON.stringify(WATER_TRACKER_MANIFEST));
  await writeFile(path('reads-only.json'), JSON.stringify(manifestFor('custom-water-tracker', { reads: ['exo_water_entries'] })));
  await writeFile(path('broken.json'), '{ "slug": ');
  await writeFile(path('eval.ts'), HOSTILE_SKILLS.find((s) => s.id === 'eval-direct')?.source ?? '');
  await writeFile(path('binary.ts'), Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0xff, 0xfe]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('foundry audit', () => {
  it('describes itself for the dispatcher', () => {
    expect(auditCommand).toMatchObject({ name: 'audit', usage: 'foundry audit FILE [--manifest FILE] [--json]' });
  });

  it('prints the verdict and capabilities and exits 0 for a passing skill', async () => {
    const { code, out } = await run(path('water.ts'), '--manifest', path('water.json'));
    expect(code).toBe(0);
    expect(out).toContain('Verdict: pass');
    expect(out).toContain('reads: exo_water_entries');
    expect(out).toContain('Findings: none');
  });

  it('exits 1 and lists each finding as line:col severity rule message', async () => {
    const { code, out } = await run(path('water.ts'), '--manifest', path('reads-only.json'));
    expect(code).toBe(1);
    expect(out).toContain('Verdict: block');
    expect(out).toMatch(/^ {2}10:\d+ block capability\/undeclared-write Writes to the table exo_water_entries/m);
  });

  it('prints the AuditReport as JSON with --json', async () => {
    const { code, out } = await run('--json', path('eval.ts'));
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.verdict).toBe('block');
    expect(report.findings[0].rule).toBe('blocked/eval');
    expect(report.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('audits a binary file as not text', async () => {
    const { code, out } = await run(path('binary.ts'));
    expect(code).toBe(1);
    expect(out).toContain('input/binary');
  });

  it('exits 2 for a missing file, an unreadable manifest, or bad arguments', async () => {
    const missing = await run(path('nope.ts'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.ts');
    const manifest = await run(path('water.ts'), '--manifest', path('broken.json'));
    expect(manifest.code).toBe(2);
    expect(manifest.err).toContain('broken.json');
    expect((await run()).code).toBe(2);
    expect((await run(path('water.ts'), '--colour')).code).toBe(2);
    expect((await run(path('water.ts'), path('eval.ts'))).code).toBe(2);
  });
});
