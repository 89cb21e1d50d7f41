// Schema v15: what the assistant reported (issue 13 §2) — messages, tool uses, session starts and
// ends — exactly as sent, with when it arrived. Triggers fire on them and the pattern and gap
// detectors read the messages. Sizes are bounded here as well as at the API, so a row written
// around the engine cannot be larger; the repository keeps the newest 10,000 for at most 90 days.
export const assistantEvents = {
  version: 15,
  name: 'assistant-events',
  sql: `
CREATE TABLE assistant_events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  kind         TEXT NOT NULL CHECK (kind IN ('message', 'tool-use', 'session-start', 'session-end')),
  role         TEXT CHECK (role IN ('user', 'assistant', 'system', 'tool')),
  text         TEXT CHECK (length(text) <= 4000),
  tool         TEXT CHECK (length(tool) <= 100),
  at           TEXT NOT NULL CHECK (length(at) <= 40),
  received_at  TEXT NOT NULL,
  CHECK ((kind = 'message') = (role IS NOT NULL AND text IS NOT NULL)),
  CHECK ((kind = 'tool-use') = (tool IS NOT NULL))
);
CREATE INDEX assistant_events_received ON assistant_events(received_at);
`,
} as const;
