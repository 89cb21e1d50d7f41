import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openFoundryStore, type IntegrityKey } from '../../../main/store/index.ts';
import { entryHash } from '../../../main/store/repositories/audit-log.ts';
import type { ChainBreak } from '../../../shared/contract/records.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { newIntegrityKey } from '../approval/security-fixtures.ts';

const tempDir = useTempDir();

/**
 * A store with five entries, written with the key (or without: `key: null`). `tamper` writes the
 * file through its own connection with the append-only triggers dropped, as an attacker with a
 * shell would; `reopen` opens the store again as the next start of the app would.
 */
function chainedStore(key: IntegrityKey | null = newIntegrityKey()) {
  const dataDir = tempDir();
  const store = openFoundryStore(dataDir, { integrityKey: key });
  for (let i = 1; i <= 5; i++) store.auditLog.append({ actor: 'system', event: 'skill.executed', skillSlug: 'custom-water-tracker', data: { i } });
  const tamper = (sql: string) => {
    const attacker = new Database(store.file);
    attacker.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    attacker.exec(sql);
    attacker.close();
  };
  return { store, tamper, reopen: () => openFoundryStore(dataDir, { integrityKey: key }) };
}

const kinds = (store: ReturnType<typeof openFoundryStore>): ChainBreak[] => [...new Set(store.auditLog.verify().problems!.map((p) => p.problem))];

/** Rewrites entries from `from` on with recomputed hashes: what an attacker can do without the key. */
function rechainFrom(file: string, from: number): void {
  const db = new Database(file);
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
  let previous = rows.find((r) => r.seq === from - 1)?.entry_hash as string;
  for (const row of rows.filter((r) => (r.seq as number) >= from)) {
    const fields = { seq: row.seq, at: row.at, actor: row.actor, event: row.event, skill_slug: row.skill_slug, version_id: row.version_id, content_sha256: row.content_sha256, data: row.data, prev_hash: previous };
    const hash = entryHash(fields as Parameters<typeof entryHash>[0]);
    db.prepare('UPDATE audit_log SET prev_hash = ?, entry_hash = ? WHERE seq = ?').run(previous, hash, row.seq);
    previous = hash;
  }
  db.close();
}

describe('audit log: chained and keyed', () => {
  it('verifies an untouched log with the key', () => {
    const { store } = chainedStore();
    expect(store.auditLog.verify()).toEqual({ ok: true, checked: 5, keyed: true, problems: [], unsealedTail: 0 });
  });

  it('names an edited entry', () => {
    const { store, tamper } = chainedStore();
    tamper(`UPDATE audit_log SET data = '{"i":99}' WHERE seq = 3`);
    expect(store.auditLog.verify()).toMatchObject({ ok: false, broken: { seq: 3, problem: 'edited' }, problems: [{ problem: 'edited', seq: 3 }] });
  });

  it('names an entry deleted from the middle', () => {
    const { store, tamper } = chainedStore();
    tamper('DELETE FROM audit_log WHERE seq = 4');
    expect(store.auditLog.verify().broken).toEqual({ seq: 4, problem: 'deleted' });
  });

  it('names a deleted and renumbered entry whose successor no longer links', () => {
    const { store, tamper } = chainedStore();
    tamper('DELETE FROM audit_log WHERE seq = 2; UPDATE audit_log SET seq = seq - 1 WHERE seq > 2;');
    expect(store.auditLog.verify().broken).toEqual({ seq: 2, problem: 'relinked' });
  });

  it('names a log cut at the end even when the attacker also resets the sequence', () => {
    const { store, tamper } = chainedStore();
    tamper("DELETE FROM audit_log WHERE seq >= 4; UPDATE sqlite_sequence SET seq = 3 WHERE name = 'audit_log';");
    expect(kinds(store)).toEqual(['truncated']);
  });

  it('names a log rewritten and chained again with recomputed hashes', () => {
    const { store, tamper } = chainedStore();
    tamper(`UPDATE audit_log SET event = 'settings.updated' WHERE seq = 2`);
    rechainFrom(store.file, 2);
    // Without the key the rewrite would pass: every hash links.
    expect(kinds(store)).toEqual(['rechained']);
    expect(store.auditLog.verify().problems!.map((p) => p.seq)).toEqual([2, 3, 4, 5]);
  });

  it('names entries whose keyed seal was stripped', () => {
    const { store, tamper } = chainedStore();
    tamper('UPDATE audit_log SET mac = NULL WHERE seq = 2');
    expect(store.auditLog.verify().problems).toEqual([{ problem: 'unsealed', seq: 2 }]);
  });

  it('names a forged checkpoint', () => {
    const { store, tamper } = chainedStore();
    tamper('UPDATE integrity_checkpoint SET audit_seq = 3');
    expect(kinds(store)).toContain('forged-checkpoint');
  });

  it('without the key, a re-chained log passes the unkeyed checks, and says it was not keyed', () => {
    const { store, tamper } = chainedStore(null);
    tamper(`UPDATE audit_log SET event = 'settings.updated' WHERE seq = 2`);
    rechainFrom(store.file, 2);
    expect(store.auditLog.verify()).toMatchObject({ ok: true, keyed: false });
  });

  it('entries written without the key are sealed by the next start with it, and the log stays intact', () => {
    const key = newIntegrityKey();
    const { store, reopen } = chainedStore(key);
    store.close();
    const keyless = openFoundryStore(store.dataDir);
    keyless.auditLog.append({ actor: 'assistant', event: 'review.requested' });
    keyless.close();
    const again = reopen();
    expect(again.auditLog.verify()).toMatchObject({ ok: true, keyed: true, unsealedTail: 1 });
    again.auditLog.append({ actor: 'owner', event: 'settings.updated' });
    expect(again.auditLog.verify()).toEqual({ ok: true, checked: 7, keyed: true, problems: [], unsealedTail: 0 });
    again.close();
  });
});
