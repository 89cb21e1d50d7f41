// Schema v1: the seed's tables (exo_generated_skills, exo_skill_versions) plus approvals,
// executions, the audit log and settings.
export const initial = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE exo_generated_skills (
  id                TEXT PRIMARY KEY,
  slug              TEXT NOT NULL UNIQUE CHECK (slug LIKE 'custom-%'),
  name              TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL CHECK (status IN ('pending', 'active', 'archived', 'rejected')),
  active_version_id TEXT REFERENCES exo_skill_versions(id),
  usage_count       INTEGER NOT NULL DEFAULT 0,
  last_used_at      TEXT,
  archived_at       TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);

CREATE TABLE exo_skill_versions (
  id             TEXT PRIMARY KEY,
  skill_id       TEXT NOT NULL REFERENCES exo_generated_skills(id),
  version        TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('failed', 'pending', 'approved', 'rejected', 'expired')),
  code           TEXT NOT NULL,
  manifest       TEXT NOT NULL,
  config_schema  TEXT NOT NULL,
  skill_md       TEXT NOT NULL,
  sample_inputs  TEXT NOT NULL DEFAULT '[]',
  content_sha256 TEXT NOT NULL,
  audit_report   TEXT,
  dry_run        TEXT,
  disclosure     TEXT,
  steps          TEXT NOT NULL DEFAULT '[]',
  need           TEXT,
  generator      TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  expires_at     TEXT,
  decided_at     TEXT,
  decided_by     TEXT,
  decision_reason TEXT,
  UNIQUE (skill_id, version)
);
CREATE INDEX exo_skill_versions_status ON exo_skill_versions(status, created_at);

CREATE TABLE approvals (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  version_id     TEXT NOT NULL REFERENCES exo_skill_versions(id),
  content_sha256 TEXT NOT NULL,
  outcome        TEXT NOT NULL CHECK (outcome IN ('approved', 'rejected', 'refused')),
  factors        TEXT NOT NULL DEFAULT '[]',
  actor          TEXT NOT NULL,
  reason         TEXT,
  created_at     TEXT NOT NULL
);
CREATE INDEX approvals_version ON approvals(version_id);

CREATE TABLE executions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  skill_slug      TEXT NOT NULL,
  version_id      TEXT,
  version         TEXT,
  action          TEXT NOT NULL,
  trigger         TEXT NOT NULL,
  actor           TEXT NOT NULL,
  input_sha256    TEXT NOT NULL,
  output_sha256   TEXT,
  status          TEXT NOT NULL CHECK (status IN ('succeeded', 'failed')),
  error           TEXT,
  duration_ms     REAL NOT NULL,
  peak_heap_bytes INTEGER,
  started_at      TEXT NOT NULL
);
CREATE INDEX executions_skill ON executions(skill_slug, id);

CREATE TABLE audit_log (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  at             TEXT NOT NULL,
  actor          TEXT NOT NULL CHECK (actor IN ('owner', 'assistant', 'scheduler', 'system')),
  event          TEXT NOT NULL,
  skill_slug     TEXT,
  version_id     TEXT,
  content_sha256 TEXT,
  data           TEXT NOT NULL DEFAULT '{}',
  prev_hash      TEXT NOT NULL,
  entry_hash     TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_event ON audit_log(event, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`,
} as const;
