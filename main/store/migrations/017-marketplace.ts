// Schema v17: the marketplace (issue 17). Publishers pinned by name on first install (the key a
// name signed with, and whether the owner marked it trusted); each install request with the bundle
// it came from (so a revocation can find it and an update can compare versions); each registry's
// last index with its ETag, for offline browsing and conditional requests.
export const marketplace = {
  version: 17,
  name: 'marketplace',
  sql: `
CREATE TABLE market_publishers (
  name         TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
  key_id       TEXT NOT NULL CHECK (length(key_id) = 16),
  public_key   TEXT NOT NULL CHECK (length(public_key) <= 100),
  fingerprint  TEXT NOT NULL CHECK (length(fingerprint) <= 100),
  trusted      INTEGER NOT NULL DEFAULT 0 CHECK (trusted IN (0, 1)),
  pinned_at    TEXT NOT NULL
);
CREATE TABLE market_installs (
  version_id     TEXT PRIMARY KEY REFERENCES exo_skill_versions(id),
  slug           TEXT NOT NULL,
  registry_url   TEXT NOT NULL CHECK (length(registry_url) <= 2048),
  bundle_version TEXT NOT NULL CHECK (length(bundle_version) <= 64),
  bundle_sha256  TEXT NOT NULL CHECK (length(bundle_sha256) = 64),
  publisher      TEXT NOT NULL,
  key_id         TEXT NOT NULL,
  requested_by   TEXT NOT NULL CHECK (requested_by IN ('owner', 'assistant', 'scheduler', 'system')),
  created_at     TEXT NOT NULL,
  revoked_at     TEXT
);
CREATE INDEX market_installs_slug ON market_installs(slug);
CREATE TABLE market_index_cache (
  url         TEXT PRIMARY KEY CHECK (length(url) <= 2048),
  etag        TEXT CHECK (length(etag) <= 200),
  body        TEXT NOT NULL,
  fetched_at  TEXT NOT NULL
);
`,
} as const;
