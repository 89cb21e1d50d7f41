import { createHash } from 'node:crypto';
import type { Db } from '../open-database.ts';
import type { Actor, AuditEntry, ChainBreak, IntegrityProblem, Page } from '../../../shared/contract/records.ts';
import type { PageRequest } from '../../../shared/contract/methods.ts';
import type { IntegrityKey } from '../integrity/integrity-key.ts';
import type { Checkpoint, CheckpointState } from '../integrity/checkpoint.ts';
import { pageFilter } from './paging.ts';

export const GENESIS_HASH = '0'.repeat(64);
const LINK = 'audit-entry/v1';

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
  mac: string | null;
}

type Fields = Omit<AuditRow, 'entry_hash' | 'mac'>;

/** The hash that chains an entry to its predecessor; any edit to a stored field changes it. */
export function entryHash(row: Fields): string {
  const canonical = JSON.stringify([
    row.seq, row.at, row.actor, row.event, row.skill_slug, row.version_id, row.content_sha256, row.data, row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const fieldsOf = ({ entry_hash: _hash, mac: _mac, ...fields }: AuditRow): Fields => fields;

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

export interface AuditChainReport {
  checked: number;
  problems: IntegrityProblem[];
  /** Entries after the checkpoint written without the key; sealed by the next write with it. */
  unsealedTail: number;
}

/**
 * Append-only (the schema's triggers refuse UPDATE and DELETE, except filling in a missing mac),
 * each entry chained to the one before by SHA-256 — which any edit breaks — and, with the
 * integrity key, keyed: its mac is HMAC(key, seq, entry hash). As the entry hash covers the hash
 * before it, each mac vouches for the whole log up to its entry, so rewriting and re-chaining
 * needs the key; the checkpoint vouches for where the log ends, so cutting it needs the key too.
 * Without a key (the CLI without FOUNDRY_PASSPHRASE) entries are chained but not keyed; the next
 * write with the key seals them, as far as they still link to the checkpoint.
 */
export function createAuditLogRepository(db: Db, now: () => Date, key: IntegrityKey | null, checkpoint: Checkpoint) {
  const last = db.prepare<[], { seq: number; entry_hash: string }>('SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, actor, event, skill_slug, version_id, content_sha256, data, prev_hash, entry_hash, mac)
     VALUES (@seq, @at, @actor, @event, @skill_slug, @version_id, @content_sha256, @data, @prev_hash, @entry_hash, @mac)`,
  );
  const after = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq');
  const setMac = db.prepare('UPDATE audit_log SET mac = ? WHERE seq = ? AND mac IS NULL');
  const inOrder = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  const highestIssued = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");

  const link = (seq: number, hash: string) => key!.sign(LINK, [seq, hash]);

  /**
   * Seals the entries written since the checkpoint without the key, in order, while each still
   * links to the one before; returns how far the log is now sealed. One that does not link (or
   * whose hash no longer matches) stops it: that one stays unsealed and `verify` reports it.
   */
  function sealSince(state: CheckpointState): { seq: number; hash: string } {
    let reached = { seq: state.auditSeq, hash: state.auditHead || GENESIS_HASH };
    for (const row of after.all(state.auditSeq)) {
      if (row.seq !== reached.seq + 1 || row.prev_hash !== reached.hash || entryHash(fieldsOf(row)) !== row.entry_hash) break;
      if (row.mac === null) setMac.run(link(row.seq, row.entry_hash), row.seq);
      else if (!key!.matches(LINK, [row.seq, row.entry_hash], row.mac)) break;
      reached = { seq: row.seq, hash: row.entry_hash };
    }
    return reached;
  }

  const append = db.transaction((entry: NewAuditEntry): AuditEntry => {
    const previous = last.get();
    const fields: Fields = {
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
    const hash = entryHash(fields);
    const state = key ? checkpoint.read() : null;
    // The checkpoint moves only along an unbroken chain: never backwards over a cut, never past a forged entry.
    const reached = state && checkpoint.isAuthentic(state) ? sealSince(state) : null;
    insert.run({ ...fields, entry_hash: hash, mac: key ? link(fields.seq, hash) : null });
    if (reached && reached.seq === fields.seq - 1 && reached.hash === fields.prev_hash) checkpoint.advance({ auditSeq: fields.seq, auditHead: hash });
    return toEntry({ ...fields, entry_hash: hash, mac: null });
  });

  return {
    append: (entry: NewAuditEntry) => append(entry),

    /**
     * Seals everything as found: the first start with the key after the upgrade to schema v7 (or
     * on a store written so far only without the key). Returns how many entries it sealed.
     */
    sealAsFound(): number {
      if (!key) throw new Error('The audit log is sealed only with the integrity key.');
      let sealed = 0;
      let head = { seq: 0, hash: '' };
      for (const row of inOrder.all()) {
        if (row.mac === null) {
          setMac.run(link(row.seq, row.entry_hash), row.seq);
          sealed++;
        }
        head = { seq: row.seq, hash: row.entry_hash };
      }
      checkpoint.advance({ auditSeq: head.seq, auditHead: head.hash });
      return sealed;
    },

    /**
     * Walks the whole log and names every kind of damage: an edited entry (its hash no longer
     * matches), a deleted or re-linked one, a re-chained one (hashes recomputed, but its mac is not
     * the key's), one whose mac was removed, and a cut-off end (against the checkpoint, and the
     * highest number ever issued). Without the key only the unkeyed checks can run.
     */
    verify(): AuditChainReport {
      const problems: IntegrityProblem[] = [];
      const found = (problem: ChainBreak, seq: number) => problems.push({ problem, seq });
      const state = checkpoint.read();
      const keyed = key !== null && checkpoint.isAuthentic(state);
      if (key && !keyed) problems.push({ problem: 'forged-checkpoint' });
      let previous = { seq: 0, hash: GENESIS_HASH };
      let checked = 0;
      let unsealedTail = 0;
      for (const row of inOrder.iterate()) {
        checked++;
        if (row.seq !== previous.seq + 1) found('deleted', previous.seq + 1);
        else if (row.prev_hash !== previous.hash) found('relinked', row.seq);
        if (entryHash(fieldsOf(row)) !== row.entry_hash) found('edited', row.seq);
        else if (keyed) {
          const withinCheckpoint = row.seq <= state.auditSeq;
          if (row.mac === null) {
            if (withinCheckpoint) found('unsealed', row.seq);
            else unsealedTail++;
          } else if (!key.matches(LINK, [row.seq, row.entry_hash], row.mac) || (row.seq === state.auditSeq && row.entry_hash !== state.auditHead)) {
            found('rechained', row.seq);
          }
        }
        previous = { seq: row.seq, hash: row.entry_hash };
      }
      const issued = highestIssued.get()?.seq ?? 0;
      if ((keyed && state.auditSeq > previous.seq) || issued > previous.seq) found('truncated', previous.seq + 1);
      return { checked, problems, unsealedTail };
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
