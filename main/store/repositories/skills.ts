import type { Db } from '../open-database.ts';
import type { ReviewItem, SkillSummary, StoreCounts } from '../../../shared/contract/records.ts';
import type { AuditReport } from '../../../shared/skills/audit.ts';

interface SkillRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  status: SkillSummary['status'];
  active_version_id: string | null;
  active_version: string | null;
  usage_count: number;
  last_used_at: string | null;
  created_at: string;
}

interface ReviewRow {
  version_id: string;
  skill_id: string;
  slug: string;
  name: string;
  version: string;
  status: ReviewItem['status'];
  content_sha256: string;
  created_at: string;
  expires_at: string | null;
  audit_report: string | null;
}

export function createSkillsRepository(db: Db) {
  const list = db.prepare<[], SkillRow>(
    `SELECT s.id, s.slug, s.name, s.description, s.status, s.active_version_id, v.version AS active_version, s.usage_count, s.last_used_at, s.created_at
       FROM exo_generated_skills s LEFT JOIN exo_skill_versions v ON v.id = s.active_version_id
      ORDER BY s.name COLLATE NOCASE`,
  );
  const pending = db.prepare<[], ReviewRow>(
    `SELECT v.id AS version_id, s.id AS skill_id, s.slug, s.name, v.version, v.status, v.content_sha256, v.created_at, v.expires_at, v.audit_report
       FROM exo_skill_versions v JOIN exo_generated_skills s ON s.id = v.skill_id
      WHERE v.status = 'pending' ORDER BY v.created_at`,
  );
  const counts = db.prepare<[], StoreCounts>(
    `SELECT (SELECT count(*) FROM exo_generated_skills) AS skills,
            (SELECT count(*) FROM exo_skill_versions WHERE status = 'pending') AS pendingReviews,
            (SELECT count(*) FROM executions) AS executions,
            (SELECT count(*) FROM audit_log) AS auditEntries`,
  );
  return {
    /** With the running version's id, so the store can say whether its approval is proven. */
    list(): (SkillSummary & { activeVersionId: string | null })[] {
      return list.all().map((row) => ({
        id: row.id,
        slug: row.slug,
        name: row.name,
        description: row.description,
        status: row.status,
        activeVersion: row.active_version,
        activeVersionId: row.active_version_id,
        usageCount: row.usage_count,
        lastUsedAt: row.last_used_at,
        createdAt: row.created_at,
      }));
    },
    pendingReviews(): ReviewItem[] {
      return pending.all().map((row) => ({
        versionId: row.version_id,
        skillId: row.skill_id,
        slug: row.slug,
        name: row.name,
        version: row.version,
        status: row.status,
        contentSha256: row.content_sha256,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        audit: row.audit_report ? (JSON.parse(row.audit_report) as AuditReport) : null,
      }));
    },
    counts: (): StoreCounts => counts.get()!,
  };
}
export type SkillsRepository = ReturnType<typeof createSkillsRepository>;
