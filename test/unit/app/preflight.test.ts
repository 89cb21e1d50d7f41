// `npm start` and `npm run dist` begin with scripts/preflight.mjs: one sentence, not a stack trace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronProblem, nodeProblem, preflight } from '../../../scripts/preflight.mjs';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();
const script = path.resolve(import.meta.dirname, '../../../scripts/preflight.mjs');

/** An installed electron package without its binary, as `npm install` leaves it offline. */
function electronPackage(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  return dir;
}

function placeBinary(dir: string): void {
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
  fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
}

describe('preflight', () => {
  it('a Node older than 24 gets one sentence saying what to install, in English and Polish', () => {
    expect(nodeProblem('v24.0.0')).toBeNull();
    expect(nodeProblem('v26.1.0')).toBeNull();
    const problem = nodeProblem('v20.20.2')!;
    expect(problem.en).toBe('Skill Foundry needs Node.js 24 or newer and this is Node 20.20.2: install Node 24 (for example `nvm install 24`), then run `npm install` and this command again.');
    expect(problem.pl).toContain('Skill Foundry wymaga Node.js 24 lub nowszego, a to jest Node 20.20.2');
  });

  it("Electron's binary missing and not downloadable: what to do, with the download's own reason", () => {
    const dir = electronPackage();
    const problem = electronProblem(dir, () => ({ ok: false, detail: 'Downloading...\nRequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest.<anonymous>' }))!;
    expect(problem.en).toContain("Electron 45.4.1's own binary is not installed and could not be downloaded (RequestError: getaddrinfo ENOTFOUND github.com)");
    expect(problem.en).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(problem.en).not.toContain('at ClientRequest');
    expect(problem.pl).toContain('Program Electron 45.4.1 nie jest zainstalowany');
  });

  it('an Electron binary already in place, or downloaded now, passes', () => {
    const present = electronPackage();
    placeBinary(present);
    expect(electronProblem(present, () => expect.fail('nothing to download'))).toBeNull();
    const fetched = electronPackage();
    expect(electronProblem(fetched, () => (placeBinary(fetched), { ok: true, detail: '' }))).toBeNull();
  });

  it('the Node check asks nothing of Electron, and the Electron check nothing of Node', () => {
    expect(preflight('node', { nodeVersion: 'v24.1.0', electronDir: electronPackage(), install: () => expect.fail('not asked') })).toEqual([]);
    expect(preflight('node', { nodeVersion: 'v20.1.0', electronDir: electronPackage(), install: () => expect.fail('not asked') })).toHaveLength(1);
    const present = electronPackage();
    placeBinary(present);
    expect(preflight('electron', { nodeVersion: 'v20.1.0', electronDir: present })).toEqual([]);
  });

  it.runIf(fs.existsSync('/usr/bin/node'))('run by an older Node it exits 1 with the sentence and no stack trace', () => {
    const version = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).stdout.trim();
    const run = spawnSync('/usr/bin/node', [script, 'node'], { encoding: 'utf8' });
    if (Number(version.slice(1).split('.')[0]) >= 24) return expect(run.stderr).not.toContain('needs Node.js 24');
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('needs Node.js 24 or newer'), expect.stringContaining('wymaga Node.js 24')]);
  });
});
