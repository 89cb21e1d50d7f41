// Schema v3: skills the detector proposes (from a pattern, a gap or a request) and what the owner
// decided. A dismissed (source, subject) pair stays here so it is never proposed again.
export const suggestions = {
  version: 3,
  name: 'suggestions',
  sql: `
CREATE TABLE skill_suggestions (
  id          TEXT PRIMARY KEY,
  source      TEXT NOT NULL CHECK (source IN ('pattern', 'gap', 'request')),
  subject_key TEXT NOT NULL,
  need        TEXT NOT NULL CHECK (json_valid(need)),
  evidence    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(evidence)),
  title       TEXT NOT NULL CHECK (json_valid(title)),
  status      TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'dismissed')),
  created_at  TEXT NOT NULL,
  decided_at  TEXT,
  CHECK ((status = 'proposed') = (decided_at IS NULL))
);
CREATE INDEX skill_suggestions_subject ON skill_suggestions(source, subject_key, status);
CREATE INDEX skill_suggestions_created ON skill_suggestions(created_at);
`,
} as const;
