// `foundry status` checks the Node that runs skills, as Settings shows it in the window.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foundry } from '../../helpers/run-foundry.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();


describe('foundry status and the sandbox runtime', () => {
  it('names the Node that runs skills and proves the sandbox starts', async () => {
    const result = await foundry(['status', '--json'], { FOUNDRY_DATA_DIR: tempDir() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).sandbox).toEqual({ nodePath: process.execPath, source: 'current', nodeVersion: process.versions.node, state: 'ready', problem: null });
    const text = await foundry(['status'], { FOUNDRY_DATA_DIR: tempDir() });
    expect(text.out).toContain(`sandbox runtime  ${process.execPath} (this Node)`);
    expect(text.out).toContain(`sandbox          ready: Node ${process.versions.node}, two isolates passed the start-up check`);
  });

  it('FOUNDRY_NODE pointing at an older Node: exit 1, with what to do', async () => {
    const fakeNode = path.join(tempDir(), 'node');
    fs.writeFileSync(fakeNode, '#!/bin/sh\necho v22.3.0\n', { mode: 0o755 });
    const result = await foundry(['status'], { FOUNDRY_DATA_DIR: tempDir(), FOUNDRY_NODE: fakeNode });
    expect(result.code).toBe(1);
    expect(result.out).toContain(`sandbox runtime  ${fakeNode} (from FOUNDRY_NODE)`);
    expect(result.out).toContain(`skills cannot run: Skills need Node.js 24 or newer, and the runtime at ${fakeNode} is 22.3.0.`);
    const json = JSON.parse((await foundry(['status', '--json'], { FOUNDRY_DATA_DIR: tempDir(), FOUNDRY_NODE: fakeNode })).out);
    expect(json.sandbox).toMatchObject({ state: 'failed', source: 'FOUNDRY_NODE', problem: { pl: expect.stringContaining('Skille wymagają Node.js 24') } });
  });
});
