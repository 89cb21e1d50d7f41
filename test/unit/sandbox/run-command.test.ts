import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../main/cli/commands/run.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { WATER_MANIFEST, WATER_TRACKER } from './skills.ts';

const tempDir = useTempDir('foundry-run-test-');

function files(source = WATER_TRACKER) {
  const dir = tempDir();
  const skill = path.join(dir, 'water-tracker.ts');
  const manifest = path.join(dir, 'manifest.json');
  fs.writeFileSync(skill, source);
  fs.writeFileSync(manifest, JSON.stringify(WATER_MANIFEST));
  return { skill, manifest };
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}


describe('foundry run', () => {
  it('refuses --params nested 20,000 levels deep with a message, before running anything', async () => {
    const { skill, manifest } = files();
    const deep = `{"amount_ml": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const result = await run(skill, '--action', 'log_water', '--params', deep, '--manifest', manifest);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--params nests arrays or objects more than 64 levels deep.');
    expect(result.out).toBe('');
  });

  it('runs an action with granted writes and prints one JSON object', async () => {
    const { skill, manifest } = files();
    // The command's temporary store goes under TMPDIR; give it one of its own to watch.
    const tmp = tempDir();
    const previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const result = await run(skill, '--action', 'log_water', '--params', '{"amount_ml": 250}', '--manifest', manifest, '--grant-writes', '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({
      ok: true,
      audit: { verdict: 'pass', findings: [] },
      result: { success: true },
      record: { skillSlug: 'custom-water-tracker', action: 'log_water', status: 'succeeded', trigger: 'cli', inputSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('refuses writes without --grant-writes, and exits 1 when the action reports failure', async () => {
    const { skill, manifest } = files();
    const result = await run(skill, '--action', 'log_water', '--params', '{"amount_ml": 250}', '--manifest', manifest);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^status {5}succeeded/m);
    expect(result.out).toContain('Writing to exo_water_entries was not approved');
  });

  it('calls getData, getInsights and getActions by name, and prints the record', async () => {
    const { skill } = files();
    const insights = await run(skill, '--action', 'getInsights');
    expect(insights.code).toBe(0);
    expect(insights.out).toContain('Pij więcej wody!');
    expect(insights.out).toMatch(/^execution {2}#1 custom-water-tracker@0\.0\.0 getInsights \(cli, owner\)$/m);
    expect(insights.out).toMatch(/^ {2}output {3}sha256 [0-9a-f]{64}$/m);
    const actions = await run(skill, '--action', 'getActions', '--json');
    expect(JSON.parse(actions.out).result[0]).toMatchObject({ slug: 'log_water', name: 'Zaloguj wodę' });
  });

  it('derives the manifest from the audit when none is given', async () => {
    const { skill } = files();
    const result = await run(skill, '--action', 'log_water', '--params', '{"amount_ml": 1200}', '--grant-writes', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).manifest).toMatchObject({
      slug: 'custom-water-tracker',
      capabilities: { reads: ['exo_water_entries'], writes: ['exo_water_entries'], notifications: false },
    });
  });

  it('stops at a blocking audit, and --no-audit leaves it to the sandbox', async () => {
    const { skill } = files(WATER_TRACKER.replace("if (action === 'log_water') {", "if (action === 'log_water') { eval('1');"));
    const blocked = await run(skill, '--action', 'log_water', '--params', '{"amount_ml": 1}', '--json');
    expect(blocked.code).toBe(1);
    expect(JSON.parse(blocked.out)).toMatchObject({ ok: false, audit: { verdict: 'block' } });
    expect(JSON.parse(blocked.out).record).toBeUndefined();

    const unaudited = await run(skill, '--action', 'log_water', '--params', '{"amount_ml": 1}', '--no-audit');
    expect(unaudited.code).toBe(1);
    expect(unaudited.err).toContain('declares no tables');
    expect(unaudited.out).toContain('status     failed — The skill threw an error: Code generation from strings is disabled in the sandbox.');
  });

  it('exits 2 on bad input', async () => {
    const { skill, manifest } = files();
    expect((await run(skill)).code).toBe(2);
    expect((await run('/nonexistent/skill.ts', '--action', 'x')).err).toContain('cannot read /nonexistent/skill.ts');
    expect((await run(skill, '--action', 'x', '--params', '[1]')).code).toBe(2);
    expect((await run(skill, '--action', 'x', '--manifest', skill)).err).toContain('is not a skill manifest');
    expect((await run(skill, manifest, '--action', 'x')).code).toBe(2);
    const tooBig = await run(skill, '--action', 'log_water', '--params', JSON.stringify({ blob: 'x'.repeat(300 * 1024) }), '--manifest', manifest);
    expect(tooBig.code).toBe(2);
    expect(tooBig.err).toContain("the call's input is larger than");
  });
});
