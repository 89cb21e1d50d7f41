// Schema v8: what approved skills told the owner with foundry.notify. A row is either one
// notification as the skill wrote it ('skill'), or the one notice that stands for those a skill
// sent over its hourly limit ('held-back', with how many it stands for). Titles and bodies are
// bounded here as well as in the sandbox, so a row written around the engine cannot be larger.
export const notifications = {
  version: 8,
  name: 'notifications',
  sql: `
CREATE TABLE skill_notifications (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT NOT NULL CHECK (kind IN ('skill', 'held-back')),
  skill_id    TEXT NOT NULL REFERENCES exo_generated_skills(id),
  version_id  TEXT NOT NULL REFERENCES exo_skill_versions(id),
  title       TEXT NOT NULL CHECK (length(title) <= 200),
  body        TEXT NOT NULL CHECK (length(body) <= 2000),
  held_back   INTEGER NOT NULL DEFAULT 0 CHECK (held_back >= 0),
  created_at  TEXT NOT NULL,
  read_at     TEXT,
  CHECK ((kind = 'held-back') = (held_back > 0))
);
CREATE INDEX skill_notifications_recent ON skill_notifications(skill_id, kind, created_at);
CREATE INDEX skill_notifications_unread ON skill_notifications(id) WHERE read_at IS NULL;
`,
} as const;
