import type Database from 'better-sqlite3';
import { MIGRATIONS, LATEST_SCHEMA_VERSION, type Migration } from './migrations/index.ts';

export interface MigrationReport {
  from: number;
  to: number;
  applied: { version: number; name: string }[];
  /** Copy of the database taken before upgrading an existing one, if any. */
  backupFile: string | null;
}

/**
 * Brings the schema to LATEST_SCHEMA_VERSION, one transaction per migration. An existing database
 * is copied aside first, so an upgrade can always be undone by hand.
 */
export function migrate(
  db: Database.Database,
  options: { file: string; now: () => Date; migrations?: readonly Migration[] },
): MigrationReport {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.migrations ? (migrations[migrations.length - 1]?.version ?? 0) : LATEST_SCHEMA_VERSION;
  const from = Number(db.pragma('user_version', { simple: true }));
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  let backupFile: string | null = null;
  if (pending.length > 0 && from > 0) {
    const stamp = options.now().toISOString().replace(/[:.]/g, '-');
    backupFile = `${options.file}.v${from}-${stamp}.bak`;
    db.prepare('VACUUM INTO ?').run(backupFile);
  }
  const applied: MigrationReport['applied'] = [];
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push({ version: migration.version, name: migration.name });
  }
  return { from, to: Math.max(from, target), applied, backupFile };
}
