// Which file a shell action runs, and whether it is still the one approved. At approval the
// command's first element is resolved — an absolute path as written, or a bare name looked up in a
// fixed PATH (never the environment's: whoever sets PATH would choose the program) — symlinks are
// followed, and the target's SHA-256 is pinned. Before each run the target is hashed again; a
// different or missing file does not run until a new version is approved.
import { accessSync, closeSync, constants, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';

/** Where a bare command name is looked up: the system's own folders, in this order. */
export const FIXED_PATH = ['/usr/local/bin', '/usr/bin', '/bin'] as const;

export type ExecutableProblem = 'not-found' | 'not-a-file' | 'not-executable' | 'relative';

export type Resolution = { ok: true; executable: string } | { ok: false; problem: ExecutableProblem };

function executableFile(candidate: string): Resolution {
  let target: string;
  try {
    target = realpathSync(candidate);
  } catch {
    return { ok: false, problem: 'not-found' };
  }
  if (!statSync(target).isFile()) return { ok: false, problem: 'not-a-file' };
  try {
    accessSync(target, constants.X_OK);
  } catch {
    return { ok: false, problem: 'not-executable' };
  }
  return { ok: true, executable: target };
}

/** `command0` as the file that would run: absolute, symlinks resolved. */
export function resolveExecutable(command0: string): Resolution {
  if (path.isAbsolute(command0)) return executableFile(command0);
  if (command0.includes('/') || command0 === '' || command0 === '.' || command0 === '..') return { ok: false, problem: 'relative' };
  for (const folder of FIXED_PATH) {
    const found = executableFile(path.join(folder, command0));
    if (found.ok || found.problem !== 'not-found') return found;
  }
  return { ok: false, problem: 'not-found' };
}

/** Hex SHA-256 of a file, read in chunks (a binary may be large); null when it cannot be read. */
export function fileSha256(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
    return hash.digest('hex');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

export type PinState = 'intact' | 'changed' | 'missing';

/** Whether the pinned file is still there and still the same bytes. */
export function pinState(pin: { executable: string; sha256: string }): PinState {
  const now = fileSha256(pin.executable);
  return now === null ? 'missing' : now === pin.sha256 ? 'intact' : 'changed';
}
