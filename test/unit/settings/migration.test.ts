import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openFoundryStore } from '../../../main/store/index.ts';
import { APPLICATION_ID } from '../../../main/store/open-database.ts';
import { migrate } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

describe('migration 009 (skill settings)', () => {
  it('upgrades a v8 database: its skills keep their data and can now hold settings, secrets and allowances', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const v8 = new Database(file);
    v8.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(v8, { file, now: () => new Date(), migrations: MIGRATIONS.filter((m) => m.version <= 8) });
    const at = '2026-01-01T00:00:00.000Z';
    v8.prepare("INSERT INTO exo_generated_skills (id, slug, name, status, created_at, updated_at) VALUES ('s1', 'custom-weather', 'Weather', 'pending', ?, ?)").run(at, at);
    expect(v8.pragma('user_version', { simple: true })).toBe(8);
    v8.close();

    const store = openFoundryStore(dir);
    expect(store.migration.applied.map((m) => m.name)).toContain('skill-settings');
    expect(store.skills.list()).toEqual([expect.objectContaining({ slug: 'custom-weather' })]);
    expect(store.skillSettings.skillIdOf('custom-weather')).toBe('s1');
    store.skillSettings.setValue('s1', 'city', 'Kraków');
    store.skillSettings.putSecret('s1', 'KEY', { kind: 'test', data: Buffer.from([1, 2, 3]) });
    expect(store.skillSettings.values('s1')).toEqual({ city: 'Kraków' });
    expect(store.skillSettings.secret('s1', 'KEY')).toEqual({ kind: 'test', data: Buffer.from([1, 2, 3]) });
    // The schema's own bounds hold for rows written around the engine.
    expect(() => store.db.prepare("INSERT INTO skill_local_allowances VALUES ('s1', '10.0.0.1', 70000, ?, ?)").run(at, 'a'.repeat(64))).toThrow(/CHECK/);
    expect(() => store.skillSettings.setValue('nobody', 'city', 'x')).toThrow(/FOREIGN KEY/);
    store.close();
  });
});
