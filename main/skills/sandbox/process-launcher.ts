// How main starts the sandbox host: always `child_process.fork` of a real Node ≥ 24 binary running
// isolated-vm's own Node prebuild — in the app, in `foundry serve`, in the CLI and in the tests.
//
// Why never an Electron utility process (measured by source review, Electron 45 / isolated-vm 7):
//  1. isolated-vm 7 does not compile against Electron ≥ 42's V8: `v8::External::New` and
//     `External::Value` now need a type tag, and isolated-vm calls the untagged forms
//     (src/isolate/external.h, src/module/reference_handle.cc, src/module/callback.cc).
//  2. Electron 45 starts utility processes from Node's startup snapshot, which isolated-vm cannot
//     run under, and `--no-node-snapshot` in `utilityProcess.fork({ execArgv })` never reaches Node
//     (Electron keeps only an allow-list of Node options): the host would fail its self-check.
//  3. `utilityProcess.fork(…, { env: {} })` does not clear the environment (Electron only replaces
//     it when the map is non-empty): the process running skills would inherit ANTHROPIC_API_KEY,
//     FOUNDRY_PASSPHRASE and everything else of main's.
// A plain Node child gets exactly the flags, environment and working folder we give it.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolveNodeRuntime, type NodeRuntimeChoice } from './runtime/node-runtime.ts';
import { checkNodeRuntime, type VersionProbe } from './runtime/runtime-check.ts';
import { createPrivateWorkDir, removeWorkDir, sandboxHostEnv } from './runtime/host-environment.ts';

/** isolated-vm cannot run from Node's startup snapshot (Node ≥ 20). */
export const SANDBOX_HOST_EXEC_ARGV: readonly string[] = ['--no-node-snapshot'];

export interface SandboxProcessExit {
  code: number | null;
  signal: string | null;
}

/** A running host process as main sees it; messages are JSON text (see protocol.ts). */
export interface SandboxProcess {
  /** For reading its resident memory from outside; undefined if the platform gives none. */
  readonly pid: number | undefined;
  send(message: string): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once the process has ended and, where the platform can tell, after its last message arrived. */
  onExit(listener: (exit: SandboxProcessExit) => void): void;
  /** Ends it at once (SIGKILL): a wedged host would ignore anything gentler. */
  kill(): void;
}

export interface SandboxProcessLauncher {
  /** The Node binary that runs the host, and where it came from (shown to the owner). */
  readonly runtime: NodeRuntimeChoice;
  /** Checks the runtime before the first launch: answers its version, or rejects with a RuntimeProblem. */
  prepare(): Promise<string>;
  launch(): SandboxProcess;
}

export interface NodeLauncherOptions {
  /** The host's entry file: host-entry.ts from source, out/main/sandbox-host.js in the built app. */
  entry?: string;
  /** Defaults to this process's Node, or FOUNDRY_NODE. */
  runtime?: NodeRuntimeChoice;
  /** Main's environment: read only for FOUNDRY_NODE and what Node needs on the platform, never passed on. */
  env?: NodeJS.ProcessEnv;
  probe?: VersionProbe;
  onStderr?: (text: string) => void;
}

const STDERR_TAIL_CHARS = 4_000;

export function createNodeLauncher(options: NodeLauncherOptions = {}): SandboxProcessLauncher {
  const entry = options.entry ?? fileURLToPath(new URL('./host-entry.ts', import.meta.url));
  const env = options.env ?? process.env;
  const runtime = options.runtime
    ?? resolveNodeRuntime({ env, platform: process.platform, execPath: process.execPath, isElectron: Boolean(process.versions.electron), packaged: false });
  const hostEnv = sandboxHostEnv(process.platform, env);
  let prepared: Promise<string> | undefined;
  return {
    runtime,
    prepare: () => (prepared ??= checkNodeRuntime(runtime, hostEnv, options.probe)),
    launch() {
      if (!runtime.path) throw new Error('launch() before prepare(): no Node runtime was found');
      const workDir = createPrivateWorkDir();
      const child = fork(entry, [], {
        execPath: runtime.path,
        execArgv: [...SANDBOX_HOST_EXEC_ARGV],
        env: hostEnv,
        cwd: workDir,
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'json',
        windowsHide: true,
      });
      let stderrTail = '';
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
      });
      child.stderr?.on('end', () => {
        if (stderrTail.trim()) options.onStderr?.(stderrTail);
      });
      // A send racing the child's death must not throw into main; a binary that cannot start ends in 'close' too.
      child.on('error', () => {});
      child.on('close', () => removeWorkDir(workDir));
      return {
        pid: child.pid,
        send: (message) => {
          if (child.connected) child.send(message);
        },
        onMessage: (listener) => child.on('message', listener),
        // 'close', not 'exit': it comes after every message the host sent has been read.
        onExit: (listener) => child.on('close', (code, signal) => listener({ code, signal })),
        kill: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        },
      };
    },
  };
}
