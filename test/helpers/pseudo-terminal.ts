// `foundry` in a pseudo-terminal, as a person at a terminal runs it: util-linux `script` gives the
// command a PTY (no native module needed). The test waits for a prompt before typing its answer,
// as a person does — typed ahead, an answer would be echoed before the command turns echo off.
import { spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/foundry.js');

export interface TerminalSession {
  /** Everything the terminal showed so far (carriage returns removed). */
  screen(): string;
  /** Resolves once the screen matches `pattern` after what was already matched; fails after 60 s. */
  waitFor(pattern: RegExp): Promise<void>;
  /** Types `text` followed by Enter. */
  type(text: string): void;
  /** Sends raw keys (e.g. '\u0003' for Ctrl-C). */
  press(keys: string): void;
  /** The exit status of `foundry`, once it ended. */
  exited: Promise<number>;
}

const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

/** Starts `foundry ARGS` in a fresh pseudo-terminal with `env` added to this process's environment. */
export function foundryInTerminal(args: string[], env: NodeJS.ProcessEnv): TerminalSession {
  const command = [process.execPath, '--no-node-snapshot', BIN, ...args].map(quote).join(' ');
  // -e: script exits with the command's status; -q: no start and end banners; -E never: script
  // does not echo our input itself (the terminal's own echo, which the command controls, stays).
  const child = spawn('script', ['-qefE', 'never', '-c', command, '/dev/null'], { env: { ...process.env, ...env, TERM: 'dumb' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let shown = '';
  let matchedUpTo = 0;
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const rest = shown.slice(matchedUpTo);
      const match = waiter.pattern.exec(rest);
      if (match) {
        matchedUpTo += match.index + match[0].length;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  const collect = (chunk: Buffer) => {
    shown += chunk.toString('utf8').replaceAll('\r', '');
    check();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    screen: () => shown,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern} in:\n${shown}`)), 60_000);
        waiters.push({ pattern, resolve: () => { clearTimeout(timer); resolve(); } });
        check();
        void exited.then(() => setTimeout(() => {
          if (waiters.some((w) => w.pattern === pattern)) reject(new Error(`foundry ended before ${pattern} appeared:\n${shown}`));
        }, 50));
      });
    },
    type: (text) => void child.stdin.write(`${text}\r`),
    press: (keys) => void child.stdin.write(keys),
    exited,
  };
}
