import { scrypt } from 'node:crypto';

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's recommended minimum for scrypt: 128 MiB of memory and a few hundred ms per derivation. */
export const SCRYPT_PARAMS: ScryptParams = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

export const MIN_PASSPHRASE_LENGTH = 8;

// NFC: the same Polish passphrase typed on macOS (often decomposed, NFD) and elsewhere must match.
const normalize = (passphrase: string) => passphrase.normalize('NFC');

/** Too short to protect anything; counted in characters, not bytes. */
export function isWeakPassphrase(passphrase: string): boolean {
  return [...normalize(passphrase).trim()].length < MIN_PASSPHRASE_LENGTH;
}

export function derivePassphraseKey(passphrase: string, salt: Buffer, keyLength: number, params: ScryptParams = SCRYPT_PARAMS): Promise<Buffer> {
  // Node refuses scrypt above 32 MiB unless maxmem is raised; scrypt needs 128 * N * r bytes.
  const maxmem = 256 * params.N * params.r;
  return new Promise((resolve, reject) => {
    scrypt(normalize(passphrase), salt, keyLength, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
