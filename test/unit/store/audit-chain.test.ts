import { describe, expect, it } from 'vitest';
import { openFoundryStore } from '../../../main/store/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

/** A store with five chained entries; `tamper` runs with the append-only triggers lifted, as an attacker with the file could. */
function chainedStore() {
  const store = openFoundryStore(tempDir());
  for (let i = 1; i <= 5; i++) store.auditLog.append({ actor: 'system', event: 'skill.executed', skillSlug: 'custom-water-tracker', data: { i } });
  const tamper = (sql: string) => {
    store.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    store.db.exec(sql);
  };
  return { store, tamper };
}

describe('audit log hash chain', () => {
  it('verifies an untouched chain', () => {
    const { store } = chainedStore();
    expect(store.auditLog.verify()).toEqual({ ok: true, checked: 5 });
  });

  it('detects an edited row', () => {
    const { store, tamper } = chainedStore();
    tamper(`UPDATE audit_log SET data = '{"i":99}' WHERE seq = 3`);
    expect(store.auditLog.verify()).toEqual({ ok: false, checked: 2, broken: { seq: 3, problem: 'edited' } });
  });

  it('detects an edited actor even when the row keeps its hash', () => {
    const { store, tamper } = chainedStore();
    tamper(`UPDATE audit_log SET actor = 'owner' WHERE seq = 2`);
    expect(store.auditLog.verify().broken).toEqual({ seq: 2, problem: 'edited' });
  });

  it('detects a deleted row in the middle', () => {
    const { store, tamper } = chainedStore();
    tamper('DELETE FROM audit_log WHERE seq = 4');
    expect(store.auditLog.verify().broken).toEqual({ seq: 4, problem: 'deleted' });
  });

  it('detects a deleted and renumbered row whose successor no longer links', () => {
    const { store, tamper } = chainedStore();
    tamper('DELETE FROM audit_log WHERE seq = 2; UPDATE audit_log SET seq = seq - 1 WHERE seq > 2;');
    expect(store.auditLog.verify().broken).toEqual({ seq: 2, problem: 'relinked' });
  });

  it('detects a cut-off tail', () => {
    const { store, tamper } = chainedStore();
    tamper('DELETE FROM audit_log WHERE seq = 5');
    expect(store.auditLog.verify()).toEqual({ ok: false, checked: 4, broken: { seq: 5, problem: 'truncated' } });
  });
});
