// The insecure floor: the transpiled skill in a new node:vm context of this process (no isolation
// worth the name: a skill reaches the host realm through any object it is handed).
import vm from 'node:vm';
import type { HostInvocation } from './host-arguments.ts';
import { skillProgram } from './skill-shim.ts';

/** Compiles the program once; each run gets a new context, as each sandboxed execution does. */
export function compileForVm(script: string, salt = ''): vm.Script {
  // A distinct text (the salt) misses V8's compilation cache, as a version never run before would.
  return new vm.Script(`${skillProgram(script)}${salt ? `// ${salt}\n` : ''}`, { filename: 'skill.js' });
}

/** `vm.runInNewContext` of the compiled skill; each query resolves at once with `reply`. */
export async function runInVm(compiled: vm.Script, invocation: HostInvocation, reply: string): Promise<string> {
  const globals = {
    hostQuery: () => Promise.resolve(reply),
    hostLog: () => {},
    invocationMethod: invocation.method,
    invocationArgs: JSON.parse(invocation.argsJson) as unknown[],
  };
  return (await compiled.runInNewContext(globals)) as string;
}
