// Schema v4: what the approval gateway keeps between runs. Secrets are stored only sealed by a
// SecretBox (OS keychain or passphrase), with the box's kind beside them so a store opened by the
// other box fails with a clear message instead of looking like a wrong passphrase.
export const approvalSecurity = {
  version: 4,
  name: 'approval-security',
  sql: `
-- At most one active secret (the one approvals check) and one pending (offered, not yet confirmed).
CREATE TABLE totp_secrets (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  status             TEXT NOT NULL UNIQUE CHECK (status IN ('pending', 'active')),
  account            TEXT NOT NULL,
  secret_box_kind    TEXT NOT NULL,
  secret_sealed      BLOB NOT NULL,
  created_at         TEXT NOT NULL,
  confirmed_at       TEXT,
  -- RFC 6238 §5.2: codes of this time step and earlier are never accepted again.
  last_accepted_step INTEGER,
  CHECK ((status = 'active') = (confirmed_at IS NOT NULL AND last_accepted_step IS NOT NULL))
);

-- Consecutive failed checks of one approval factor, and the lock they caused.
CREATE TABLE approval_lockouts (
  factor          TEXT PRIMARY KEY CHECK (factor IN ('totp', 'passphrase')),
  failed_attempts INTEGER NOT NULL CHECK (failed_attempts >= 0),
  locked_until    TEXT,
  updated_at      TEXT NOT NULL
);

-- The owner's local approval passphrase, for computers without a biometric check.
CREATE TABLE fallback_passphrase (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  scrypt_n   INTEGER NOT NULL,
  scrypt_r   INTEGER NOT NULL,
  scrypt_p   INTEGER NOT NULL,
  salt       BLOB NOT NULL,
  hash       BLOB NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The assistant's API token: its SHA-256 to check requests, sealed so the owner can show it again.
CREATE TABLE assistant_api_token (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  token_sha256    BLOB NOT NULL,
  secret_box_kind TEXT NOT NULL,
  token_sealed    BLOB NOT NULL,
  created_at      TEXT NOT NULL
);
`,
} as const;
