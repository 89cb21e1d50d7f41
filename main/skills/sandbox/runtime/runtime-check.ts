// The runtime is checked once, before the first execution: it must exist, start, and be Node 24
// or newer (isolated-vm 7's prebuilds need it). The host's own self-check (two isolates) follows
// when it starts. Any failure becomes one message the owner can act on.
import { execFile } from 'node:child_process';
import semver from 'semver';
import type { NodeRuntimeChoice } from './node-runtime.ts';
import { runtimeMessages, RuntimeProblem } from './runtime-messages.ts';

export const MIN_NODE_MAJOR = 24;
/** A healthy `node --version` answers in tens of milliseconds; ten seconds covers a cold, busy disk. */
const VERSION_PROBE_TIMEOUT_MS = 10_000;

/** Runs `<node> --version` without main's environment; answers the version (e.g. "24.22.3"). */
export type VersionProbe = (nodePath: string, env: NodeJS.ProcessEnv) => Promise<string>;

export const probeNodeVersion: VersionProbe = (nodePath, env) =>
  new Promise((resolve, reject) => {
    execFile(nodePath, ['--version'], { env, timeout: VERSION_PROBE_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      if (error) return reject(error);
      resolve(stdout.trim().replace(/^v/, ''));
    });
  });

/** Resolves with the runtime's version, or rejects with a RuntimeProblem saying what to do. */
export async function checkNodeRuntime(choice: NodeRuntimeChoice, env: NodeJS.ProcessEnv, probe: VersionProbe = probeNodeVersion): Promise<string> {
  if (!choice.path || !choice.source) throw new RuntimeProblem(runtimeMessages.notFound());
  let version: string;
  try {
    version = await probe(choice.path, env);
  } catch (error) {
    throw new RuntimeProblem(runtimeMessages.notRunnable(choice.path, error instanceof Error ? error.message : String(error)));
  }
  const parsed = semver.valid(version);
  if (!parsed) throw new RuntimeProblem(runtimeMessages.notNode(choice.path, version));
  if (semver.major(parsed) < MIN_NODE_MAJOR) throw new RuntimeProblem(runtimeMessages.tooOld(choice.path, parsed));
  return parsed;
}
