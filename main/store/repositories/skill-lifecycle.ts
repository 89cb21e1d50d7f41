// A generated skill's life after review: its status as decisions land, its use, archiving and
// restoring. Versions and their decisions stay in versions.ts.
import type { Db } from '../open-database.ts';
import type { SkillStatus } from '../../../shared/contract/records.ts';

export interface SkillState {
  id: string;
  slug: string;
  name: string;
  status: SkillStatus;
  activeVersionId: string | null;
  usageCount: number;
  lastUsedAt: string | null;
  archivedAt: string | null;
}

interface SkillRow {
  id: string;
  slug: string;
  name: string;
  status: SkillStatus;
  active_version_id: string | null;
  usage_count: number;
  last_used_at: string | null;
  archived_at: string | null;
}

const toState = (row: SkillRow): SkillState => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  status: row.status,
  activeVersionId: row.active_version_id,
  usageCount: row.usage_count,
  lastUsedAt: row.last_used_at,
  archivedAt: row.archived_at,
});

const COLUMNS = 'id, slug, name, status, active_version_id, usage_count, last_used_at, archived_at';

export function createSkillLifecycleRepository(db: Db, now: () => Date) {
  const stamp = () => now().toISOString();
  const byIdOrSlug = db.prepare<[string, string], SkillRow>(`SELECT ${COLUMNS} FROM exo_generated_skills WHERE id = ? OR slug = ?`);
  const hasPending = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM exo_skill_versions WHERE skill_id = ? AND status = 'pending'");
  const setStatus = db.prepare('UPDATE exo_generated_skills SET status = ?, archived_at = ?, updated_at = ? WHERE id = ?');
  const use = db.prepare('UPDATE exo_generated_skills SET usage_count = usage_count + 1, last_used_at = ? WHERE id = ?');
  // Idle since the later of its last use and its last deployment, rollback or restore (updated_at);
  // the expression is the one indexed by exo_generated_skills_idle (migration 006), keep them equal.
  const idle = db.prepare<[string], SkillRow>(
    `SELECT ${COLUMNS} FROM exo_generated_skills WHERE status = 'active' AND max(ifnull(last_used_at, ''), updated_at) <= ? ORDER BY slug`,
  );
  const duePending = db.prepare<[string], { id: string }>(
    "SELECT id FROM exo_skill_versions WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at",
  );

  /** What the skill's status is once it is not archived: what runs, else what waits, else nothing. */
  const settledStatus = (skill: SkillState): SkillStatus =>
    skill.activeVersionId ? 'active' : hasPending.get(skill.id)!.n > 0 ? 'pending' : 'rejected';

  function find(idOrSlug: string): SkillState | null {
    const row = byIdOrSlug.get(idOrSlug, idOrSlug);
    return row ? toState(row) : null;
  }

  return {
    find,
    /** After a version was rejected or expired: the skill's status follows what is left. Archived stays archived. */
    settle(skillId: string): void {
      const skill = find(skillId);
      if (!skill || skill.status === 'archived') return;
      const status = settledStatus(skill);
      if (status !== skill.status) setStatus.run(status, null, stamp(), skill.id);
    },
    recordUse(skillId: string): void {
      use.run(stamp(), skillId);
    },
    archive(skillId: string): void {
      setStatus.run('archived', stamp(), stamp(), skillId);
    },
    /** Back to what it was before archiving; its 30 idle days start again now. */
    restore(skillId: string): SkillStatus {
      const skill = find(skillId)!;
      const status = settledStatus(skill);
      setStatus.run(status, null, stamp(), skill.id);
      return status;
    },
    /** Active skills neither used nor (re)deployed since `cutoff`. */
    idleSince: (cutoff: Date): SkillState[] => idle.all(cutoff.toISOString()).map(toState),
    /** Ids of pending versions whose 24 hours are up at `at`. */
    pendingDueAt: (at: Date): string[] => duePending.all(at.toISOString()).map((row) => row.id),
  };
}
export type SkillLifecycleRepository = ReturnType<typeof createSkillLifecycleRepository>;
