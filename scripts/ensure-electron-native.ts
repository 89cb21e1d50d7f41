// Run before `electron .` and electron-builder: gives isolated-vm an Electron build beside its
// Node prebuilds, so node-gyp-build picks the right binary for each runtime and neither `npm test`
// nor `npm start` ever needs a manual rebuild. better-sqlite3 ships N-API prebuilds that serve
// both runtimes, so it needs nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type Libc = 'glibc' | 'musl';

export interface NativeTarget {
  platform: NodeJS.Platform;
  arch: string;
  /** Only on Linux, where prebuilds are told apart by C library. */
  libc: Libc | null;
}

interface ReportHeader {
  glibcVersionRuntime?: string;
}

/** This machine's target; on Linux the C library comes from Node's report (musl has no glibc version). */
export function currentTarget(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
  reportHeader: ReportHeader = (process.report.getReport() as { header: ReportHeader }).header,
): NativeTarget {
  const libc = platform === 'linux' ? (reportHeader.glibcVersionRuntime ? 'glibc' : 'musl') : null;
  return { platform, arch, libc };
}

/**
 * Where node-gyp-build looks for an Electron build of `moduleName`, relative to the package:
 * `prebuilds/<platform>-<arch>/<module>.electron.abi<N>[.<libc>].node`. The runtime tag keeps
 * Node from picking it, and the Node prebuilds carry no runtime tag but a different ABI.
 */
export function electronPrebuildPath(moduleName: string, target: NativeTarget, abi: string): string {
  const tags = [moduleName, 'electron', `abi${abi}`, ...(target.libc ? [target.libc] : []), 'node'];
  return path.join('prebuilds', `${target.platform}-${target.arch}`, tags.join('.'));
}

function readJson(file: string): { version: string } {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string };
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export async function ensureIsolatedVmForElectron(projectRoot: string): Promise<void> {
  const electronDir = path.join(projectRoot, 'node_modules', 'electron');
  const moduleDir = path.join(projectRoot, 'node_modules', 'isolated-vm');
  const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
  const abi = fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
  const moduleVersion = readJson(path.join(moduleDir, 'package.json')).version;
  const target = currentTarget();

  if (fs.existsSync(path.join(moduleDir, 'build'))) {
    throw new Error(
      `${path.join(moduleDir, 'build')} exists. node-gyp-build prefers it over every prebuild, for Node and Electron alike, `
      + 'so one of the two would load a binary built for the other. Remove it (reinstall isolated-vm) and run this again.',
    );
  }

  // The versions and the target name the cache folder; the build in it is the stamp the prebuild must match.
  const buildDir = path.join(projectRoot, '.cache', 'electron-native',
    `isolated-vm-${moduleVersion}-electron-${electronVersion}-${target.platform}-${target.arch}`);
  const built = path.join(buildDir, 'node_modules', 'isolated-vm', 'build', 'Release', 'isolated-vm.node');
  const prebuild = path.join(moduleDir, electronPrebuildPath('isolated-vm', target, abi));

  if (fs.existsSync(prebuild) && fs.existsSync(built) && sha256(prebuild) === sha256(built)) {
    console.log(`isolated-vm ${moduleVersion} for Electron ${electronVersion} (ABI ${abi}) is in place.`);
    return;
  }
  if (!fs.existsSync(built)) {
    await rebuildForElectron(moduleDir, buildDir, moduleVersion, electronVersion);
    if (!fs.existsSync(built)) throw new Error(`@electron/rebuild finished without producing ${built}.`);
  }

  fs.mkdirSync(path.dirname(prebuild), { recursive: true });
  const partial = `${prebuild}.partial`;
  fs.copyFileSync(built, partial);
  fs.renameSync(partial, prebuild);
  console.log(`isolated-vm ${moduleVersion} for Electron ${electronVersion}: ${path.relative(projectRoot, prebuild)}`);
}

/** Builds in a copy under .cache, so no build/ folder ever appears in node_modules/isolated-vm. */
async function rebuildForElectron(moduleDir: string, buildDir: string, moduleVersion: string, electronVersion: string): Promise<void> {
  console.log(`Building isolated-vm ${moduleVersion} for Electron ${electronVersion} in ${buildDir} (a few minutes, once)…`);
  fs.rmSync(buildDir, { recursive: true, force: true });
  const copy = path.join(buildDir, 'node_modules', 'isolated-vm');
  fs.cpSync(moduleDir, copy, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(moduleDir, source);
      return relative !== 'prebuilds' && relative !== 'build' && !relative.endsWith('.tgz');
    },
  });
  fs.writeFileSync(path.join(buildDir, 'package.json'), JSON.stringify({
    name: 'electron-native-build',
    private: true,
    dependencies: { 'isolated-vm': moduleVersion },
  }, null, 2));
  // node-gyp lets npm_config_* variables override its arguments; npm_config_nodedir in particular
  // (set by .npmrc files, and by this project's CI for Node's headers) would build against Node.
  for (const name of Object.keys(process.env)) {
    if (/^npm_config_(nodedir|target|runtime|dist_?url)$/i.test(name)) delete process.env[name];
  }
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: buildDir, projectRootPath: buildDir, electronVersion, onlyModules: ['isolated-vm'], force: true });
}

if (import.meta.main) {
  try {
    await ensureIsolatedVmForElectron(path.resolve(import.meta.dirname, '..'));
  } catch (error) {
    console.error(`Could not prepare isolated-vm for Electron: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Building it needs the Electron headers (downloaded by node-gyp) and a C++ toolchain; see @electron/rebuild.');
    process.exitCode = 1;
  }
}
