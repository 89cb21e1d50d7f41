// How main starts the sandbox host. Under plain Node (CLI, tests) it is `child_process.fork`; in the
// app, main/app implements the same interface with Electron's utilityProcess:
//
//   const child = utilityProcess.fork(path.join(__dirname, 'sandbox-host.js'), [], {
//     execArgv: [...SANDBOX_HOST_EXEC_ARGV], serviceName: SANDBOX_HOST_SERVICE_NAME, env: {}, stdio: 'pipe' });
//   return { get pid() { return child.pid; }, send: (m) => child.postMessage(m), onMessage: (l) => child.on('message', l),
//            onExit: (l) => child.on('exit', (code) => l({ code, signal: null })),
//            kill: () => { if (child.pid) process.kill(child.pid, 'SIGKILL'); } };
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** isolated-vm needs --no-node-snapshot on Node ≥ 20 (and in Electron's utility processes). */
export const SANDBOX_HOST_EXEC_ARGV: readonly string[] = ['--no-node-snapshot'];
export const SANDBOX_HOST_SERVICE_NAME = 'Skill Foundry sandbox';

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
  launch(): SandboxProcess;
}

const STDERR_TAIL_CHARS = 4_000;

/**
 * `child_process.fork` of host-entry.ts (Node 24 strips the types). The host gets an empty
 * environment, so no secret in main's environment ever reaches the process running skills.
 */
export function createNodeLauncher(options: { entry?: string; onStderr?: (text: string) => void } = {}): SandboxProcessLauncher {
  const entry = options.entry ?? fileURLToPath(new URL('./host-entry.ts', import.meta.url));
  return {
    launch() {
      const child = fork(entry, [], {
        execArgv: [...SANDBOX_HOST_EXEC_ARGV],
        env: {},
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'json',
      });
      let stderrTail = '';
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
      });
      child.stderr?.on('end', () => {
        if (stderrTail.trim()) options.onStderr?.(stderrTail);
      });
      // A send racing the child's death must not throw into main.
      child.on('error', () => {});
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
