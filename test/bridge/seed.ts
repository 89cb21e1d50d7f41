// Seeding helpers for browser tests: real rows in a real temporary store. Skills and versions are
// written with SQL against the schema (main/store/migrations/001-initial.ts); executions and audit
// entries go through their repositories, so the audit log's hash chain stays intact.
import { createHash, randomUUID } from 'node:crypto';
import type { FoundryStore } from '../../main/store/index.ts';
import type { ExecutionRecord, SkillStatus, VersionStatus } from '../../shared/contract/index.ts';
import type { AuditReport } from '../../shared/skills/audit.ts';
import { emptyCapabilities } from '../../shared/skills/manifest.ts';

const HOUR = 3_600_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface SeedSkill {
  slug: `custom-${string}`;
  name: string;
  description: string;
  status: SkillStatus;
  usageCount?: number;
  lastUsedAt?: string | null;
  createdAt: string;
}

export function insertSkill(store: FoundryStore, skill: SeedSkill): string {
  const id = randomUUID();
  store.db
    .prepare(
      `INSERT INTO exo_generated_skills (id, slug, name, description, status, usage_count, last_used_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, skill.slug, skill.name, skill.description, skill.status, skill.usageCount ?? 0, skill.lastUsedAt ?? null, skill.createdAt, skill.createdAt);
  return id;
}

export interface SeedVersion {
  skillId: string;
  slug: string;
  name: string;
  version: string;
  status: VersionStatus;
  code: string;
  audit: AuditReport | null;
  createdAt: string;
  expiresAt: string | null;
}

export function insertVersion(store: FoundryStore, version: SeedVersion): { id: string; contentSha256: string } {
  const id = randomUUID();
  const contentSha256 = sha256(version.code);
  const manifest = { slug: version.slug, name: version.name, description: '', version: version.version, capabilities: emptyCapabilities(), config_schema: {} };
  store.db
    .prepare(
      `INSERT INTO exo_skill_versions (id, skill_id, version, status, code, manifest, config_schema, skill_md, content_sha256, audit_report, generator, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, 'offline', ?, ?)`,
    )
    .run(
      id, version.skillId, version.version, version.status, version.code, JSON.stringify(manifest), `# ${version.name}\n`,
      contentSha256, version.audit ? JSON.stringify(version.audit) : null, version.createdAt, version.expiresAt,
    );
  return { id, contentSha256 };
}

export function activateVersion(store: FoundryStore, skillId: string, versionId: string): void {
  store.db.prepare(`UPDATE exo_generated_skills SET active_version_id = ?, status = 'active' WHERE id = ?`).run(versionId, skillId);
}

export type SeedExecution = Omit<ExecutionRecord, 'id' | 'triggeredBy'> & { triggeredBy?: string | null };

/** Many executions in one transaction (100,000 take well under a second). */
export function insertExecutions(store: FoundryStore, executions: Iterable<SeedExecution>): void {
  store.db.transaction(() => {
    for (const execution of executions) store.executions.record({ ...execution, versionId: null });
  })();
}

const WATER_CODE_V1 = `export const mod = { async execute(ctx) { return ctx.supabase.from('water').select('*'); } };\n`;
const WATER_CODE_V2 = `export const mod = { async execute(ctx) { return ctx.supabase.from('water').select('*').limit(100); } };\n`;

/** What the water-tracker scenario put in the store, for the assertions. */
export interface WaterTrackerSeed {
  skillName: string;
  slug: string;
  activeVersion: string;
  pendingVersion: string;
  pendingSha256: string;
  executionActions: string[];
  auditEvents: string[];
}

/**
 * The DESIGN.md example: "I want to track how much water I drink" became an active skill (v1.0.0)
 * that ran twice, and the assistant proposed v1.1.0, which the auditor passed with a warning and
 * which waits for review with about 20 hours left.
 */
export function seedWaterTracker(store: FoundryStore, now = new Date()): WaterTrackerSeed {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  const seed: WaterTrackerSeed = {
    skillName: 'Water tracker',
    slug: 'custom-water-tracker',
    activeVersion: '1.0.0',
    pendingVersion: '1.1.0',
    pendingSha256: sha256(WATER_CODE_V2),
    executionActions: ['log-intake', 'daily-summary'],
    auditEvents: ['skill.proposed', 'version.approved'],
  };
  const skillId = insertSkill(store, {
    slug: 'custom-water-tracker',
    name: seed.skillName,
    description: 'Counts the glasses of water you drink each day.',
    status: 'active',
    usageCount: 2,
    lastUsedAt: at(1),
    createdAt: at(72),
  });
  const common = { skillId, slug: seed.slug, name: seed.skillName };
  const v1 = insertVersion(store, {
    ...common, version: seed.activeVersion, status: 'approved', code: WATER_CODE_V1, createdAt: at(72), expiresAt: null,
    audit: { sourceSha256: sha256(WATER_CODE_V1), verdict: 'pass', findings: [], capabilities: { ...emptyCapabilities(), reads: ['water'], blockedCalls: [] } },
  });
  activateVersion(store, skillId, v1.id);
  insertVersion(store, {
    ...common, version: seed.pendingVersion, status: 'pending', code: WATER_CODE_V2, createdAt: at(4), expiresAt: at(4 - 24),
    audit: {
      sourceSha256: sha256(WATER_CODE_V2),
      verdict: 'warn',
      findings: [{
        rule: 'unbounded-read',
        severity: 'warn',
        message: { en: 'Reads without a limit.', pl: 'Czyta bez limitu.' },
        line: 1,
        column: 60,
        excerpt: "from('water')",
      }],
      capabilities: { ...emptyCapabilities(), reads: ['water'], blockedCalls: [] },
    },
  });
  insertExecutions(store, [
    execution(seed.slug, seed.activeVersion, 'log-intake', 'succeeded', at(2)),
    execution(seed.slug, seed.activeVersion, 'daily-summary', 'failed', at(1)),
  ]);
  store.auditLog.append({ actor: 'assistant', event: 'skill.proposed', skillSlug: seed.slug, versionId: v1.id, contentSha256: v1.contentSha256 });
  store.auditLog.append({ actor: 'owner', event: 'version.approved', skillSlug: seed.slug, versionId: v1.id, contentSha256: v1.contentSha256 });
  return seed;
}

export function execution(skillSlug: string, version: string, action: string, status: ExecutionRecord['status'], startedAt: string): SeedExecution {
  return {
    skillSlug,
    version,
    action,
    trigger: 'manual',
    actor: 'owner',
    inputSha256: sha256(`${action}:${startedAt}:in`),
    outputSha256: status === 'succeeded' ? sha256(`${action}:${startedAt}:out`) : null,
    status,
    error: status === 'failed' ? 'Timed out after 5000 ms' : null,
    durationMs: status === 'succeeded' ? 12.4 : 5000,
    peakHeapBytes: 2_097_152,
    startedAt,
    http: [],
  };
}
