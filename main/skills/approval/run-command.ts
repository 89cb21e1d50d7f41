import { spawn } from 'node:child_process';

export interface CommandOutcome {
  /** null when the command did not run to an exit (see `failure`). */
  exitCode: number | null;
  stdout: string;
  failure: 'not-found' | 'timeout' | 'error' | null;
}

export interface CommandOptions {
  /** Added to the inherited environment; how text reaches a script without quoting it into the command. */
  env?: Record<string, string>;
  timeoutMs: number;
}

/** Runs a system tool without a shell; OS checks (polkit, Windows Hello) get one injected for tests. */
export type CommandRunner = (command: string, args: readonly string[], options: CommandOptions) => Promise<CommandOutcome>;

const MAX_STDOUT_CHARS = 64 * 1024;

export const runCommand: CommandRunner = (command, args, options) =>
  new Promise((resolve) => {
    let stdout = '';
    let timedOut = false;
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, ...options.env },
      windowsHide: true,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, options.timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length < MAX_STDOUT_CHARS) stdout += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stdout, failure: error.code === 'ENOENT' ? 'not-found' : 'error' });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: timedOut ? null : code, stdout, failure: timedOut ? 'timeout' : code === null ? 'error' : null });
    });
  });
