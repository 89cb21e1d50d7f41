// Migration 012: executions say which skill called them; those recorded before stay as they were.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openFoundryStore, DATABASE_FILE } from '../../../main/store/index.ts';
import { APPLICATION_ID } from '../../../main/store/open-database.ts';
import { migrate } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

describe('executions and the skill that called them', () => {
  it('keeps executions recorded before the upgrade, with no caller, and records a caller from then on', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const old = new Database(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(old, { file, now: () => new Date(), migrations: MIGRATIONS.filter((m) => m.version < 12) });
    old.prepare(
      `INSERT INTO executions (skill_slug, version, action, trigger, actor, input_sha256, output_sha256, status, error, duration_ms, started_at)
       VALUES ('custom-water-tracker', '1.0.0', 'log_water', 'manual', 'owner', ?, NULL, 'succeeded', NULL, 3, '2026-11-01T08:00:00.000Z')`,
    ).run('a'.repeat(64));
    old.close();

    const store = openFoundryStore(dir);
    expect(store.migration.applied.map((m) => m.name)).toContain('execution-callers');
    store.executions.record({
      skillSlug: 'custom-water-tracker', versionId: null, version: '1.0.0', action: 'log_water', trigger: 'manual', triggeredBy: 'custom-hydration-coach@v1.2.0',
      actor: 'owner', inputSha256: 'b'.repeat(64), outputSha256: null, status: 'succeeded', error: null, durationMs: 2, peakHeapBytes: null,
      startedAt: '2026-12-01T08:00:00.000Z', http: [],
    });
    expect(store.executions.page({ offset: 0, limit: 10 }).items.map((e) => [e.startedAt, e.triggeredBy])).toEqual([
      ['2026-12-01T08:00:00.000Z', 'custom-hydration-coach@v1.2.0'],
      ['2026-11-01T08:00:00.000Z', null],
    ]);
    store.close();
  });
});
