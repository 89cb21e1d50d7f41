import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from './store-error.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';
import { migrate, type MigrationReport } from './migrate.ts';

export const DATABASE_FILE = 'foundry.db';
/** PRAGMA application_id marking a file as ours ("SKFD"). */
export const APPLICATION_ID = 0x534b4644;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type Db = Database.Database;

export interface OpenedStore {
  db: Db;
  file: string;
  migration: MigrationReport;
}

/**
 * Opens (or creates) the store in `dataDir`. Before anything is written it checks that an existing
 * file is an intact Skill Foundry database of a schema this build knows; otherwise it throws a
 * StoreError and leaves the file exactly as it was.
 */
export function openStore(dataDir: string, options: { now?: () => Date } = {}): OpenedStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed) assertSqliteHeader(file);

  const db = new Database(file, { fileMustExist: existed });
  try {
    if (existed) inspectExisting(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!existed) db.pragma(`application_id = ${APPLICATION_ID}`);
    const migration = migrate(db, { file, now: options.now ?? (() => new Date()) });
    return { db, file, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertSqliteHeader(file: string): void {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    fs.readSync(fd, header, 0, header.length, 0);
  } catch (cause) {
    throw new StoreError('unreadable', file, {
      en: 'The database file cannot be read. Check its permissions.',
      pl: 'Nie można odczytać pliku bazy danych. Sprawdź jego uprawnienia.',
    }, { cause });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) throw corrupt(file);
}

function inspectExisting(db: Db, file: string): void {
  let appId: number;
  let userVersion: number;
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    appId = Number(db.pragma('application_id', { simple: true }));
    userVersion = Number(db.pragma('user_version', { simple: true }));
  } catch (cause) {
    throw corrupt(file, cause);
  }
  if (appId !== APPLICATION_ID) {
    throw new StoreError('not-foundry', file, {
      en: 'This file is an SQLite database, but not a Skill Foundry one. It was left untouched.',
      pl: 'Ten plik to baza SQLite, ale nie Skill Foundry. Nie został zmieniony.',
    });
  }
  if (userVersion > LATEST_SCHEMA_VERSION) {
    throw new StoreError('newer-version', file, {
      en: `The database was written by a newer Skill Foundry (schema ${userVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update the app; the file was left untouched.`,
      pl: `Bazę zapisała nowsza wersja Skill Foundry (schemat ${userVersion}; ta wersja zna do ${LATEST_SCHEMA_VERSION}). Zaktualizuj aplikację; plik nie został zmieniony.`,
    });
  }
}

function corrupt(file: string, cause?: unknown): StoreError {
  return new StoreError('corrupt', file, {
    en: 'The database file is damaged and cannot be opened. It was left untouched; restore it from a backup or move it away to start fresh.',
    pl: 'Plik bazy danych jest uszkodzony i nie da się go otworzyć. Nie został zmieniony; przywróć go z kopii zapasowej albo przenieś, aby zacząć od nowa.',
  }, { cause });
}
