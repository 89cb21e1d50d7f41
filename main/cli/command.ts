export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Where secrets are read from (never argv); process.stdin unless a test gives another. */
  stdin?: NodeJS.ReadableStream;
}

/** A `foundry` subcommand: exit 0 on success, non-zero with a clear message on failure. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run: (args: string[], io: CommandIo) => Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;
