// Schema v7: approvals and the audit log made authentic with a key that is not in the database
// (main/store/integrity/integrity-key.ts).
// - audit_log.mac: the keyed link of each entry (NULL while written without the key).
// - approval_seals: every approval and rollback that made a version the running one, with the
//   content hash and the writes it granted, each MACed and chained to the seal before it.
// - integrity_checkpoint: the newest sealed audit entry and seal, MACed, so a log cut at the end or
//   a seal removed is seen. A NULL mac means "never sealed": the first start with the key seals
//   what this upgrade found (and audits that it did).
// The append-only trigger now lets exactly one change through: a missing mac being filled in.
export const integrity = {
  version: 7,
  name: 'integrity',
  sql: `
ALTER TABLE audit_log ADD COLUMN mac TEXT;

DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  WHEN OLD.mac IS NOT NULL OR NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor
    OR NEW.event IS NOT OLD.event OR NEW.skill_slug IS NOT OLD.skill_slug OR NEW.version_id IS NOT OLD.version_id
    OR NEW.content_sha256 IS NOT OLD.content_sha256 OR NEW.data IS NOT OLD.data OR NEW.prev_hash IS NOT OLD.prev_hash
    OR NEW.entry_hash IS NOT OLD.entry_hash
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE approval_seals (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  decision          TEXT NOT NULL CHECK (decision IN ('approved', 'rolled-back')),
  skill_slug        TEXT NOT NULL,
  version_id        TEXT NOT NULL,
  version           TEXT NOT NULL,
  content_sha256    TEXT NOT NULL,
  granted_writes    TEXT NOT NULL CHECK (json_valid(granted_writes)),
  decided_at        TEXT NOT NULL,
  sealed_at_upgrade INTEGER NOT NULL DEFAULT 0 CHECK (sealed_at_upgrade IN (0, 1)),
  prev_mac          TEXT NOT NULL,
  mac               TEXT NOT NULL
);
CREATE INDEX approval_seals_skill ON approval_seals(skill_slug, id);

CREATE TABLE integrity_checkpoint (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  audit_seq   INTEGER NOT NULL,
  audit_head  TEXT NOT NULL,
  seal_id     INTEGER NOT NULL,
  seal_head   TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  mac         TEXT
);
INSERT INTO integrity_checkpoint (id, audit_seq, audit_head, seal_id, seal_head, updated_at, mac)
  VALUES (1, 0, '', 0, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL);
`,
} as const;
