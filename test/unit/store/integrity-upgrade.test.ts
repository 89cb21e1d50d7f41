import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openFoundryStore } from '../../../main/store/index.ts';
import { APPLICATION_ID } from '../../../main/store/open-database.ts';
import { migrate } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations/index.ts';
import { entryHash, GENESIS_HASH } from '../../../main/store/repositories/audit-log.ts';
import { versionContentHash } from '../../../main/skills/registry/content-hash.ts';
import { offlineGenerator } from '../../../main/skills/generator/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { newIntegrityKey } from '../approval/security-fixtures.ts';
import { waterNeed } from '../registry/flow-fixtures.ts';

const tempDir = useTempDir();
const AT = '2026-01-05T09:00:00.000Z';

/**
 * A store as schema v6 (the release before keyed approvals) left it: the water tracker approved and
 * running, with three chained audit entries; `swapCode` also edits the approved code afterwards
 * (hash recomputed), as an attacker could have done before the upgrade.
 */
async function previousSchemaStore({ swapCode = false } = {}): Promise<string> {
  const dataDir = tempDir();
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db, { file: path.join(dataDir, DATABASE_FILE), now: () => new Date(AT), migrations: MIGRATIONS.slice(0, 6) });
  const candidate = await offlineGenerator.generate(waterNeed());
  const manifest = { ...candidate.manifest, version: '1.0.0' };
  const contentSha256 = versionContentHash({ ...candidate, manifest });
  db.prepare(`INSERT INTO exo_generated_skills (id, slug, name, description, status, created_at, updated_at) VALUES ('s1', ?, ?, '', 'pending', ?, ?)`)
    .run(manifest.slug, manifest.name, AT, AT);
  db.prepare(
    `INSERT INTO exo_skill_versions (id, skill_id, version, status, code, manifest, config_schema, skill_md, content_sha256, generator, created_at, decided_at, decided_by)
     VALUES ('v1', 's1', '1.0.0', 'approved', ?, ?, ?, ?, ?, 'offline', ?, ?, 'owner')`,
  ).run(candidate.code, JSON.stringify(manifest), JSON.stringify(candidate.configSchema), candidate.skillMd, contentSha256, AT, AT);
  db.prepare(`INSERT INTO approvals (version_id, content_sha256, outcome, factors, actor, created_at) VALUES ('v1', ?, 'approved', '[]', 'owner', ?)`).run(contentSha256, AT);
  db.prepare(`UPDATE exo_generated_skills SET status = 'active', active_version_id = 'v1' WHERE id = 's1'`).run();
  let previous = GENESIS_HASH;
  for (const [seq, event] of [[1, 'skill.generated'], [2, 'skill.approved'], [3, 'skill.deployed']] as const) {
    const fields = { seq, at: AT, actor: 'owner' as const, event, skill_slug: manifest.slug, version_id: 'v1', content_sha256: contentSha256, data: '{}', prev_hash: previous };
    previous = entryHash(fields);
    db.prepare('INSERT INTO audit_log (seq, at, actor, event, skill_slug, version_id, content_sha256, data, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(...Object.values(fields), previous);
  }
  if (swapCode) {
    const code = candidate.code.replace('2000', '9999');
    db.prepare(`UPDATE exo_skill_versions SET code = ?, content_sha256 = ? WHERE id = 'v1'`).run(code, versionContentHash({ ...candidate, code, manifest }));
  }
  db.close();
  return dataDir;
}

describe('upgrade to keyed approvals and log (schema v7)', () => {
  it('seals the existing approval and log entries at the first start with the key, and audits it once', async () => {
    const dataDir = await previousSchemaStore();
    const key = newIntegrityKey();
    const store = openFoundryStore(dataDir, { integrityKey: key });
    expect(store.migration).toMatchObject({ from: 6 });
    expect(store.migration.applied[0]).toMatchObject({ version: 7, name: 'integrity' });
    expect(store.integrity.sealedAtOpen).toEqual({ auditEntries: 3, approvals: 1 });
    expect(store.auditLog.page({ offset: 0, limit: 1 }).items[0]).toMatchObject({ event: 'integrity.sealed', data: { auditEntries: 3, approvals: 1 } });
    expect(store.skills.list()).toEqual([expect.objectContaining({ activeVersion: '1.0.0', approvalSeal: 'verified' })]);
    expect(store.auditLog.verify()).toMatchObject({ ok: true, keyed: true, checked: 4 });
    store.close();

    const again = openFoundryStore(dataDir, { integrityKey: key });
    expect(again.integrity.sealedAtOpen).toBeNull();
    expect(again.auditLog.verify()).toMatchObject({ ok: true, checked: 4 });
    again.close();
  });

  it('an upgrade opened without the key seals nothing yet; the approval cannot be proven until it is', async () => {
    const dataDir = await previousSchemaStore();
    const keyless = openFoundryStore(dataDir);
    expect(keyless.skills.list()[0]).toMatchObject({ approvalSeal: 'unverifiable' });
    keyless.auditLog.append({ actor: 'assistant', event: 'review.requested' });
    keyless.close();
    const store = openFoundryStore(dataDir, { integrityKey: newIntegrityKey() });
    expect(store.integrity.sealedAtOpen).toEqual({ auditEntries: 4, approvals: 1 });
    expect(store.skills.list()[0]).toMatchObject({ approvalSeal: 'verified' });
    store.close();
  });

  it('does not seal an approval whose code no longer matches what was approved', async () => {
    const dataDir = await previousSchemaStore({ swapCode: true });
    const store = openFoundryStore(dataDir, { integrityKey: newIntegrityKey() });
    expect(store.integrity.sealedAtOpen).toEqual({ auditEntries: 3, approvals: 0 });
    expect(store.skills.list()[0]).toMatchObject({ approvalSeal: 'tampered' });
    expect(store.auditLog.verify().problems).toEqual([expect.objectContaining({ problem: 'unsealed-approval', versionId: 'v1' })]);
    store.close();
  });
});
