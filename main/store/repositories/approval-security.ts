import type { Db } from '../open-database.ts';

/** A secret as stored: the bytes a SecretBox produced and which kind of box produced them. */
export interface SealedSecret {
  kind: string;
  data: Buffer;
}

export type TotpSecretStatus = 'pending' | 'active';

export interface TotpSecretRecord {
  id: number;
  status: TotpSecretStatus;
  account: string;
  sealed: SealedSecret;
  createdAt: string;
  confirmedAt: string | null;
  lastAcceptedStep: number | null;
}

export type LockoutFactor = 'totp' | 'passphrase';

export interface LockoutRecord {
  failedAttempts: number;
  lockedUntil: string | null;
}

export interface PassphraseHashRecord {
  scrypt: { N: number; r: number; p: number };
  salt: Buffer;
  hash: Buffer;
  createdAt: string;
}

export interface ApiTokenRecord {
  sha256: Buffer;
  sealed: SealedSecret;
  createdAt: string;
}

interface TotpRow {
  id: number;
  status: TotpSecretStatus;
  account: string;
  secret_box_kind: string;
  secret_sealed: Buffer;
  created_at: string;
  confirmed_at: string | null;
  last_accepted_step: number | null;
}

/** Storage of the approval factors, the lockouts and the assistant's token. Policy lives in main/skills/approval. */
export function createApprovalSecurityRepository(db: Db, now: () => Date) {
  const stamp = () => now().toISOString();

  const totpByStatus = db.prepare<[TotpSecretStatus], TotpRow>('SELECT * FROM totp_secrets WHERE status = ?');
  const deleteTotp = db.prepare<[TotpSecretStatus]>('DELETE FROM totp_secrets WHERE status = ?');
  const insertPending = db.prepare(
    `INSERT INTO totp_secrets (status, account, secret_box_kind, secret_sealed, created_at)
     VALUES ('pending', @account, @kind, @data, @at)`,
  );
  const promotePending = db.prepare<{ id: number; at: string; step: number }>(
    "UPDATE totp_secrets SET status = 'active', confirmed_at = @at, last_accepted_step = @step WHERE id = @id AND status = 'pending'",
  );
  // Compare-and-set: two verifications racing with the same code cannot both move the step.
  const advanceStep = db.prepare<{ id: number; step: number }>(
    "UPDATE totp_secrets SET last_accepted_step = @step WHERE id = @id AND status = 'active' AND last_accepted_step < @step",
  );

  const lockoutOf = db.prepare<[LockoutFactor], { failed_attempts: number; locked_until: string | null }>(
    'SELECT failed_attempts, locked_until FROM approval_lockouts WHERE factor = ?',
  );
  const writeLockout = db.prepare(
    `INSERT INTO approval_lockouts (factor, failed_attempts, locked_until, updated_at) VALUES (@factor, @failedAttempts, @lockedUntil, @at)
     ON CONFLICT(factor) DO UPDATE SET failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
  );

  const passphraseRow = db.prepare<[], { scrypt_n: number; scrypt_r: number; scrypt_p: number; salt: Buffer; hash: Buffer; created_at: string }>(
    'SELECT scrypt_n, scrypt_r, scrypt_p, salt, hash, created_at FROM fallback_passphrase WHERE id = 1',
  );
  const writePassphrase = db.prepare(
    `INSERT INTO fallback_passphrase (id, scrypt_n, scrypt_r, scrypt_p, salt, hash, created_at, updated_at) VALUES (1, @N, @r, @p, @salt, @hash, @at, @at)
     ON CONFLICT(id) DO UPDATE SET scrypt_n = excluded.scrypt_n, scrypt_r = excluded.scrypt_r, scrypt_p = excluded.scrypt_p,
       salt = excluded.salt, hash = excluded.hash, updated_at = excluded.updated_at`,
  );

  const tokenRow = db.prepare<[], { token_sha256: Buffer; secret_box_kind: string; token_sealed: Buffer; created_at: string }>(
    'SELECT token_sha256, secret_box_kind, token_sealed, created_at FROM assistant_api_token WHERE id = 1',
  );
  const writeToken = db.prepare(
    `INSERT INTO assistant_api_token (id, token_sha256, secret_box_kind, token_sealed, created_at) VALUES (1, @sha256, @kind, @data, @at)
     ON CONFLICT(id) DO UPDATE SET token_sha256 = excluded.token_sha256, secret_box_kind = excluded.secret_box_kind,
       token_sealed = excluded.token_sealed, created_at = excluded.created_at`,
  );

  return {
    /** Runs `fn` in one SQLite transaction (nested calls become savepoints). */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),

    totp: {
      get(status: TotpSecretStatus): TotpSecretRecord | null {
        const row = totpByStatus.get(status);
        return row
          ? {
              id: row.id,
              status: row.status,
              account: row.account,
              sealed: { kind: row.secret_box_kind, data: row.secret_sealed },
              createdAt: row.created_at,
              confirmedAt: row.confirmed_at,
              lastAcceptedStep: row.last_accepted_step,
            }
          : null;
      },
      /** Replaces any earlier pending secret; the active one stays until the new one is confirmed. */
      savePending(account: string, sealed: SealedSecret): void {
        db.transaction(() => {
          deleteTotp.run('pending');
          insertPending.run({ account, kind: sealed.kind, data: sealed.data, at: stamp() });
        })();
      },
      /**
       * The pending secret `id` becomes the active one, with its confirming step already spent. False
       * when it is no longer the pending one (confirmed meanwhile, or replaced by a newer offer).
       */
      activatePending(id: number, confirmedStep: number): boolean {
        return db.transaction(() => {
          if (totpByStatus.get('pending')?.id !== id) return false;
          deleteTotp.run('active');
          promotePending.run({ id, at: stamp(), step: confirmedStep });
          return true;
        })();
      },
      /** False when this step (or a later one) was already accepted for the secret `id`. */
      acceptStep(id: number, step: number): boolean {
        return advanceStep.run({ id, step }).changes === 1;
      },
    },

    lockouts: {
      get(factor: LockoutFactor): LockoutRecord {
        const row = lockoutOf.get(factor);
        return { failedAttempts: row?.failed_attempts ?? 0, lockedUntil: row?.locked_until ?? null };
      },
      set(factor: LockoutFactor, record: LockoutRecord): void {
        writeLockout.run({ factor, ...record, at: stamp() });
      },
    },

    fallbackPassphrase: {
      get(): PassphraseHashRecord | null {
        const row = passphraseRow.get();
        return row
          ? { scrypt: { N: row.scrypt_n, r: row.scrypt_r, p: row.scrypt_p }, salt: row.salt, hash: row.hash, createdAt: row.created_at }
          : null;
      },
      save(record: Omit<PassphraseHashRecord, 'createdAt'>): void {
        writePassphrase.run({ ...record.scrypt, salt: record.salt, hash: record.hash, at: stamp() });
      },
    },

    apiToken: {
      get(): ApiTokenRecord | null {
        const row = tokenRow.get();
        return row
          ? { sha256: row.token_sha256, sealed: { kind: row.secret_box_kind, data: row.token_sealed }, createdAt: row.created_at }
          : null;
      },
      save(sha256: Buffer, sealed: SealedSecret): void {
        writeToken.run({ sha256, kind: sealed.kind, data: sealed.data, at: stamp() });
      },
    },
  };
}
export type ApprovalSecurityRepository = ReturnType<typeof createApprovalSecurityRepository>;
