// `foundry` as a process: it ends when its command is done, wherever its output goes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { WATER_TRACKER } from '../sandbox/skills.ts';

const tempDir = useTempDir();
const bin = path.resolve(import.meta.dirname, '../../../bin/foundry.js');

describe('the foundry process', () => {
  it('exits after an audit (which runs on a worker thread) with its output going to a file', () => {
    const dir = tempDir();
    const skill = path.join(dir, 'water-tracker.ts');
    fs.writeFileSync(skill, WATER_TRACKER);
    const output = fs.openSync(path.join(dir, 'out.txt'), 'w');
    const run = spawnSync(process.execPath, ['--no-node-snapshot', bin, 'audit', skill], { stdio: ['ignore', output, output], timeout: 60_000 });
    fs.closeSync(output);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).toContain('pass');
  }, 70_000);
});
