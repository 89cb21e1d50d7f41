import type { Db } from '../open-database.ts';
import type { IntegrityKey } from './integrity-key.ts';

const LABEL = 'integrity-checkpoint/v1';

export interface CheckpointState {
  /** The newest audit entry sealed in order from the start, and its entry hash. */
  auditSeq: number;
  auditHead: string;
  /** The newest approval seal, and its MAC. */
  sealId: number;
  sealHead: string;
  /** Null until the first start with the key sealed what the upgrade found. */
  mac: string | null;
}

interface CheckpointRow {
  audit_seq: number;
  audit_head: string;
  seal_id: number;
  seal_head: string;
  mac: string | null;
}

const fields = (state: Omit<CheckpointState, 'mac'>) => [state.auditSeq, state.auditHead, state.sealId, state.sealHead];

/**
 * The one row that says how far the log and the seals reached when they were last written with
 * the key. Its MAC is what makes a log cut at the end, or a seal removed, visible: without it both
 * would look like a shorter, intact history.
 */
export function createCheckpoint(db: Db, now: () => Date, key: IntegrityKey | null) {
  const read = db.prepare<[], CheckpointRow>('SELECT audit_seq, audit_head, seal_id, seal_head, mac FROM integrity_checkpoint WHERE id = 1');
  const write = db.prepare(
    'UPDATE integrity_checkpoint SET audit_seq = @auditSeq, audit_head = @auditHead, seal_id = @sealId, seal_head = @sealHead, mac = @mac, updated_at = @at WHERE id = 1',
  );
  return {
    /** Null when the row is gone (it is created by the migration and never deleted). */
    read(): CheckpointState | null {
      const row = read.get();
      return row ? { auditSeq: row.audit_seq, auditHead: row.audit_head, sealId: row.seal_id, sealHead: row.seal_head, mac: row.mac } : null;
    },
    /** Whether `state` was written with the key (false without a key: nothing can be proven then). */
    isAuthentic(state: CheckpointState | null): state is CheckpointState & { mac: string } {
      return key !== null && state !== null && key.matches(LABEL, fields(state), state.mac);
    },
    /** Moves the checkpoint on; only ever called with the key, inside the write that advanced it. */
    advance(patch: Partial<Omit<CheckpointState, 'mac'>>): void {
      if (!key) throw new Error('The integrity checkpoint moves only with the key.');
      const current = this.read();
      if (!current) throw new Error('The integrity checkpoint row is missing.');
      const next = { auditSeq: current.auditSeq, auditHead: current.auditHead, sealId: current.sealId, sealHead: current.sealHead, ...patch };
      const changed = write.run({ ...next, mac: key.sign(LABEL, fields(next)), at: now().toISOString() }).changes;
      if (changed !== 1) throw new Error('The integrity checkpoint row is missing.');
    },
  };
}
export type Checkpoint = ReturnType<typeof createCheckpoint>;
