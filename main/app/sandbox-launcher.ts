// The app's sandbox host: the built host entry (unpacked from the asar, since a plain Node process
// cannot read inside one) under a real Node ≥ 24 — never an Electron utility process; the reasons
// are in main/skills/sandbox/process-launcher.ts. Nothing here needs Electron itself: main passes
// what Electron knows (packaged or not, the resources folder), so this is tested under plain Node.
import { createNodeLauncher, resolveNodeRuntime, type SandboxProcessLauncher } from '../skills/sandbox/index.ts';
import type { AppFiles } from './paths.ts';

export interface AppRuntimeContext {
  env: NodeJS.ProcessEnv;
  /** Electron's app.isPackaged. */
  packaged: boolean;
  /** Electron's process.resourcesPath (absent under plain Node). */
  resourcesPath?: string;
  platform?: NodeJS.Platform;
  onStderr?: (text: string) => void;
}

export function createAppSandboxLauncher(files: Pick<AppFiles, 'sandboxHost'>, context: AppRuntimeContext): SandboxProcessLauncher {
  const runtime = resolveNodeRuntime({
    env: context.env,
    platform: context.platform ?? process.platform,
    execPath: process.execPath,
    isElectron: true,
    packaged: context.packaged,
    ...(context.resourcesPath ? { resourcesPath: context.resourcesPath } : {}),
  });
  return createNodeLauncher({
    entry: files.sandboxHost,
    runtime,
    env: context.env,
    ...(context.onStderr ? { onStderr: context.onStderr } : {}),
  });
}
