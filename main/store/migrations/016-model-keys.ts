// Schema v16: the key of the owner's own model (an OpenAI-compatible endpoint) is sealed beside the
// Anthropic key. SQLite cannot change a CHECK in place, so the table is rebuilt with its rows.
export const modelKeys = {
  version: 16,
  name: 'model-keys',
  sql: `
CREATE TABLE sealed_secrets_v16 (
  name       TEXT PRIMARY KEY CHECK (name IN ('anthropic-api-key', 'openai-api-key')),
  box_kind   TEXT NOT NULL,
  sealed     BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO sealed_secrets_v16 (name, box_kind, sealed, updated_at) SELECT name, box_kind, sealed, updated_at FROM sealed_secrets;
DROP TABLE sealed_secrets;
ALTER TABLE sealed_secrets_v16 RENAME TO sealed_secrets;
`,
} as const;
