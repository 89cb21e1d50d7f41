// Schema v13: what shell actions (issue 12 §4) need kept. `shell_pins`: per approved version and
// shell action, the executable its command[0] resolved to at approval (symlinks followed) and that
// file's SHA-256 — before each run the file is hashed again and a different one does not run.
// `shell_folders`: per skill, the folder the owner chose for its commands (their working directory
// lies inside it). `shell_switch`: the owner's confirmation, in the window with both factors, that
// config.yaml's `skills.execution.shell: true` is theirs. Every row carries an HMAC under the
// integrity key, so a row written around the engine (the assistant can write foundry.db) counts for
// nothing. Sizes are bounded here as well as in the engine.
export const shellActions = {
  version: 13,
  name: 'shell-actions',
  sql: `
CREATE TABLE shell_pins (
  version_id   TEXT NOT NULL REFERENCES exo_skill_versions(id),
  action       TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
  executable   TEXT NOT NULL CHECK (length(executable) BETWEEN 2 AND 4096),
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  pinned_at    TEXT NOT NULL,
  mac          TEXT NOT NULL CHECK (length(mac) = 64),
  PRIMARY KEY (version_id, action)
);
CREATE TABLE shell_folders (
  skill_id     TEXT PRIMARY KEY REFERENCES exo_generated_skills(id),
  folder       TEXT NOT NULL CHECK (length(folder) BETWEEN 2 AND 4096),
  set_at       TEXT NOT NULL,
  mac          TEXT NOT NULL CHECK (length(mac) = 64)
);
CREATE TABLE shell_switch (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  confirmed_at TEXT NOT NULL,
  mac          TEXT NOT NULL CHECK (length(mac) = 64)
);
`,
} as const;
