// Schema v14: schedules (issue 13 §1). One row per schedule of a skill: declared by its approved
// manifest, added by the owner, or proposed by the assistant (waiting for the owner). `next_run_at`
// is stored so it survives a restart, and firing claims a due row by moving it
// (`UPDATE … WHERE next_run_at = :due`), so two engines on one data directory fire it once.
export const schedules = {
  version: 14,
  name: 'schedules',
  sql: `
CREATE TABLE schedules (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  skill_slug           TEXT NOT NULL CHECK (length(skill_slug) <= 100),
  version_id           TEXT NOT NULL CHECK (length(version_id) <= 100),
  source               TEXT NOT NULL CHECK (source IN ('manifest', 'owner', 'proposal')),
  spec                 TEXT NOT NULL CHECK (length(spec) <= 20000),
  timezone             TEXT NOT NULL CHECK (length(timezone) <= 100),
  status               TEXT NOT NULL CHECK (status IN ('active', 'paused', 'proposed', 'declined')),
  paused_reason        TEXT CHECK (paused_reason IN ('owner', 'failures', 'skill-unavailable', 'limit')),
  next_run_at          TEXT,
  last_run_at          TEXT,
  last_result          TEXT CHECK (last_result IN ('succeeded', 'failed', 'skipped')),
  last_execution_id    INTEGER,
  last_message         TEXT CHECK (length(last_message) <= 4000),
  last_late            INTEGER NOT NULL DEFAULT 0 CHECK (last_late IN (0, 1)),
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  created_at           TEXT NOT NULL,
  created_by           TEXT NOT NULL CHECK (created_by IN ('owner', 'assistant', 'system')),
  CHECK ((status = 'paused') = (paused_reason IS NOT NULL))
);
CREATE INDEX schedules_due ON schedules(next_run_at) WHERE status = 'active';
CREATE INDEX schedules_skill ON schedules(skill_slug);
`,
} as const;
