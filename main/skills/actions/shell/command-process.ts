// Runs one command as a process and collects what it prints, within limits. Contract: `spawn` with
// `shell: false` (the argv reaches the program as it is), stdin closed, the environment exactly
// `env`; the process leads a new process group (`detached`), so on the deadline or when an output
// passes its cap the whole group is killed (`kill(-pid)`), grandchildren included — unless one
// left the group on purpose (setsid), which bubblewrap's PID namespace covers where it applies.
// Why the limits: a command the owner allowed must still not hold a run slot forever (the action's
// time limit) nor fill main's memory with output (256 KB per stream, said when cut).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export const MAX_OUTPUT_BYTES = 256 * 1024;

export interface ProcessRequest {
  file: string;
  args: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string>>;
  timeoutMs: number;
  maxOutputBytes?: number;
}

export interface ProcessOutcome {
  /** null when a signal ended it or it never started. */
  exitCode: number | null;
  signal: string | null;
  stdout: Buffer;
  stderr: Buffer;
  /** Which outputs were cut at the cap (the process was then stopped). */
  truncated: { stdout: boolean; stderr: boolean };
  timedOut: boolean;
  /** Why it could not start (spawn's error), or null. */
  startError: string | null;
  durationMs: number;
}

export function runProcess(request: ProcessRequest): Promise<ProcessOutcome> {
  const cap = request.maxOutputBytes ?? MAX_OUTPUT_BYTES;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(request.file, [...request.args], {
      cwd: request.cwd, env: { ...request.env }, shell: false, detached: true, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true,
    });
    const kept = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
    const sizes = { stdout: 0, stderr: 0 };
    const truncated = { stdout: false, stderr: false };
    let timedOut = false;
    let startError: string | null = null;

    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    };
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const room = cap - sizes[stream];
      if (room > 0) kept[stream].push(room >= chunk.length ? chunk : chunk.subarray(0, room));
      sizes[stream] += chunk.length;
      if (sizes[stream] > cap && !truncated[stream]) {
        truncated[stream] = true;
        killGroup();
      }
    };
    child.stdout.on('data', collect('stdout'));
    child.stderr.on('data', collect('stderr'));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, Math.max(1, request.timeoutMs));
    let settled = false;
    const finish = (code: number | null, signal: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        exitCode: code, signal, stdout: Buffer.concat(kept.stdout), stderr: Buffer.concat(kept.stderr), truncated, timedOut, startError,
        durationMs: performance.now() - started,
      });
    };
    child.on('error', (error) => {
      startError = error.message;
      if (child.pid === undefined) finish(null, null);
    });
    // A grandchild left in the background would keep the pipes open: the command is over, so is its group.
    child.on('exit', killGroup);
    // 'close', not 'exit': the pipes are drained by then, so nothing printed is lost.
    child.on('close', finish);
  });
}
