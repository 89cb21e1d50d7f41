import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SealedSecret } from '../../store/repositories/approval-security.ts';
import { derivePassphraseKey, isWeakPassphrase, MIN_PASSPHRASE_LENGTH } from './passphrase-kdf.ts';
import { SecurityError } from './security-error.ts';

/** Encrypts secrets at rest: the OS keychain in the app (main/app/safe-storage-box.ts), a passphrase headless. */
export interface SecretBox {
  /** Stored beside every sealed secret, so data sealed by another kind of box gets a clear error. */
  readonly kind: string;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(data: Buffer): Promise<string>;
}

export async function seal(box: SecretBox, plain: string): Promise<SealedSecret> {
  return { kind: box.kind, data: await box.encrypt(plain) };
}

export async function unseal(box: SecretBox, sealed: SealedSecret): Promise<string> {
  if (sealed.kind !== box.kind) {
    throw new SecurityError('other-secret-box', {
      en: `This secret was stored with another protection (${sealed.kind}) than the one in use now (${box.kind}). Open the store the way it was set up (desktop app or the CLI with FOUNDRY_PASSPHRASE), or set the factor up again.`,
      pl: `Ten sekret zapisano z innym zabezpieczeniem (${sealed.kind}) niż używane teraz (${box.kind}). Otwórz dane tak, jak je skonfigurowano (aplikacja lub CLI z FOUNDRY_PASSPHRASE), albo skonfiguruj ten składnik od nowa.`,
    });
  }
  return box.decrypt(sealed.data);
}

export const PASSPHRASE_BOX_KIND = 'passphrase-scrypt-aes-256-gcm';

// Layout of a sealed blob: MAGIC | salt | key check | iv | auth tag | ciphertext. The version is
// part of MAGIC and fixes the scrypt parameters, so a blob cannot ask for a costlier derivation.
const MAGIC = Buffer.from('SFB1', 'latin1');
const SALT_BYTES = 16;
const CHECK_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const AES_KEY_BYTES = 32;
const HEADER_BYTES = MAGIC.length + SALT_BYTES + CHECK_BYTES + IV_BYTES + TAG_BYTES;

interface DerivedKeys {
  aes: Buffer;
  /** Stored in clear; tells a wrong passphrase apart from a damaged blob. Independent of the AES key. */
  check: Buffer;
}

const wrongPassphrase = () =>
  new SecurityError('wrong-passphrase', {
    en: 'The passphrase is wrong: the stored secrets cannot be opened with it.',
    pl: 'Hasło jest nieprawidłowe: nie można nim otworzyć zapisanych sekretów.',
  });

export const damagedSecret = (cause?: unknown) =>
  new SecurityError(
    'damaged-secret',
    {
      en: 'A stored secret is damaged or was changed outside Skill Foundry, so it cannot be used. Set this factor up again.',
      pl: 'Zapisany sekret jest uszkodzony albo zmieniony poza Skill Foundry i nie da się go użyć. Skonfiguruj ten składnik od nowa.',
    },
    { cause },
  );

/**
 * AES-256-GCM under a key derived with scrypt from the owner's passphrase (the CLI and headless
 * engine, where no OS keychain is reachable). Each blob carries its random salt and IV.
 */
export function createPassphraseSecretBox(passphrase: string): SecretBox {
  if (isWeakPassphrase(passphrase)) {
    throw new SecurityError('weak-passphrase', {
      en: `The passphrase protecting stored secrets must have at least ${MIN_PASSPHRASE_LENGTH} characters.`,
      pl: `Hasło chroniące zapisane sekrety musi mieć co najmniej ${MIN_PASSPHRASE_LENGTH} znaków.`,
    });
  }
  // One scrypt run per salt per process: derivation is deliberately slow.
  const keysBySalt = new Map<string, Promise<DerivedKeys>>();
  const keysFor = (salt: Buffer): Promise<DerivedKeys> => {
    const id = salt.toString('hex');
    let keys = keysBySalt.get(id);
    if (!keys) {
      keys = derivePassphraseKey(passphrase, salt, AES_KEY_BYTES + CHECK_BYTES).then((key) => ({
        aes: key.subarray(0, AES_KEY_BYTES),
        check: key.subarray(AES_KEY_BYTES),
      }));
      keysBySalt.set(id, keys);
    }
    return keys;
  };
  const ownSalt = randomBytes(SALT_BYTES);

  return {
    kind: PASSPHRASE_BOX_KIND,
    async encrypt(plain) {
      const keys = await keysFor(ownSalt);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.aes, iv);
      cipher.setAAD(Buffer.concat([MAGIC, ownSalt]));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([MAGIC, ownSalt, keys.check, iv, cipher.getAuthTag(), ciphertext]);
    },
    async decrypt(data) {
      if (data.length < HEADER_BYTES || !data.subarray(0, MAGIC.length).equals(MAGIC)) throw damagedSecret();
      let offset = MAGIC.length;
      const take = (bytes: number) => data.subarray(offset, (offset += bytes));
      const salt = take(SALT_BYTES);
      const check = take(CHECK_BYTES);
      const iv = take(IV_BYTES);
      const tag = take(TAG_BYTES);
      const keys = await keysFor(salt);
      if (!timingSafeEqual(check, keys.check)) throw wrongPassphrase();
      const decipher = createDecipheriv('aes-256-gcm', keys.aes, iv);
      decipher.setAAD(Buffer.concat([MAGIC, salt]));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(data.subarray(offset)), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw damagedSecret(cause);
      }
    },
  };
}
