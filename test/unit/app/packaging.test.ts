// What electron-builder.yml promises the installed app, checked against the files it names.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_USER_MODEL_ID } from '../../../main/app/app-identity.ts';
import { POLKIT_ACTION_ID } from '../../../main/skills/approval/polkit.ts';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const builder = parse(fs.readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  asarUnpack: string[];
  deb: { fpm: string[] };
};

describe('the installers', () => {
  it('the deb installs the polkit policy of the check on this computer where polkit reads it', () => {
    const mapping = builder.deb.fpm.map((entry) => entry.split('='));
    const policy = mapping.find(([, target]) => target?.startsWith('/usr/share/polkit-1/actions/'));
    expect(policy).toEqual(['build/polkit/dev.skillfoundry.approve.policy', `/usr/share/polkit-1/actions/${POLKIT_ACTION_ID}.policy`]);
    expect(fs.readFileSync(path.join(projectRoot, policy![0]!), 'utf8')).toContain(`<action id="${POLKIT_ACTION_ID}">`);
  });

  it("Windows files the app's notifications under its appId", () => {
    expect(APP_USER_MODEL_ID).toBe(builder.appId);
  });

  it('the app icon is a 1024 px PNG, from which electron-builder derives the others', () => {
    const png = fs.readFileSync(path.join(projectRoot, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it("everything the sandbox host's plain Node (and the audit's worker) loads is unpacked from the asar", () => {
    for (const needed of ['out/main/sandbox-host.js', 'out/main/audit-worker.js', 'out/main/chunks/**', 'node_modules/isolated-vm/**', 'node_modules/node-gyp-build/**', 'node_modules/typescript/**']) {
      expect(builder.asarUnpack).toContain(needed);
    }
  });
});
