// Where a shell action's command works: inside the folder the owner chose for the skill, never
// elsewhere. The folder is checked when chosen (absolute, an existing directory, not `/`, and
// apart from the app's data folder — a command able to write foundry.db or config.yaml could turn
// the guards off); the action's `cwd` is relative to it and, after every symlink is resolved at run
// time, must still be inside it: `..`, an absolute path or a link pointing out are refused.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { SHELL_MESSAGES } from './shell-messages.ts';

const isInside = (child: string, parent: string) => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

function realDirectory(candidate: string): string | null {
  try {
    const real = realpathSync(candidate);
    return statSync(real).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

/** The folder as stored (symlinks resolved), or why it may not be chosen. */
export function checkOwnerFolder(input: unknown, dataDir: string): { ok: true; folder: string } | { ok: false; reason: Localized } {
  if (typeof input !== 'string' || !path.isAbsolute(input) || input.length > 4096) return { ok: false, reason: SHELL_MESSAGES.folderNotAbsolute };
  const folder = realDirectory(input);
  if (!folder) return { ok: false, reason: SHELL_MESSAGES.folderNotDirectory };
  if (folder === path.parse(folder).root) return { ok: false, reason: SHELL_MESSAGES.folderTooWide };
  const data = realDirectory(dataDir) ?? path.resolve(dataDir);
  if (isInside(data, folder) || isInside(folder, data)) return { ok: false, reason: SHELL_MESSAGES.folderHoldsData };
  return { ok: true, folder };
}

/** The command's working directory: `cwd` (relative) inside `folder`, resolved now; null when it leads out or is no folder. */
export function workingDirectory(folder: string, cwd: string | undefined): string | null {
  if (cwd !== undefined && path.isAbsolute(cwd)) return null;
  // The chosen folder itself replaced by a link (to `/`, say) since it was chosen: not the one chosen.
  if (realDirectory(folder) !== folder) return null;
  const target = realDirectory(path.join(folder, cwd ?? '.'));
  return target && isInside(target, folder) ? target : null;
}
