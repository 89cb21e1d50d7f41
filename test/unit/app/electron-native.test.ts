// isolated-vm under both runtimes: the Electron build sits beside the Node prebuilds, and
// node-gyp-build (what isolated-vm loads itself with) picks the right one for each runtime.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentTarget, electronPrebuildPath, ensureIsolatedVmForElectron, type NativeTarget } from '../../../scripts/ensure-electron-native.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const rebuild = vi.hoisted(() => vi.fn());
vi.mock('@electron/rebuild', () => ({ rebuild }));

interface Tags { file: string }
interface NodeGypBuild {
  parseTags(file: string): Tags | undefined;
  matchTags(runtime: string, abi: string): (tags: Tags | undefined) => boolean;
  compareTags(runtime: string): (a: Tags, b: Tags) => number;
}
// The node-gyp-build that isolated-vm itself requires.
const requireFromIsolatedVm = createRequire(createRequire(import.meta.url).resolve('isolated-vm'));
const nodeGypBuild = requireFromIsolatedVm('node-gyp-build') as NodeGypBuild;
const isolatedVmDir = path.dirname(createRequire(import.meta.url).resolve('isolated-vm/package.json'));

const ELECTRON_ABI = '150';

/** The file node-gyp-build would load from `files` under `runtime` with `abi`, as its resolver does. */
function pick(files: string[], runtime: string, abi: string): string | undefined {
  const candidates = files.map(nodeGypBuild.parseTags).filter(nodeGypBuild.matchTags(runtime, abi)) as Tags[];
  return candidates.sort(nodeGypBuild.compareTags(runtime))[0]?.file;
}

describe('Electron prebuild name', () => {
  const linux: NativeTarget = { platform: 'linux', arch: 'x64', libc: 'glibc' };

  it('tags runtime, ABI and (on Linux) the C library, in the platform-arch folder', () => {
    expect(electronPrebuildPath('isolated-vm', linux, '150')).toBe(path.join('prebuilds', 'linux-x64', 'isolated-vm.electron.abi150.glibc.node'));
    expect(electronPrebuildPath('isolated-vm', { platform: 'linux', arch: 'arm64', libc: 'musl' }, '150'))
      .toBe(path.join('prebuilds', 'linux-arm64', 'isolated-vm.electron.abi150.musl.node'));
    expect(electronPrebuildPath('isolated-vm', { platform: 'darwin', arch: 'arm64', libc: null }, '150'))
      .toBe(path.join('prebuilds', 'darwin-arm64', 'isolated-vm.electron.abi150.node'));
    expect(electronPrebuildPath('isolated-vm', { platform: 'win32', arch: 'x64', libc: null }, '150'))
      .toBe(path.join('prebuilds', 'win32-x64', 'isolated-vm.electron.abi150.node'));
  });

  it("detects the C library from Node's report on Linux only", () => {
    expect(currentTarget('linux', 'x64', { glibcVersionRuntime: '2.36' })).toEqual(linux);
    expect(currentTarget('linux', 'arm64', {})).toEqual({ platform: 'linux', arch: 'arm64', libc: 'musl' });
    expect(currentTarget('darwin', 'arm64', {})).toEqual({ platform: 'darwin', arch: 'arm64', libc: null });
    expect(currentTarget('win32', 'x64', { glibcVersionRuntime: '2.36' })).toEqual({ platform: 'win32', arch: 'x64', libc: null });
  });
});

describe("node-gyp-build's choice between the Node prebuild and the Electron build", () => {
  const target = currentTarget();
  const electronFile = path.basename(electronPrebuildPath('isolated-vm', target, ELECTRON_ABI));
  const nodeFile = `isolated-vm.abi${process.versions.modules}${target.libc ? `.${target.libc}` : ''}.node`;
  const shipped = fs.readdirSync(path.join(isolatedVmDir, 'prebuilds', `${target.platform}-${target.arch}`));

  it("isolated-vm ships this machine's Node prebuild under the name the test assumes", () => {
    expect(shipped).toContain(nodeFile);
  });

  it('Electron loads the Electron build', () => {
    expect(pick([...shipped, electronFile], 'electron', ELECTRON_ABI)).toBe(electronFile);
  });

  it('Node keeps loading its own prebuild', () => {
    expect(pick([...shipped, electronFile], 'node', process.versions.modules)).toBe(nodeFile);
  });

  it('neither runtime ever takes the other one’s binary', () => {
    expect(pick([electronFile], 'node', process.versions.modules)).toBeUndefined();
    expect(pick([nodeFile], 'electron', ELECTRON_ABI)).toBeUndefined();
  });
});

