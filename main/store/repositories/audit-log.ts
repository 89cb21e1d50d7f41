import { createHash } from 'node:crypto';
import type { Db } from '../open-database.ts';
import type { Actor, AuditEntry, ChainVerification, Page } from '../../../shared/contract/records.ts';
import type { PageRequest } from '../../../shared/contract/methods.ts';
import { pageFilter } from './paging.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface NewAuditEntry {
  actor: Actor;
  event: string;
  skillSlug?: string | null;
  versionId?: string | null;
  contentSha256?: string | null;
  data?: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: Actor;
  event: string;
  skill_slug: string | null;
  version_id: string | null;
  content_sha256: string | null;
  data: string;
  prev_hash: string;
  entry_hash: string;
}

/** The hash that chains an entry to its predecessor; any edit to a stored field changes it. */
export function entryHash(row: Omit<AuditRow, 'entry_hash'>): string {
  const canonical = JSON.stringify([
    row.seq, row.at, row.actor, row.event, row.skill_slug, row.version_id, row.content_sha256, row.data, row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    event: row.event,
    skillSlug: row.skill_slug,
    versionId: row.version_id,
    contentSha256: row.content_sha256,
    data: JSON.parse(row.data) as Record<string, unknown>,
    prevHash: row.prev_hash,
    entryHash: row.entry_hash,
  };
}

/** Append-only (the schema's triggers refuse UPDATE and DELETE), each entry chained by hash. */
export function createAuditLogRepository(db: Db, now: () => Date) {
  const last = db.prepare<[], { seq: number; entry_hash: string }>('SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, actor, event, skill_slug, version_id, content_sha256, data, prev_hash, entry_hash)
     VALUES (@seq, @at, @actor, @event, @skill_slug, @version_id, @content_sha256, @data, @prev_hash, @entry_hash)`,
  );
  const append = db.transaction((entry: NewAuditEntry): AuditEntry => {
    const previous = last.get();
    const row: Omit<AuditRow, 'entry_hash'> = {
      seq: (previous?.seq ?? 0) + 1,
      at: now().toISOString(),
      actor: entry.actor,
      event: entry.event,
      skill_slug: entry.skillSlug ?? null,
      version_id: entry.versionId ?? null,
      content_sha256: entry.contentSha256 ?? null,
      data: JSON.stringify(entry.data ?? {}),
      prev_hash: previous?.entry_hash ?? GENESIS_HASH,
    };
    const full: AuditRow = { ...row, entry_hash: entryHash(row) };
    insert.run(full);
    return toEntry(full);
  });
  const inOrder = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  const highestIssued = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
  return {
    append: (entry: NewAuditEntry) => append(entry),
    /** Walks the whole chain: an edited, deleted or re-linked row, or a cut-off tail, breaks it. */
    verify(): ChainVerification {
      let previous = { seq: 0, hash: GENESIS_HASH };
      let checked = 0;
      for (const row of inOrder.iterate()) {
        const { entry_hash: stored, ...fields } = row;
        if (row.seq !== previous.seq + 1) return { ok: false, checked, broken: { seq: previous.seq + 1, problem: 'deleted' } };
        if (row.prev_hash !== previous.hash) return { ok: false, checked, broken: { seq: row.seq, problem: 'relinked' } };
        if (entryHash(fields) !== stored) return { ok: false, checked, broken: { seq: row.seq, problem: 'edited' } };
        previous = { seq: row.seq, hash: stored };
        checked++;
      }
      const issued = highestIssued.get()?.seq ?? 0;
      if (issued > previous.seq) return { ok: false, checked, broken: { seq: previous.seq + 1, problem: 'truncated' } };
      return { ok: true, checked };
    },
    /** Newest first. */
    page(request: PageRequest): Page<AuditEntry> {
      const { where, params } = pageFilter(request, { skillSlug: 'skill_slug', event: 'event' });
      const total = db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM audit_log ${where}`).get(...params)!.n;
      const rows = db
        .prepare<unknown[], AuditRow>(`SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`)
        .all(...params, request.limit, request.offset);
      return { items: rows.map(toEntry), total, offset: request.offset };
    },
  };
}
export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;
