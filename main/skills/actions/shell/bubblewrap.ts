// On Linux, a shell action runs inside bubblewrap when it is installed: a new set of namespaces with
// no network (`--unshare-all` without `--share-net`), the whole system mounted read-only, a private
// /tmp, fresh /dev and /proc, and only the skill's working folder writable; the environment cleared
// and set to the declared variables (bwrap adds PWD, the working folder); a new session (the command cannot push keystrokes into a
// terminal); and it dies with the app. Home folders (/home, /root, /run/user, the owner's own) and
// the app's data folder are replaced by empty ones, so a command — or a param naming a path — cannot
// read keys, browser profiles or the store; the working folder and the program are mounted back.
// What it does not do: hide the rest of the system (/etc, /opt, /srv … stay readable), change the
// user it runs as, or limit CPU and memory.
// Elsewhere (macOS, Windows, Linux without bwrap) the command runs with the owner's full rights,
// and the disclosure and the consent prompt say so.
import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Only absolute, system-owned places: a bwrap found through PATH could be anybody's. */
const BWRAP_PATHS = ['/usr/bin/bwrap', '/bin/bwrap', '/usr/local/bin/bwrap'] as const;

export interface Isolation {
  /** Absolute path of bwrap; null when commands run unisolated with the owner's rights. */
  bubblewrap: string | null;
}

/** The isolation this machine gives shell actions (checked once per process: installing bwrap needs a restart to count). */
export function findIsolation(platform: NodeJS.Platform = process.platform, candidates: readonly string[] = BWRAP_PATHS): Isolation {
  if (platform !== 'linux') return { bubblewrap: null };
  for (const candidate of candidates) {
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return { bubblewrap: candidate };
    } catch {
      // not here; the next place
    }
  }
  return { bubblewrap: null };
}

export interface SandboxedCommand {
  executable: string;
  args: readonly string[];
  /** Absolute, already checked to be inside the owner's folder. */
  cwd: string;
  env: Readonly<Record<string, string>>;
  /** Folders to replace with empty ones (homes, the data folder); those that do not exist are skipped. */
  hidden: readonly string[];
}

/** The owner's and other users' homes, and the app's data folder. */
export function privateFolders(dataDir: string, home: string = os.homedir()): string[] {
  return [...new Set(['/home', '/root', '/run/user', home, path.resolve(dataDir)])];
}

const isDirectory = (folder: string): boolean => {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
};

/** bwrap's own argv for `command`: what to spawn is the bwrap binary with these arguments. */
export function bubblewrapArgs(command: SandboxedCommand): string[] {
  const env = Object.entries(command.env).flatMap(([name, value]) => ['--setenv', name, value]);
  return [
    '--unshare-all', '--die-with-parent', '--new-session', '--clearenv', ...env,
    '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp',
    // Later mounts win: hide first, then mount back the program and the folder.
    ...command.hidden.filter(isDirectory).flatMap((folder) => ['--tmpfs', folder]),
    '--ro-bind', command.executable, command.executable,
    '--bind', command.cwd, command.cwd, '--chdir', command.cwd,
    '--', command.executable, ...command.args,
  ];
}
