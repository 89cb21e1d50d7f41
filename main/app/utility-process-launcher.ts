import { utilityProcess } from 'electron';
import { SANDBOX_HOST_EXEC_ARGV, SANDBOX_HOST_SERVICE_NAME, type SandboxProcessLauncher } from '../skills/sandbox/index.ts';

/**
 * The sandbox host as an Electron utility process: its own OS process, started with
 * --no-node-snapshot (isolated-vm needs it) and an empty environment, so no secret of main's
 * environment reaches the process that runs skills.
 */
export function createUtilityProcessLauncher(entry: string): SandboxProcessLauncher {
  return {
    launch() {
      const child = utilityProcess.fork(entry, [], {
        execArgv: [...SANDBOX_HOST_EXEC_ARGV],
        serviceName: SANDBOX_HOST_SERVICE_NAME,
        env: {},
        stdio: 'ignore',
      });
      return {
        get pid() {
          return child.pid;
        },
        send: (message) => {
          if (child.pid !== undefined) child.postMessage(message);
        },
        onMessage: (listener) => child.on('message', listener),
        onExit: (listener) => child.on('exit', (code) => listener({ code, signal: null })),
        // A wedged host ignores anything gentler than SIGKILL.
        kill: () => {
          if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
        },
      };
    },
  };
}
