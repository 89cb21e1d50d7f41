import type { Db } from '../open-database.ts';
import type { SealedSecret } from './approval-security.ts';

export type SecretName = 'anthropic-api-key' | 'openai-api-key';

/** Named secrets, kept only as sealed blobs; this repository never sees plain text. */
export function createSealedSecretsRepository(db: Db, now: () => Date) {
  const read = db.prepare<[SecretName], { box_kind: string; sealed: Buffer }>('SELECT box_kind, sealed FROM sealed_secrets WHERE name = ?');
  const write = db.prepare(
    `INSERT INTO sealed_secrets (name, box_kind, sealed, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET box_kind = excluded.box_kind, sealed = excluded.sealed, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM sealed_secrets WHERE name = ?');
  return {
    get(name: SecretName): SealedSecret | null {
      const row = read.get(name);
      return row ? { kind: row.box_kind, data: row.sealed } : null;
    },
    put(name: SecretName, sealed: SealedSecret): void {
      write.run(name, sealed.kind, sealed.data, now().toISOString());
    },
    remove(name: SecretName): boolean {
      return remove.run(name).changes === 1;
    },
  };
}
export type SealedSecretsRepository = ReturnType<typeof createSealedSecretsRepository>;
