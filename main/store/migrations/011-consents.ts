// Schema v11: per-run consent (issue 12). `consent_requests` keeps every time a run asked the owner
// and how it ended; `standing_consents` the owner's "run this exact action without asking", each
// sealed with the integrity key (a row written around the engine, without the key, is not honoured)
// and revocable. Sizes are bounded here as well as in the gate, so a row written around the engine
// cannot be larger.
export const consents = {
  version: 11,
  name: 'consents',
  sql: `
CREATE TABLE consent_requests (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  skill_slug   TEXT NOT NULL CHECK (length(skill_slug) <= 100),
  version_id   TEXT NOT NULL CHECK (length(version_id) <= 100),
  action       TEXT NOT NULL CHECK (length(action) <= 200),
  actor        TEXT NOT NULL CHECK (actor IN ('owner', 'assistant', 'scheduler', 'system')),
  trigger      TEXT NOT NULL CHECK (length(trigger) <= 200),
  summary_en   TEXT NOT NULL CHECK (length(summary_en) <= 1000),
  summary_pl   TEXT NOT NULL CHECK (length(summary_pl) <= 1000),
  details      TEXT NOT NULL CHECK (length(details) <= 20000),
  fingerprint  TEXT NOT NULL CHECK (length(fingerprint) <= 128),
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted', 'denied', 'timed-out', 'cancelled')),
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  decided_at   TEXT,
  decided_by   TEXT CHECK (decided_by IN ('owner', 'assistant', 'scheduler', 'system')),
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX consent_requests_pending ON consent_requests(id) WHERE status = 'pending';

CREATE TABLE standing_consents (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id   INTEGER NOT NULL REFERENCES consent_requests(id),
  fingerprint  TEXT NOT NULL,
  granted_at   TEXT NOT NULL,
  revoked_at   TEXT,
  revoked_by   TEXT CHECK (revoked_by IN ('owner', 'assistant', 'scheduler', 'system')),
  mac          TEXT NOT NULL
);
CREATE UNIQUE INDEX standing_consents_active ON standing_consents(fingerprint) WHERE revoked_at IS NULL;
`,
} as const;
