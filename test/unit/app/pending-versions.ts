import type Database from 'better-sqlite3';

/** Test data: `count` skills, each with one version waiting for review. */
export function addPendingVersions(db: Database.Database, count: number): void {
  const at = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    db.prepare('INSERT INTO exo_generated_skills (id, slug, name, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(`s${i}`, `custom-water-${i}`, `Water ${i}`, 'pending', at, at);
    db.prepare(`INSERT INTO exo_skill_versions (id, skill_id, version, status, code, manifest, config_schema, skill_md, content_sha256, generator, created_at)
                VALUES (?, ?, '1.0.0', 'pending', '', '{}', '{}', '', ?, 'offline', ?)`)
      .run(`v${i}`, `s${i}`, '0'.repeat(64), at);
  }
}
