// Where the integrity key (main/store/integrity/integrity-key.ts) is kept: 32 random bytes, sealed
// by the engine's SecretBox — the OS keychain in the app, FOUNDRY_PASSPHRASE headless (AES-256-GCM
// under scrypt) — in a file beside the database. The file alone opens nothing: only the box that
// sealed it can. A random key rather than one derived from the passphrase itself: it is independent
// of every other key by construction, and the app and the command line keep it the same way.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Localized } from '../../../shared/i18n-types.ts';
import { createIntegrityKey, INTEGRITY_KEY_BYTES, type IntegrityKey } from '../../store/integrity/integrity-key.ts';
import { damagedSecret, seal, unseal, type SecretBox } from './secret-box.ts';

export const INTEGRITY_KEY_FILE = 'integrity-key.json';

interface KeyFile {
  kind: string;
  sealed: string;
}

function readKeyFile(file: string): KeyFile | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<KeyFile>;
    if (typeof parsed.kind === 'string' && typeof parsed.sealed === 'string') return { kind: parsed.kind, sealed: parsed.sealed };
  } catch {
    // falls through: not ours
  }
  throw damagedSecret();
}

/**
 * The data directory's integrity key, opened with `box`; made (and sealed) the first time. A key
 * file sealed by another kind of box (the app's keychain, when the CLI asks) is a SecurityError
 * saying so; so is a wrong passphrase or a damaged file. Concurrent first starts agree on one key.
 */
export async function loadIntegrityKey(dataDir: string, box: SecretBox): Promise<IntegrityKey> {
  const file = path.join(dataDir, INTEGRITY_KEY_FILE);
  let stored = readKeyFile(file);
  if (!stored) {
    const sealed = await seal(box, randomBytes(INTEGRITY_KEY_BYTES).toString('base64'));
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, JSON.stringify({ kind: sealed.kind, sealed: sealed.data.toString('base64') }), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    stored = readKeyFile(file)!;
  }
  const raw = Buffer.from(await unseal(box, { kind: stored.kind, data: Buffer.from(stored.sealed, 'base64') }), 'base64');
  if (raw.length !== INTEGRITY_KEY_BYTES) throw damagedSecret();
  return createIntegrityKey(raw, stored.kind);
}

/**
 * Throws the SecurityError that says why `box` cannot open the integrity key already sealed in
 * `dataDir` (a wrong passphrase, another kind of box, a damaged file); nothing when it can, or when
 * there is no key yet. Before sealing a new secret, this tells a typo in the passphrase from the
 * passphrase that sealed the rest.
 */
export async function checkOpensIntegrityKey(dataDir: string, box: SecretBox): Promise<void> {
  const stored = readKeyFile(path.join(dataDir, INTEGRITY_KEY_FILE));
  if (stored) await unseal(box, { kind: stored.kind, data: Buffer.from(stored.sealed, 'base64') });
}

/** Why generated skills cannot run, and nothing can be approved, without the key. */
export const NO_INTEGRITY_KEY: Localized = {
  en: 'Approvals cannot be checked here: the key that seals them is not available (the desktop app keeps it in the system keychain; the command line opens it with FOUNDRY_PASSPHRASE). No generated skill runs and nothing can be approved until it is.',
  pl: 'Nie da się tu sprawdzić zatwierdzeń: klucz, którym są zapieczętowane, jest niedostępny (aplikacja trzyma go w systemowym pęku kluczy, wiersz poleceń otwiera go hasłem FOUNDRY_PASSPHRASE). Dopóki go nie ma, żaden wygenerowany skill nie zostanie uruchomiony i nic nie da się zatwierdzić.',
};
