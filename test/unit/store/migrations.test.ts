import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openFoundryStore, StoreError, LATEST_SCHEMA_VERSION, DATABASE_FILE } from '../../../main/store/index.ts';
import { APPLICATION_ID } from '../../../main/store/open-database.ts';
import { migrate } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

function schemaSnapshot(db: Database.Database): string[] {
  return db
    .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
    .all()
    .map((row) => row.sql);
}

function fileState(file: string) {
  return { bytes: fs.readFileSync(file), mtimeMs: fs.statSync(file).mtimeMs, siblings: fs.readdirSync(path.dirname(file)).sort() };
}

function expectStoreError(dataDir: string, code: StoreError['code']): StoreError {
  let caught: unknown;
  try {
    openFoundryStore(dataDir);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StoreError);
  const error = caught as StoreError;
  expect(error.code).toBe(code);
  expect(error.userMessage.en.length).toBeGreaterThan(20);
  expect(error.userMessage.pl.length).toBeGreaterThan(20);
  return error;
}

describe('store migrations', () => {
  it('creates the whole schema from empty, in WAL mode, marked as ours', () => {
    const store = openFoundryStore(tempDir());
    expect(store.migration.from).toBe(0);
    expect(store.migration.applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = store.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining([
      'exo_generated_skills', 'exo_skill_versions', 'approvals', 'executions', 'audit_log', 'settings', 'skill_rows',
    ]));
    expect(store.migration.backupFile).toBeNull();
    store.close();
  });

  it('re-running on an up-to-date database is a no-op', () => {
    const dir = tempDir();
    const first = openFoundryStore(dir);
    const before = schemaSnapshot(first.db);
    first.settings.update({ language: 'pl' });
    first.close();

    const second = openFoundryStore(dir);
    expect(second.migration.applied).toEqual([]);
    expect(second.migration.backupFile).toBeNull();
    expect(schemaSnapshot(second.db)).toEqual(before);
    expect(second.settings.get().language).toBe('pl');
    second.close();
  });

  it('upgrades a database of the previous schema version, keeping its data and a backup', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const previous = MIGRATIONS.slice(0, -1);
    const old = new Database(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(old, { file, now: () => new Date(), migrations: previous });
    const at = '2026-01-01T00:00:00.000Z';
    old.prepare("INSERT INTO exo_generated_skills (id, slug, name, status, created_at, updated_at) VALUES ('s1', 'custom-water-tracker', 'Water Tracker', 'pending', ?, ?)").run(at, at);
    old.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('language', '\"en\"', ?)").run(at);
    old.close();

    const store = openFoundryStore(dir);
    expect(store.migration.from).toBe(previous.length);
    expect(store.migration.applied.map((m) => m.version)).toEqual([LATEST_SCHEMA_VERSION]);
    expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(store.skills.list().map((s) => s.slug)).toEqual(['custom-water-tracker']);
    expect(store.settings.get().language).toBe('en');
    expect(store.migration.backupFile).not.toBeNull();
    const backup = new Database(store.migration.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(previous.length);
    backup.close();
    store.close();
  });

  it('refuses a file that is not a database at all, leaving it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, 'this is not sqlite, just some notes\n'.repeat(200));
    const before = fileState(file);
    const error = expectStoreError(dir, 'corrupt');
    expect(error.file).toBe(file);
    expect(fileState(file)).toEqual(before);
  });

  it('refuses a damaged database (valid header, broken pages), leaving it untouched', () => {
    const dir = tempDir();
    const store = openFoundryStore(dir);
    store.auditLog.append({ actor: 'system', event: 'test' });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const file = path.join(dir, DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, 4096, bytes.length); // every page after the first: garbage
    fs.writeFileSync(file, bytes);
    const before = fileState(file);
    expectStoreError(dir, 'corrupt');
    expect(fileState(file)).toEqual(before);
  });

  it('refuses a database written by a newer version, leaving it untouched', () => {
    const dir = tempDir();
    openFoundryStore(dir).close();
    const file = path.join(dir, DATABASE_FILE);
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = fileState(file);
    const error = expectStoreError(dir, 'newer-version');
    expect(error.userMessage.en).toContain(`schema ${LATEST_SCHEMA_VERSION + 1}`);
    expect(fileState(file)).toEqual(before);
  });

  it('refuses an SQLite database that is not Skill Foundry’s, leaving it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const other = new Database(file);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    const before = fileState(file);
    expectStoreError(dir, 'not-foundry');
    expect(fileState(file)).toEqual(before);
  });

  it('keeps the audit log append-only', () => {
    const store = openFoundryStore(tempDir());
    const entry = store.auditLog.append({ actor: 'owner', event: 'settings.updated' });
    expect(() => store.db.prepare("UPDATE audit_log SET event = 'x' WHERE seq = ?").run(entry.seq)).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(entry.seq)).toThrow(/append-only/);
    const next = store.auditLog.append({ actor: 'system', event: 'second' });
    expect(next.prevHash).toBe(entry.entryHash);
    store.close();
  });
});
