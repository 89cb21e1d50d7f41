// Entry of the sandbox host process: `child_process.fork` runs this file under Node, and the app
// builds it to out/main/sandbox-host.js for Electron's `utilityProcess.fork`.
import { startHost, type HostPort } from './host/host.ts';

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function connect(): HostPort {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The sandbox host must be started by Skill Foundry (no message channel).');
  // Without its parent the host has no purpose: leave rather than linger.
  process.on('disconnect', () => process.exit(0));
  return { post: (message) => void send(message), onMessage: (listener) => process.on('message', listener) };
}

if (!(await startHost(connect()))) process.exitCode = 1;
