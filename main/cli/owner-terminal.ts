// The person at the keyboard, for the commands that decide (approve, reject, rollback, enrolling
// the authenticator). Contract: a factor is only ever typed here — never taken from arguments, the
// environment or a pipe — and only when standard input and standard output are both terminals.
// Threat: the assistant may run as the same OS user with a shell; it can start `foundry` and feed
// its input, but a pipe is not a terminal, so it cannot answer these prompts. (A program that
// fakes a terminal still needs both factors: this guard keeps honest automation out, the
// authenticator code and the check on this computer keep everyone else out.)
// The passphrase is read with echo off, one keystroke at a time, so nothing typed shows on the
// screen or in the scrollback; Ctrl-C, Ctrl-D and Esc cancel the question.
import readline from 'node:readline';
import type { ReadStream, WriteStream } from 'node:tty';
import type { Localized } from '../../shared/i18n-types.ts';

export interface OwnerTerminal {
  /** Prints text as it is (no newline added). */
  write(text: string): void;
  /** A visible answer, trimmed; null when the person cancels. */
  ask(question: string): Promise<string | null>;
  /** An answer typed with nothing echoed; null when the person cancels. */
  askHidden(question: string): Promise<string | null>;
  close(): void;
}

export const NO_TERMINAL: Localized = {
  en: 'this command asks you for your authenticator code and the check on this computer, so it runs only in a terminal (standard input and output both a terminal), never with piped input. Factors are never taken from arguments or environment variables.',
  pl: 'to polecenie pyta o kod z aplikacji uwierzytelniającej i o potwierdzenie na tym komputerze, więc działa tylko w terminalu (standardowe wejście i wyjście to terminal), nigdy z wejściem z potoku. Składniki nigdy nie są brane z argumentów ani ze zmiennych środowiskowych.',
};

const CANCEL_KEYS = new Set(['\u0003', '\u0004', '\u001b']);
const ENTER_KEYS = new Set(['\r', '\n']);
const ERASE_KEYS = new Set(['\u007f', '\b']);

/** The terminal this process was started in, or null when either end is not a terminal. */
export function openOwnerTerminal(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): OwnerTerminal | null {
  const stdin = input as ReadStream;
  const stdout = output as WriteStream;
  if (stdin.isTTY !== true || stdout.isTTY !== true) return null;

  function ask(question: string): Promise<string | null> {
    const rl = readline.createInterface({ input: stdin, output: stdout, terminal: true });
    return new Promise((resolve) => {
      let answer: string | null = null;
      rl.on('SIGINT', () => rl.close());
      // Closed without an answer: Ctrl-C, or Ctrl-D / the end of input.
      rl.on('close', () => {
        if (answer === null) stdout.write('\n');
        resolve(answer);
      });
      rl.question(question, (typed) => {
        answer = typed.trim();
        rl.close();
      });
    });
  }

  function askHidden(question: string): Promise<string | null> {
    stdout.write(question);
    return new Promise((resolve) => {
      let typed = '';
      const finish = (answer: string | null) => {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
        stdout.write('\n');
        resolve(answer);
      };
      const onData = (chunk: Buffer | string) => {
        for (const key of chunk.toString('utf8')) {
          if (CANCEL_KEYS.has(key)) return finish(null);
          if (ENTER_KEYS.has(key)) return finish(typed);
          if (ERASE_KEYS.has(key)) typed = typed.slice(0, -1);
          else typed += key;
        }
      };
      stdin.setRawMode(true);
      stdin.resume();
      stdin.on('data', onData);
    });
  }

  return {
    write: (text) => void stdout.write(text),
    ask,
    askHidden,
    close: () => stdin.pause(),
  };
}
