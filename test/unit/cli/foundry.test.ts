import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foundry } from '../../helpers/run-foundry.ts';
import Database from 'better-sqlite3';
import { DATABASE_FILE, LATEST_SCHEMA_VERSION, openFoundryStore } from '../../../main/store/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();


describe('foundry command line', () => {
  it('lists its commands with --help', async () => {
    const result = await foundry(['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/status\s+Show the data directory/);
  });

  it('status --json reports the data directory, schema version and counts', async () => {
    const dataDir = tempDir();
    const result = await foundry(['status', '--json'], { FOUNDRY_DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    const status = JSON.parse(result.out);
    expect(status).toMatchObject({
      dataDir,
      databaseFile: path.join(dataDir, DATABASE_FILE),
      schemaVersion: LATEST_SCHEMA_VERSION,
      counts: { skills: 0, pendingReviews: 0, executions: 0, auditEntries: 0 },
    });
  });

  it('status fails with a clear message on a corrupt database and leaves it alone', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE);
    fs.writeFileSync(file, 'garbage');
    const result = await foundry(['status'], { FOUNDRY_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/damaged/);
    expect(fs.readFileSync(file, 'utf8')).toBe('garbage');
  });

  it('audit-log verify passes on an intact log with the key, names an edit, and will not say intact without the key', async () => {
    const dataDir = tempDir();
    const env = { FOUNDRY_DATA_DIR: dataDir, FOUNDRY_PASSPHRASE: 'correct horse battery staple' };
    const store = openFoundryStore(dataDir);
    for (let i = 0; i < 3; i++) store.auditLog.append({ actor: 'system', event: 'test', data: { i } });
    store.close();
    // The first start with the key seals the three entries as found, and says so in a fourth.
    const intact = await foundry(['audit-log', 'verify', '--json'], env);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.out)).toEqual({ ok: true, checked: 4, keyed: true, problems: [], unsealedTail: 0 });

    const raw = new Database(path.join(dataDir, DATABASE_FILE));
    raw.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET event = 'nothing-to-see' WHERE seq = 2`);
    raw.close();
    const broken = await foundry(['audit-log', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/TAMPERED[\s\S]*edited: .* — entry 2$/m);

    const keyless = await foundry(['audit-log', 'verify'], { FOUNDRY_DATA_DIR: dataDir });
    expect(keyless.code).toBe(1);
    expect(keyless.err).toContain('edited');
  });

  it('refuses unknown commands and options with exit 2', async () => {
    expect((await foundry(['frobnicate'])).code).toBe(2);
    const bad = await foundry(['status', '--bogus'], { FOUNDRY_DATA_DIR: tempDir() });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('usage: foundry status');
  });
});
