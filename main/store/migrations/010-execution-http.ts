// Schema v10: the HTTP requests each execution made (foundry.http), in order: where data went and
// how much, never what it carried (bodies only as hashes, query values removed before storing).
export const executionHttp = {
  version: 10,
  name: 'execution-http',
  sql: `
CREATE TABLE execution_http_requests (
  execution_id     INTEGER NOT NULL REFERENCES executions(id),
  seq              INTEGER NOT NULL CHECK (seq >= 0),
  method           TEXT NOT NULL CHECK (length(method) <= 16),
  origin           TEXT NOT NULL CHECK (length(origin) <= 300),
  path             TEXT NOT NULL CHECK (length(path) <= 2048),
  status           INTEGER,
  error            TEXT CHECK (length(error) <= 1000),
  address          TEXT,
  redirects        INTEGER NOT NULL DEFAULT 0,
  request_bytes    INTEGER NOT NULL,
  response_bytes   INTEGER NOT NULL,
  duration_ms      REAL NOT NULL,
  request_sha256   TEXT NOT NULL,
  response_sha256  TEXT,
  source           TEXT NOT NULL CHECK (source IN ('network', 'sample')),
  PRIMARY KEY (execution_id, seq)
) WITHOUT ROWID;
`,
} as const;
