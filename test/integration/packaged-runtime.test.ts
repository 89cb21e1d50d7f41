// The Node runtime `npm run dist` ships: fetched from its pinned source, verified against the
// SHA-256 committed in build/node-runtime.json, and found by the packaged app in its resources.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { download, fetchNodeRuntime, readManifest, TARGETS_BY_PLATFORM, type Download } from '../../scripts/fetch-node-runtime.ts';
import { checkNodeRuntime, resolveNodeRuntime } from '../../main/skills/sandbox/runtime/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const projectRoot = path.resolve(import.meta.dirname, '../..');
const manifest = readManifest();

describe('the runtime shipped in the installer', () => {
  it('every platform the installers are built for has a pinned Node 24 with a SHA-256', () => {
    const targets = Object.values(TARGETS_BY_PLATFORM).flat();
    expect(targets.sort()).toEqual(['linux-arm64', 'linux-x64', 'mac-arm64', 'mac-x64', 'win-x64']);
    for (const target of targets) {
      const pin = manifest.targets[target]!;
      expect(pin.version, target).toMatch(/^24\.\d+\.\d+$/);
      expect(pin.sha256, target).toMatch(/^[0-9a-f]{64}$/);
      expect(pin.binary, target).toMatch(target.startsWith('win-') ? /\/node\.exe$/ : /\/bin\/node$/);
    }
    const builder = parse(fs.readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8')) as { extraResources: { from: string; to: string }[] };
    expect(builder.extraResources).toContainEqual({ from: 'build/runtime/${os}-${arch}/node', to: 'node' });
  });

  it('linux-x64 is fetched from the npm registry, verified, unpacked, and accepted by the packaged app', async () => {
    const outRoot = tempDir();
    const binary = await fetchNodeRuntime('linux-x64', { outRoot });
    expect(binary).toBe(path.join(outRoot, 'linux-x64', 'node', 'bin', 'node'));
    expect(fs.readdirSync(path.join(outRoot, 'linux-x64', 'node'))).toEqual(['bin']);

    // electron-builder copies build/runtime/linux-x64/node to resources/node.
    const resources = tempDir();
    fs.cpSync(path.join(outRoot, 'linux-x64', 'node'), path.join(resources, 'node'), { recursive: true });
    const runtime = resolveNodeRuntime({ env: {}, platform: 'linux', execPath: '/opt/Skill Foundry/skill-foundry', isElectron: true, packaged: true, resourcesPath: resources });
    expect(runtime).toEqual({ path: path.join(resources, 'node', 'bin', 'node'), source: 'bundled' });
    await expect(checkNodeRuntime(runtime, {})).resolves.toBe(manifest.targets['linux-x64']!.version);
  }, 180_000);

  it('a download that was altered on the way is refused, nothing is unpacked, and the build stops', async () => {
    const outRoot = tempDir();
    const tampered: Download = async (pin, folder) => {
      const file = await download(pin, folder);
      fs.appendFileSync(file, Buffer.from([0]));
      return file;
    };
    await expect(fetchNodeRuntime('linux-x64', { outRoot, download: tampered })).rejects.toThrow(
      /The Node 24\.\d+\.\d+ archive for linux-x64 does not match build\/node-runtime\.json \(SHA-256 [0-9a-f]{64}, expected [0-9a-f]{64}\)\. It was altered on the way or the pin is wrong; nothing was unpacked/,
    );
    expect(fs.readdirSync(outRoot)).toEqual([]);
  }, 180_000);

  it('a target without a pin is named', async () => {
    await expect(fetchNodeRuntime('freebsd-x64', { outRoot: tempDir() })).rejects.toThrow('No Node runtime is pinned for freebsd-x64');
  });
});
