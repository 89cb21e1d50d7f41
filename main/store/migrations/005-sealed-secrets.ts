// Schema v5: other secrets the owner gives the app (the Anthropic API key), stored only sealed by a
// SecretBox, with the box's kind beside them.
export const sealedSecrets = {
  version: 5,
  name: 'sealed-secrets',
  sql: `
CREATE TABLE sealed_secrets (
  name       TEXT PRIMARY KEY CHECK (name IN ('anthropic-api-key')),
  box_kind   TEXT NOT NULL,
  sealed     BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
`,
} as const;
