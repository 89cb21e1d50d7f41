import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'otplib';
import { openFoundryStore, DATABASE_FILE, type FoundryStore } from '../../../main/store/index.ts';
import { randomBytes } from 'node:crypto';
import { createIntegrityKey, type IntegrityKey } from '../../../main/store/index.ts';
import { createPassphraseSecretBox } from '../../../main/skills/approval/secret-box.ts';
import type { AuditEntry } from '../../../shared/contract/records.ts';

/** A fresh integrity key, as the app's keychain or FOUNDRY_PASSPHRASE would open it (without the scrypt). */
export const newIntegrityKey = (): IntegrityKey => createIntegrityKey(randomBytes(32), 'test');

export const START = Date.parse('2026-03-02T10:00:10.000Z');
export const BOX_PASSPHRASE = 'correct horse battery staple';

/** A settable clock shared by the store and the services under test. */
export function createClock(start = START) {
  let t = start;
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
    set: (ms: number) => {
      t = ms;
    },
  };
}
export type Clock = ReturnType<typeof createClock>;

/** A real store in `dir` with the approval repository, as the gateway will get it. */
export function openSecurityStore(dir: string, clock: Clock) {
  const store = openFoundryStore(dir, { now: clock.now });
  return { store, repo: store.approvalSecurity };
}

/** The code an authenticator app shows for `secret` at `at` (offset in 30 s steps). */
export function codeAt(secret: string, at: Date, stepOffset = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) + stepOffset * 30 });
}

export function secretFromUri(uri: string): string {
  const secret = new URL(uri).searchParams.get('secret');
  if (!secret) throw new Error('no secret in URI');
  return secret;
}

export function auditEvents(store: FoundryStore): AuditEntry[] {
  return store.auditLog.page({ limit: 1000, offset: 0 }).items.reverse();
}

/** Every column of every audit row, as text: where a leaked secret would show. */
export function rawAuditText(store: FoundryStore): string {
  return JSON.stringify(store.db.prepare('SELECT * FROM audit_log').all());
}

/** The database's bytes on disk, WAL included, after closing the store. */
export function databaseBytes(dir: string): Buffer {
  const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((name) => path.join(dir, name)).filter((file) => fs.existsSync(file));
  return Buffer.concat(files.map((file) => fs.readFileSync(file)));
}

export const newBox = () => createPassphraseSecretBox(BOX_PASSPHRASE);
