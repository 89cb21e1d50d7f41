// Entry of the sandbox host process: a plain Node ≥ 24 runs this file through `child_process.fork`
// (from source under the CLI and the tests; as out/main/sandbox-host.js in the built app).
import { startHost, type HostPort } from './host/host.ts';

function connect(): HostPort {
  const send = process.send?.bind(process);
  if (!send) throw new Error('The sandbox host must be started by Skill Foundry (no message channel).');
  // Without its parent the host has no purpose: leave rather than linger.
  process.on('disconnect', () => process.exit(0));
  return { post: (message) => void send(message), onMessage: (listener) => process.on('message', listener) };
}

if (!(await startHost(connect()))) process.exitCode = 1;
