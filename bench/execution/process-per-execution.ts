// The isolated-but-insecure baseline: one new Node process per execution (`node -e`), running the
// same transpiled skill as plain JavaScript. Its queries travel to this process over Node IPC and
// are answered with `reply`, as the sandbox host's queries travel to main.
import { spawn, type ChildProcess } from 'node:child_process';
import type { HostInvocation } from './host-arguments.ts';
import { skillProgram } from './skill-shim.ts';

const CHILD_PRELUDE = String.raw`
const waiting = new Map();
let nextCall = 0;
process.on('message', (message) => { const resolve = waiting.get(message.callId); waiting.delete(message.callId); resolve?.(message.reply); });
const hostQuery = (chain) => new Promise((resolve) => { const callId = ++nextCall; waiting.set(callId, resolve); process.send({ callId, chain }); });
const hostLog = () => {};
`;

const CHILD_CONTINUATION = `.then(
  (output) => process.send({ output }, () => process.disconnect()),
  (error) => process.send({ error: String(error) }, () => process.disconnect()),
)`;

interface ChildMessage {
  callId?: number;
  output?: string;
  error?: string;
}

export interface ProcessRun {
  output: string;
  /** Resolves once the process has exited; the output arrives a little earlier. */
  exited: Promise<void>;
}

/** Spawns `node -e` for one execution; resolves when the skill's output arrives. */
export function runInNewProcess(script: string, invocation: HostInvocation, reply: string): Promise<ProcessRun> {
  const program = `${CHILD_PRELUDE}${skillProgram(script, invocation, CHILD_CONTINUATION)}`;
  const child: ChildProcess = spawn(process.execPath, ['-e', program], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: {} });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('message', (message: ChildMessage) => {
      if (message.callId !== undefined) child.send({ callId: message.callId, reply });
      else if (message.output !== undefined) resolve({ output: message.output, exited });
      else reject(new Error(`the spawned skill failed: ${message.error ?? 'no output'}`));
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error(`the spawned skill exited without output: ${stderr.slice(-500)}`)));
  });
}
