// Which Node runs the sandbox host. The host is always a real Node ≥ 24 process with isolated-vm's
// own Node prebuild (see process-launcher.ts for why it is never an Electron utility process), so
// the app, the CLI and the tests share one binary and one code path. Resolved once at start and
// shown to the owner (Settings, `foundry status`), so nobody has to guess what runs their skills.
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxRuntimeSource } from '../../../../shared/contract/records.ts';

/**
 * Where the runtime came from, in the order tried: FOUNDRY_NODE (the owner's explicit choice);
 * `current` under plain Node (CLI, tests, foundry serve: this very process); in the app, `bundled`
 * once packaged (the pinned Node in its resources), else from source `npm` (the Node that runs
 * `npm start`) or `path` (the first `node` on PATH).
 */
export type NodeRuntimeSource = SandboxRuntimeSource;

export interface NodeRuntimeChoice {
  /** Absolute path of the Node binary; null when nothing could be found. */
  path: string | null;
  source: NodeRuntimeSource | null;
}

export interface NodeRuntimeContext {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** The running executable: Node itself under plain Node, Electron in the app. */
  execPath: string;
  /** Whether this process is Electron (its execPath cannot run the host). */
  isElectron: boolean;
  /** An installed app: the runtime comes from its resources. */
  packaged: boolean;
  /** Electron's process.resourcesPath, for the packaged app. */
  resourcesPath?: string;
  /** Whether a file exists and may be executed; injectable for tests. */
  isExecutable?: (file: string) => boolean;
}

/** Where `npm run dist` puts the pinned runtime inside the app's resources (see electron-builder.yml). */
export function bundledRuntimePath(resourcesPath: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? path.win32.join(resourcesPath, 'node', 'node.exe') : path.posix.join(resourcesPath, 'node', 'bin', 'node');
}

function defaultIsExecutable(file: string): boolean {
  try {
    fs.accessSync(file, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(context: NodeRuntimeContext, isExecutable: (file: string) => boolean): string | null {
  const paths = context.platform === 'win32' ? path.win32 : path.posix;
  const pathVariable = context.env.PATH ?? context.env.Path ?? '';
  const name = context.platform === 'win32' ? 'node.exe' : 'node';
  for (const folder of pathVariable.split(paths.delimiter)) {
    // An empty or relative PATH entry means "the working directory": never run a binary from there.
    if (!folder || !paths.isAbsolute(folder)) continue;
    const candidate = paths.join(folder, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** Picks the Node that will run the sandbox host; verification (version, isolates) comes later. */
export function resolveNodeRuntime(context: NodeRuntimeContext): NodeRuntimeChoice {
  const isExecutable = context.isExecutable ?? defaultIsExecutable;
  const explicit = context.env.FOUNDRY_NODE?.trim();
  if (explicit) return { path: path.resolve(explicit), source: 'FOUNDRY_NODE' };
  if (!context.isElectron) return { path: context.execPath, source: 'current' };
  if (context.packaged) {
    const bundled = context.resourcesPath ? bundledRuntimePath(context.resourcesPath, context.platform) : null;
    return { path: bundled, source: bundled ? 'bundled' : null };
  }
  // npm sets npm_node_execpath to the Node that runs it (and so `npm start`).
  const npmNode = context.env.npm_node_execpath;
  if (npmNode && (context.platform === 'win32' ? path.win32 : path.posix).isAbsolute(npmNode) && isExecutable(npmNode)) return { path: npmNode, source: 'npm' };
  const onPath = findOnPath(context, isExecutable);
  return onPath ? { path: onPath, source: 'path' } : { path: null, source: null };
}
