// The real sandbox host process, driven through its message protocol straight from the bench: the
// fork IPC hop and the host's message loop, without main's side (request check, data gateway,
// SQLite, execution record). Queries are answered with a fixed reply.
import { createNodeLauncher } from '../../main/skills/sandbox/index.ts';
import { encodeMessage, type HostToMain } from '../../main/skills/sandbox/protocol.ts';
import { HOST_LIMITS, type HostInvocation } from './host-arguments.ts';

export interface HostProcessClient {
  /** One execution of `source` under the warm-isolate key `skillKey`; returns the output JSON. */
  run(skillKey: string, source: string, invocation: HostInvocation, reply: string): Promise<string>;
}

export async function withHostProcess<T>(fn: (client: HostProcessClient) => Promise<T>): Promise<T> {
  const host = createNodeLauncher().launch();
  const exited = new Promise<void>((resolve) => host.onExit(() => resolve()));
  let listener: (message: HostToMain) => void = () => {};
  host.onMessage((raw) => listener(JSON.parse(String(raw)) as HostToMain));
  await new Promise<void>((resolve, reject) => {
    listener = (message) => (message.type === 'ready' ? resolve() : reject(new Error(`the sandbox host did not start: ${JSON.stringify(message)}`)));
  });
  let nextId = 0;
  const client: HostProcessClient = {
    run(skillKey, source, invocation, reply) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        listener = (message) => {
          if (message.type === 'query' && message.id === id) host.send(encodeMessage({ type: 'reply', id, callId: message.callId, reply }));
          if (message.type !== 'done' || message.id !== id) return;
          if (message.outcome.status === 'succeeded') resolve(message.outcome.output);
          else reject(new Error(`the host failed the execution: ${message.outcome.code} ${message.outcome.detail}`));
        };
        host.send(encodeMessage({ type: 'execute', id, skillKey, source, method: invocation.method, args: invocation.argsJson, config: '{}', notifications: false, limits: HOST_LIMITS }));
      });
    },
  };
  try {
    return await fn(client);
  } finally {
    host.kill();
    await exited;
  }
}
