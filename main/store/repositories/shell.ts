import type { Db } from '../open-database.ts';
import type { IntegrityKey } from '../integrity/integrity-key.ts';

const PIN_SEAL = 'shell-pin/v1';
const FOLDER_SEAL = 'shell-folder/v1';
const SWITCH_SEAL = 'shell-switch/v1';

export interface ShellPin {
  versionId: string;
  action: string;
  /** Absolute, symlinks resolved: the file that runs. */
  executable: string;
  sha256: string;
  pinnedAt: string;
  /** Whether its seal holds: a row written without the integrity key does not. */
  sealed: boolean;
}

export interface ShellFolder {
  folder: string;
  setAt: string;
  sealed: boolean;
}

/**
 * Shell actions' pins, per-skill folders and the owner's confirmation of the switch (migration 13),
 * each sealed with the integrity key on write and checked on read. Without the key nothing can be
 * written (the callers refuse first) and nothing read counts as sealed.
 */
export function createShellRepository(db: Db, key: IntegrityKey | null) {
  const pinsOf = db.prepare<[string], { action: string; executable: string; sha256: string; pinned_at: string; mac: string }>(
    'SELECT action, executable, sha256, pinned_at, mac FROM shell_pins WHERE version_id = ? ORDER BY action',
  );
  const writePin = db.prepare('INSERT OR REPLACE INTO shell_pins (version_id, action, executable, sha256, pinned_at, mac) VALUES (?, ?, ?, ?, ?, ?)');
  const folderOf = db.prepare<[string], { folder: string; set_at: string; mac: string }>('SELECT folder, set_at, mac FROM shell_folders WHERE skill_id = ?');
  const writeFolder = db.prepare('INSERT OR REPLACE INTO shell_folders (skill_id, folder, set_at, mac) VALUES (?, ?, ?, ?)');
  const removeFolder = db.prepare('DELETE FROM shell_folders WHERE skill_id = ?');
  const switchRow = db.prepare<[], { confirmed_at: string; mac: string }>('SELECT confirmed_at, mac FROM shell_switch WHERE id = 1');
  const writeSwitch = db.prepare('INSERT OR REPLACE INTO shell_switch (id, confirmed_at, mac) VALUES (1, ?, ?)');
  const removeSwitch = db.prepare('DELETE FROM shell_switch WHERE id = 1');

  const signed = (label: string, fields: readonly unknown[]) => {
    if (!key) throw new Error('Shell action records are sealed with the integrity key, which is not available here.');
    return key.sign(label, fields);
  };
  const holds = (label: string, fields: readonly unknown[], mac: string) => key?.matches(label, fields, mac) ?? false;

  return {
    canSeal: key !== null,
    pins(versionId: string): ShellPin[] {
      return pinsOf.all(versionId).map((row) => ({
        versionId, action: row.action, executable: row.executable, sha256: row.sha256, pinnedAt: row.pinned_at,
        sealed: holds(PIN_SEAL, [versionId, row.action, row.executable, row.sha256, row.pinned_at], row.mac),
      }));
    },
    pin(pin: Omit<ShellPin, 'sealed'>): void {
      const fields = [pin.versionId, pin.action, pin.executable, pin.sha256, pin.pinnedAt];
      writePin.run(...fields, signed(PIN_SEAL, fields));
    },
    folder(skillId: string): ShellFolder | null {
      const row = folderOf.get(skillId);
      return row ? { folder: row.folder, setAt: row.set_at, sealed: holds(FOLDER_SEAL, [skillId, row.folder, row.set_at], row.mac) } : null;
    },
    setFolder(skillId: string, folder: string, setAt: string): void {
      writeFolder.run(skillId, folder, setAt, signed(FOLDER_SEAL, [skillId, folder, setAt]));
    },
    clearFolder: (skillId: string): boolean => removeFolder.run(skillId).changes === 1,
    /** When the owner confirmed the switch, if a sealed confirmation stands; null otherwise. */
    switchConfirmedAt(): string | null {
      const row = switchRow.get();
      return row && holds(SWITCH_SEAL, [row.confirmed_at], row.mac) ? row.confirmed_at : null;
    },
    hasSwitchRow: (): boolean => switchRow.get() !== undefined,
    confirmSwitch(at: string): void {
      writeSwitch.run(at, signed(SWITCH_SEAL, [at]));
    },
    revokeSwitch: (): boolean => removeSwitch.run().changes === 1,
  };
}
export type ShellRepository = ReturnType<typeof createShellRepository>;
