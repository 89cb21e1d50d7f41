// `npm run dist` step: puts the pinned Node runtime for each target being packaged into
// build/runtime/<os>-<arch>/node/, from where electron-builder copies it into the app's resources
// (resources/node/bin/node, or resources\node\node.exe on Windows). The archive is refused unless
// its SHA-256 is the one committed in build/node-runtime.json: a mismatch stops the build and
// nothing is unpacked.
//   node scripts/fetch-node-runtime.ts                 every target of this OS (see electron-builder.yml)
//   node scripts/fetch-node-runtime.ts linux-x64 …     the named targets
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tar from 'tar';

export interface RuntimePin {
  version: string;
  source: { npm: string } | { url: string };
  sha256: string;
  /** The Node binary's path inside the archive. */
  binary: string;
}

export interface RuntimeManifest {
  targets: Record<string, RuntimePin>;
}

/** Fetches `pin`'s archive into `folder` and answers the file's path. */
export type Download = (pin: RuntimePin, folder: string) => Promise<string>;

const root = path.resolve(import.meta.dirname, '..');
export const MANIFEST_FILE = path.join(root, 'build', 'node-runtime.json');

/** electron-builder's ${os} names, and the architectures electron-builder.yml packages for each. */
export const TARGETS_BY_PLATFORM: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['linux-x64', 'linux-arm64'],
  darwin: ['mac-x64', 'mac-arm64'],
  win32: ['win-x64'],
};

export function readManifest(file = MANIFEST_FILE): RuntimeManifest {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RuntimeManifest;
}

/** npm's own client (its registry, proxy and CA settings) for npm sources; fetch for an address. */
export const download: Download = async (pin, folder) => {
  if ('npm' in pin.source) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { stdout } = await promisify(execFile)(npm, ['pack', `${pin.source.npm}@${pin.version}`, '--silent', '--pack-destination', folder], {
      shell: process.platform === 'win32',
      maxBuffer: 1024 * 1024,
    });
    return path.join(folder, stdout.trim().split('\n').pop()!);
  }
  const response = await fetch(pin.source.url);
  if (!response.ok || !response.body) throw new Error(`${pin.source.url} answered ${response.status}`);
  const file = path.join(folder, path.basename(new URL(pin.source.url).pathname));
  fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
};

function sha256Of(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Where the runtime of `target` lands, and the binary inside it. */
export function runtimeFolder(outRoot: string, target: string): { folder: string; binary: string } {
  const folder = path.join(outRoot, target, 'node');
  return { folder, binary: path.join(folder, target.startsWith('win-') ? 'node.exe' : path.join('bin', 'node')) };
}

/**
 * Downloads, verifies and unpacks one target's runtime; answers the binary's path. A runtime
 * already unpacked from the same pinned archive is kept (its stamp names the archive's hash).
 */
export async function fetchNodeRuntime(target: string, options: { manifest?: RuntimeManifest; outRoot?: string; download?: Download } = {}): Promise<string> {
  const pin = (options.manifest ?? readManifest()).targets[target];
  if (!pin) throw new Error(`No Node runtime is pinned for ${target} in build/node-runtime.json.`);
  const { folder, binary } = runtimeFolder(options.outRoot ?? path.join(root, 'build', 'runtime'), target);
  // Beside the runtime, not in it: electron-builder copies the whole folder into the app.
  const stamp = `${folder}.sha256`;
  if (fs.existsSync(binary) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === pin.sha256) return binary;

  const outRoot = path.dirname(path.dirname(folder));
  fs.mkdirSync(outRoot, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(outRoot, `.fetch-${target}-`));
  try {
    const archive = await (options.download ?? download)(pin, scratch);
    const actual = sha256Of(archive);
    if (actual !== pin.sha256) {
      throw new Error(
        `The Node ${pin.version} archive for ${target} does not match build/node-runtime.json (SHA-256 ${actual}, expected ${pin.sha256}). `
        + 'It was altered on the way or the pin is wrong; nothing was unpacked and the build stops.',
      );
    }
    const unpacked = path.join(scratch, 'unpacked');
    fs.mkdirSync(unpacked);
    await tar.x({ file: archive, cwd: unpacked, strict: true, filter: (entry) => entry === pin.binary });
    const extracted = path.join(unpacked, pin.binary);
    if (!fs.existsSync(extracted)) throw new Error(`The Node archive for ${target} has no ${pin.binary}.`);
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.renameSync(extracted, binary);
    fs.chmodSync(binary, 0o755);
    fs.writeFileSync(stamp, pin.sha256);
    return binary;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const targets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : (TARGETS_BY_PLATFORM[process.platform] ?? []);
  try {
    for (const target of targets) {
      const binary = await fetchNodeRuntime(target);
      console.log(`Node runtime for ${target}: ${path.relative(root, binary)} (${(fs.statSync(binary).size / 1024 / 1024).toFixed(1)} MB)`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
