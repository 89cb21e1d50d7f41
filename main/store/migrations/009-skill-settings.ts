// Schema v9: per-skill settings (issue 11 §3), kept per skill rather than per version so they
// survive a new version. Plain values are JSON, one row per key; a secret is only ever a sealed blob
// with its box's kind; an allowance is one non-public address and port the owner let the skill
// reach, with an HMAC under the integrity key (a row written around the engine does not count).
// Sizes are bounded here as well as in the engine, so a row written around it cannot be larger.
export const skillSettings = {
  version: 9,
  name: 'skill-settings',
  sql: `
CREATE TABLE skill_setting_values (
  skill_id    TEXT NOT NULL REFERENCES exo_generated_skills(id),
  key         TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
  value       TEXT NOT NULL CHECK (json_valid(value) AND length(value) <= 16384),
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (skill_id, key)
);
CREATE TABLE skill_secrets (
  skill_id    TEXT NOT NULL REFERENCES exo_generated_skills(id),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  box_kind    TEXT NOT NULL,
  sealed      BLOB NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (skill_id, name)
);
CREATE TABLE skill_local_allowances (
  skill_id    TEXT NOT NULL REFERENCES exo_generated_skills(id),
  address     TEXT NOT NULL CHECK (length(address) BETWEEN 2 AND 45),
  port        INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
  added_at    TEXT NOT NULL,
  mac         TEXT NOT NULL CHECK (length(mac) = 64),
  PRIMARY KEY (skill_id, address, port)
);
`,
} as const;
