import type { Db } from '../open-database.ts';
import type { SealedSecret } from './approval-security.ts';
import type { JsonValue, LocalAllowance } from '../../../shared/contract/skill-settings-records.ts';

/** An allowance with its HMAC, which the engine checks before the skill may use it. */
export interface StoredAllowance extends Omit<LocalAllowance, 'inEffect'> {
  mac: string;
}

export interface StoredSecret {
  name: string;
  sealed: SealedSecret;
  updatedAt: string;
}

/**
 * A skill's settings by skill id: plain values (JSON), sealed secrets (this repository never sees a
 * secret in clear) and local-address allowances. Each write is one statement; callers group them
 * with the audit entry in a transaction.
 */
export function createSkillSettingsRepository(db: Db, now: () => Date) {
  const valuesOf = db.prepare<[string], { key: string; value: string }>('SELECT key, value FROM skill_setting_values WHERE skill_id = ? ORDER BY key');
  const writeValue = db.prepare(
    `INSERT INTO skill_setting_values (skill_id, key, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(skill_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const removeValue = db.prepare('DELETE FROM skill_setting_values WHERE skill_id = ? AND key = ?');
  const secretsOf = db.prepare<[string], { name: string; box_kind: string; sealed: Buffer; updated_at: string }>(
    'SELECT name, box_kind, sealed, updated_at FROM skill_secrets WHERE skill_id = ? ORDER BY name',
  );
  const secretOf = db.prepare<[string, string], { box_kind: string; sealed: Buffer }>('SELECT box_kind, sealed FROM skill_secrets WHERE skill_id = ? AND name = ?');
  const writeSecret = db.prepare(
    `INSERT INTO skill_secrets (skill_id, name, box_kind, sealed, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(skill_id, name) DO UPDATE SET box_kind = excluded.box_kind, sealed = excluded.sealed, updated_at = excluded.updated_at`,
  );
  const removeSecret = db.prepare('DELETE FROM skill_secrets WHERE skill_id = ? AND name = ?');
  const skillIdOf = db.prepare<[string], { id: string }>('SELECT id FROM exo_generated_skills WHERE slug = ?');
  const allowancesOf = db.prepare<[string], { address: string; port: number; added_at: string; mac: string }>(
    'SELECT address, port, added_at, mac FROM skill_local_allowances WHERE skill_id = ? ORDER BY added_at, address, port',
  );
  const addAllowance = db.prepare('INSERT OR IGNORE INTO skill_local_allowances (skill_id, address, port, added_at, mac) VALUES (?, ?, ?, ?, ?)');
  const removeAllowance = db.prepare('DELETE FROM skill_local_allowances WHERE skill_id = ? AND address = ? AND port = ?');

  return {
    /** The id settings are kept under; null for a slug that is no generated skill (a built-in mod). */
    skillIdOf: (slug: string): string | null => skillIdOf.get(slug)?.id ?? null,
    /** Every stored value of the skill, whatever version's schema it was set under. */
    values(skillId: string): Record<string, JsonValue> {
      return Object.fromEntries(valuesOf.all(skillId).map((row) => [row.key, JSON.parse(row.value) as JsonValue]));
    },
    setValue(skillId: string, key: string, value: JsonValue): void {
      writeValue.run(skillId, key, JSON.stringify(value), now().toISOString());
    },
    removeValue(skillId: string, key: string): boolean {
      return removeValue.run(skillId, key).changes === 1;
    },
    /** Names and times only are needed for display; the sealed blobs come along for `forRun`. */
    secrets(skillId: string): StoredSecret[] {
      return secretsOf.all(skillId).map((row) => ({ name: row.name, sealed: { kind: row.box_kind, data: row.sealed }, updatedAt: row.updated_at }));
    },
    secret(skillId: string, name: string): SealedSecret | null {
      const row = secretOf.get(skillId, name);
      return row ? { kind: row.box_kind, data: row.sealed } : null;
    },
    putSecret(skillId: string, name: string, sealed: SealedSecret): void {
      writeSecret.run(skillId, name, sealed.kind, sealed.data, now().toISOString());
    },
    removeSecret(skillId: string, name: string): boolean {
      return removeSecret.run(skillId, name).changes === 1;
    },
    allowances(skillId: string): StoredAllowance[] {
      return allowancesOf.all(skillId).map((row) => ({ address: row.address, port: row.port, addedAt: row.added_at, mac: row.mac }));
    },
    /** False when the skill already had it. */
    addAllowance(skillId: string, allowance: StoredAllowance): boolean {
      return addAllowance.run(skillId, allowance.address, allowance.port, allowance.addedAt, allowance.mac).changes === 1;
    },
    removeAllowance(skillId: string, address: string, port: number): boolean {
      return removeAllowance.run(skillId, address, port).changes === 1;
    },
  };
}
export type SkillSettingsRepository = ReturnType<typeof createSkillSettingsRepository>;
