// The key that makes approvals and the audit log authentic (issue 10 §2). The threat: the
// assistant may run as the owner's OS user with a shell, so it can read and write foundry.db at
// will. Whatever it writes there must not approve a version, swap approved code, or hide an
// entry of the log, so every seal is an HMAC-SHA-256 under a key that is never stored in the
// database: the app keeps it sealed by the OS keychain, the command line by FOUNDRY_PASSPHRASE
// (main/skills/approval/integrity-key-file.ts). Whoever holds this key can forge seals; that is
// the residual risk the README states.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** 256 bits: HMAC-SHA-256's block-size-independent strength; shorter keys would be the weak link. */
export const INTEGRITY_KEY_BYTES = 32;

export interface IntegrityKey {
  /** What keeps the key (the SecretBox kind, or `test`), for messages and the upgrade's audit entry. */
  readonly source: string;
  /** Hex HMAC of `fields` under `label`; the label keeps a seal of one kind from passing as another. */
  sign(label: string, fields: readonly unknown[]): string;
  /** Constant-time check of a stored MAC; false for anything that is not one. */
  matches(label: string, fields: readonly unknown[], mac: unknown): boolean;
}

/** The raw key stays in this closure: it is never serialised, logged or handed out again. */
export function createIntegrityKey(raw: Buffer, source: string): IntegrityKey {
  if (raw.length !== INTEGRITY_KEY_BYTES) throw new Error(`An integrity key has ${INTEGRITY_KEY_BYTES} bytes, not ${raw.length}.`);
  const key = Buffer.from(raw);
  const sign = (label: string, fields: readonly unknown[]) => createHmac('sha256', key).update(JSON.stringify([label, ...fields])).digest('hex');
  return {
    source,
    sign,
    matches(label, fields, mac) {
      if (typeof mac !== 'string' || mac.length !== 64) return false;
      return timingSafeEqual(Buffer.from(sign(label, fields), 'hex'), Buffer.from(mac, 'hex'));
    },
  };
}
