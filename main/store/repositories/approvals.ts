import type { Db } from '../open-database.ts';
import type { Actor } from '../../../shared/contract/records.ts';
import type { ApprovalOutcome, FactorCheck, ApprovalRecord } from '../../../shared/contract/review-records.ts';
export type { ApprovalOutcome, FactorCheck, ApprovalRecord };







export type NewApproval = Omit<ApprovalRecord, 'id' | 'createdAt'>;

interface ApprovalRow {
  id: number;
  version_id: string;
  content_sha256: string;
  outcome: ApprovalOutcome;
  factors: string;
  actor: Actor;
  reason: string | null;
  created_at: string;
}

/** Every approval attempt and decision on a version, as the approvals table of schema v1 keeps them. */
export function createApprovalsRepository(db: Db, now: () => Date) {
  const insert = db.prepare(
    `INSERT INTO approvals (version_id, content_sha256, outcome, factors, actor, reason, created_at)
     VALUES (@versionId, @contentSha256, @outcome, @factors, @actor, @reason, @createdAt)`,
  );
  const forSkill = db.prepare<[string], ApprovalRow>(
    'SELECT a.* FROM approvals a JOIN exo_skill_versions v ON v.id = a.version_id WHERE v.skill_id = ? ORDER BY a.id',
  );
  return {
    record(approval: NewApproval): void {
      insert.run({ ...approval, factors: JSON.stringify(approval.factors), createdAt: now().toISOString() });
    },
    /** Every attempt and decision on any version of the skill, oldest first. */
    listForSkill: (skillId: string): ApprovalRecord[] =>
      forSkill.all(skillId).map((row) => ({
        id: row.id,
        versionId: row.version_id,
        contentSha256: row.content_sha256,
        outcome: row.outcome,
        factors: JSON.parse(row.factors) as FactorCheck[],
        actor: row.actor,
        reason: row.reason,
        createdAt: row.created_at,
      })),
  };
}
export type ApprovalsRepository = ReturnType<typeof createApprovalsRepository>;