describe('ensureIsolatedVmForElectron', () => {
  const tempDir = useTempDir();
  let root: string;
  let moduleDir: string;
  const target = currentTarget();
  const prebuild = () => path.join(moduleDir, electronPrebuildPath('isolated-vm', target, ELECTRON_ABI));
  const cacheDir = () => path.join(root, '.cache', 'electron-native', `isolated-vm-7.0.1-electron-45.4.1-${target.platform}-${target.arch}`);
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };

  beforeEach(() => {
    root = tempDir();
    moduleDir = path.join(root, 'node_modules', 'isolated-vm');
    write(path.join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ version: '45.4.1' }));
    write(path.join(root, 'node_modules', 'electron', 'abi_version'), `${ELECTRON_ABI}\n`);
    write(path.join(moduleDir, 'package.json'), JSON.stringify({ name: 'isolated-vm', version: '7.0.1' }));
    write(path.join(moduleDir, 'binding.gyp'), '{}');
    write(path.join(moduleDir, 'src', 'isolate.cc'), '// source');
    write(path.join(moduleDir, 'isolated-vm-7.0.1.tgz'), 'tarball');
    write(path.join(moduleDir, 'prebuilds', `${target.platform}-${target.arch}`, 'isolated-vm.abi137.glibc.node'), 'node build');
    rebuild.mockImplementation(async (options: { buildPath: string }) => {
      write(path.join(options.buildPath, 'node_modules', 'isolated-vm', 'build', 'Release', 'isolated-vm.node'), 'electron build');
    });
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('builds once in .cache for Electron (never inside node_modules) and installs the tagged prebuild', async () => {
    vi.stubEnv('npm_config_nodedir', '/usr');
    let nodedirDuringBuild: string | undefined = 'unset';
    rebuild.mockImplementationOnce(async (options: { buildPath: string }) => {
      nodedirDuringBuild = process.env.npm_config_nodedir;
      write(path.join(options.buildPath, 'node_modules', 'isolated-vm', 'build', 'Release', 'isolated-vm.node'), 'electron build');
    });

    await ensureIsolatedVmForElectron(root);

    expect(rebuild).toHaveBeenCalledExactlyOnceWith({
      buildPath: cacheDir(), projectRootPath: cacheDir(), electronVersion: '45.4.1', onlyModules: ['isolated-vm'], force: true,
    });
    expect(nodedirDuringBuild).toBeUndefined();
    const copy = path.join(cacheDir(), 'node_modules', 'isolated-vm');
    expect(fs.readdirSync(copy).sort()).toEqual(['binding.gyp', 'build', 'package.json', 'src']);
    expect(fs.readFileSync(prebuild(), 'utf8')).toBe('electron build');
    expect(fs.existsSync(path.join(moduleDir, 'build'))).toBe(false);
    expect(fs.readFileSync(path.join(moduleDir, 'prebuilds', `${target.platform}-${target.arch}`, 'isolated-vm.abi137.glibc.node'), 'utf8')).toBe('node build');
  });

  it('does nothing when the prebuild matches the cached build for these versions', async () => {
    await ensureIsolatedVmForElectron(root);
    rebuild.mockClear();
    await ensureIsolatedVmForElectron(root);
    expect(rebuild).not.toHaveBeenCalled();
    expect(console.log).toHaveBeenLastCalledWith(expect.stringContaining('is in place'));
  });

  it('reinstalls the prebuild from the cache after node_modules was reinstalled, without rebuilding', async () => {
    await ensureIsolatedVmForElectron(root);
    fs.rmSync(prebuild());
    rebuild.mockClear();
    await ensureIsolatedVmForElectron(root);
    expect(rebuild).not.toHaveBeenCalled();
    expect(fs.readFileSync(prebuild(), 'utf8')).toBe('electron build');
  });

  it('refuses to go on while node_modules/isolated-vm has a build/ folder', async () => {
    write(path.join(moduleDir, 'build', 'Release', 'isolated-vm.node'), 'stray');
    await expect(ensureIsolatedVmForElectron(root)).rejects.toThrow(/build exists\. node-gyp-build prefers it/);
    expect(rebuild).not.toHaveBeenCalled();
  });
});
