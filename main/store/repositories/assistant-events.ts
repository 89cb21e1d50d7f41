import type { Db } from '../open-database.ts';

export type AssistantEventKind = 'message' | 'tool-use' | 'session-start' | 'session-end';
export type MessageRole = 'user' | 'assistant' | 'system' | 'tool';

/** What the assistant sent, nothing more: the fields of its kind, and `at` as it wrote it. */
export type ReportedEvent =
  | { kind: 'message'; role: MessageRole; text: string; at: string }
  | { kind: 'tool-use'; tool: string; at: string }
  | { kind: 'session-start' | 'session-end'; at: string };

export type StoredEvent = ReportedEvent & { id: number; receivedAt: string };

interface EventRow {
  id: number;
  kind: AssistantEventKind;
  role: MessageRole | null;
  text: string | null;
  tool: string | null;
  at: string;
  received_at: string;
}

function toEvent(row: EventRow): StoredEvent {
  const base = { id: row.id, at: row.at, receivedAt: row.received_at };
  if (row.kind === 'message') return { ...base, kind: 'message', role: row.role!, text: row.text! };
  if (row.kind === 'tool-use') return { ...base, kind: 'tool-use', tool: row.tool! };
  return { ...base, kind: row.kind };
}

export interface EventRetention {
  maxEvents: number;
  maxAgeDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function createAssistantEventsRepository(db: Db, now: () => Date, retention: EventRetention) {
  const insert = db.prepare(
    'INSERT INTO assistant_events (kind, role, text, tool, at, received_at) VALUES (@kind, @role, @text, @tool, @at, @receivedAt)',
  );
  const pruneOld = db.prepare('DELETE FROM assistant_events WHERE received_at < ?');
  const pruneMany = db.prepare('DELETE FROM assistant_events WHERE id <= ?');
  const store = db.transaction((event: ReportedEvent): StoredEvent => {
    const received = now();
    const receivedAt = received.toISOString();
    const id = Number(insert.run({
      kind: event.kind,
      role: event.kind === 'message' ? event.role : null,
      text: event.kind === 'message' ? event.text : null,
      tool: event.kind === 'tool-use' ? event.tool : null,
      at: event.at,
      receivedAt,
    }).lastInsertRowid);
    pruneOld.run(new Date(received.getTime() - retention.maxAgeDays * DAY_MS).toISOString());
    pruneMany.run(id - retention.maxEvents);
    return { ...event, id, receivedAt };
  });
  return {
    /** Stores the event and drops what is past the retention bound, in one transaction. */
    store,
    /** The messages received since `since`, oldest first. */
    messagesSince(since: Date): Extract<StoredEvent, { kind: 'message' }>[] {
      return db
        .prepare<[string], EventRow>("SELECT * FROM assistant_events WHERE kind = 'message' AND received_at >= ? ORDER BY id")
        .all(since.toISOString())
        .map(toEvent) as Extract<StoredEvent, { kind: 'message' }>[];
    },
    /** Newest first. */
    recent(limit: number): StoredEvent[] {
      return db.prepare<[number], EventRow>('SELECT * FROM assistant_events ORDER BY id DESC LIMIT ?').all(limit).map(toEvent);
    },
    count: (): number => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM assistant_events').get()!.n,
  };
}
export type AssistantEventsRepository = ReturnType<typeof createAssistantEventsRepository>;
