import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configCommand } from '../../../main/cli/commands/config.ts';
import { COMMANDS } from '../../../main/cli/commands/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await configCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('foundry config', () => {
  it('is registered', () => {
    expect(COMMANDS).toContain(configCommand);
  });

  it('set writes config.yaml and get reads it back (exit 0), as text or JSON', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    expect((await run(['set', 'skills.execution.maxRetries', '0'], env)).code).toBe(0);
    expect(readFileSync(join(env.FOUNDRY_DATA_DIR, 'config.yaml'), 'utf8')).toMatch(/maxRetries: 0\n/);
    expect(await run(['get', 'skills.execution.maxRetries'], env)).toMatchObject({ code: 0, out: '0' });
    expect((await run(['set', 'skills.learning.mode', '[user_authored]'], env)).code).toBe(0);
    expect(JSON.parse((await run(['get', 'skills.learning.mode', '--json'], env)).out)).toMatchObject({ value: ['user_authored'], defaultValue: ['user_authored', 'ai_proposed'] });
    const shown = await run(['show'], env);
    expect(shown.out).toContain('skills.scheduled.maxScheduled: 20  # default');
  });

  it('bad input exits 2 and changes nothing: unknown key, wrong value, a value that weakens safety', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    expect((await run(['set', 'skills.nope', '1'], env)).code).toBe(2);
    expect((await run(['set', 'skills.execution.timeoutMs', 'soon'], env)).code).toBe(2);
    const weakening = await run(['set', 'skills.learning.requireApproval', 'false', '--json'], env);
    expect(weakening.code).toBe(2);
    expect(JSON.parse(weakening.out)).toMatchObject({ ok: false, error: { code: 'weakens-safety', message: { pl: expect.stringContaining('Zatwierdzania nie da się wyłączyć') } } });
    expect((await run(['frobnicate'], env)).code).toBe(2);
    expect((await run(['get'], env)).code).toBe(2);
    expect((await run(['validate'], env)).code).toBe(0);
  });

  it('validate exits 1 for an invalid or weakening hand-edited file, naming the line and column', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    writeFileSync(join(env.FOUNDRY_DATA_DIR, 'config.yaml'), 'skills:\n  execution:\n    sandbox: false\n');
    const result = await run(['validate'], env);
    expect(result.code).toBe(1);
    expect(result.err).toContain('skills.execution.sandbox (line 3, column 14): The sandbox cannot be turned off');
    expect(result.err).toContain('(wiersz 3, kolumna 14)');
    expect(JSON.parse((await run(['validate', '--json'], env)).out)).toMatchObject({ ok: false, problems: [{ kind: 'weakens-safety', line: 3, column: 14 }] });
    expect(await run(['get', 'skills.execution.sandbox'], env)).toMatchObject({ code: 0, out: 'true' });
  });
});
