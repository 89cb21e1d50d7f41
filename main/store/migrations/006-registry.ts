// Schema v6: what the registry keeps beside the skills. Review requests are how the assistant (or
// the command line) asks the owner to look at a skill or to roll it back: they only ever wait for
// the owner, who decides in the app with the factors that needs. Plus the indexes that keep the
// periodic expiry and archive sweeps to an index lookup.
export const registry = {
  version: 6,
  name: 'registry',
  sql: `
CREATE TABLE review_requests (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  kind         TEXT NOT NULL CHECK (kind IN ('review', 'rollback')),
  skill_id     TEXT NOT NULL REFERENCES exo_generated_skills(id),
  version_id   TEXT REFERENCES exo_skill_versions(id),
  requested_by TEXT NOT NULL CHECK (requested_by IN ('owner', 'assistant', 'scheduler')),
  note         TEXT CHECK (note IS NULL OR length(note) <= 500),
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  resolution   TEXT,
  created_at   TEXT NOT NULL,
  closed_at    TEXT,
  closed_by    TEXT,
  CHECK ((status = 'open') = (closed_at IS NULL)),
  CHECK (kind <> 'rollback' OR version_id IS NOT NULL)
);
-- Asking again for what is already waiting adds nothing.
CREATE UNIQUE INDEX review_requests_open ON review_requests(kind, skill_id, ifnull(version_id, '')) WHERE status = 'open';
CREATE INDEX review_requests_created ON review_requests(status, id);

CREATE INDEX exo_skill_versions_expiry ON exo_skill_versions(status, expires_at);
-- The skill's last use, or its last deployment, rollback or restore when that came later.
CREATE INDEX exo_generated_skills_idle ON exo_generated_skills(status, max(ifnull(last_used_at, ''), updated_at));
`,
} as const;
