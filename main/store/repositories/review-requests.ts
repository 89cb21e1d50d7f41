import type { Db } from '../open-database.ts';
import type { Actor } from '../../../shared/contract/records.ts';
import type { ReviewRequestKind, ReviewRequestStatus, ReviewRequestRecord } from '../../../shared/contract/review-records.ts';
export type { ReviewRequestKind, ReviewRequestStatus, ReviewRequestRecord };






export interface NewReviewRequest {
  kind: ReviewRequestKind;
  skillId: string;
  versionId: string | null;
  requestedBy: Exclude<Actor, 'system'>;
  note: string | null;
}

interface ReviewRequestRow {
  id: number;
  kind: ReviewRequestKind;
  skill_id: string;
  slug: string;
  name: string;
  version_id: string | null;
  version: string | null;
  requested_by: Exclude<Actor, 'system'>;
  note: string | null;
  status: ReviewRequestStatus;
  resolution: string | null;
  created_at: string;
  closed_at: string | null;
  closed_by: Actor | null;
}

const toRecord = (row: ReviewRequestRow): ReviewRequestRecord => ({
  id: row.id,
  kind: row.kind,
  skillId: row.skill_id,
  slug: row.slug,
  name: row.name,
  versionId: row.version_id,
  version: row.version,
  requestedBy: row.requested_by,
  note: row.note,
  status: row.status,
  resolution: row.resolution,
  createdAt: row.created_at,
  closedAt: row.closed_at,
  closedBy: row.closed_by,
});

const SELECT = `SELECT r.*, s.slug, s.name, v.version FROM review_requests r
  JOIN exo_generated_skills s ON s.id = r.skill_id LEFT JOIN exo_skill_versions v ON v.id = r.version_id`;

/** Requests for the owner's attention; they never change a skill by themselves. */
export function createReviewRequestsRepository(db: Db, now: () => Date) {
  const insert = db.prepare(
    `INSERT INTO review_requests (kind, skill_id, version_id, requested_by, note, created_at)
     VALUES (@kind, @skillId, @versionId, @requestedBy, @note, @at) ON CONFLICT DO NOTHING`,
  );
  const openMatching = db.prepare<[string, string, string], ReviewRequestRow>(
    `${SELECT} WHERE r.status = 'open' AND r.kind = ? AND r.skill_id = ? AND ifnull(r.version_id, '') = ?`,
  );
  const byId = db.prepare<[number], ReviewRequestRow>(`${SELECT} WHERE r.id = ?`);
  const all = db.prepare<[], ReviewRequestRow>(`${SELECT} ORDER BY r.id DESC`);
  const byStatus = db.prepare<[ReviewRequestStatus], ReviewRequestRow>(`${SELECT} WHERE r.status = ? ORDER BY r.id DESC`);
  const close = db.prepare(
    `UPDATE review_requests SET status = 'closed', resolution = @resolution, closed_at = @at, closed_by = @by WHERE id = @id AND status = 'open'`,
  );
  const closeForVersion = db.prepare(
    `UPDATE review_requests SET status = 'closed', resolution = @resolution, closed_at = @at, closed_by = @by
      WHERE status = 'open' AND version_id = @versionId AND kind = @kind`,
  );

  return {
    /** Files a request; `created` is false when the same one was already open (it is returned instead). */
    open: db.transaction((request: NewReviewRequest): { request: ReviewRequestRecord; created: boolean } => {
      const created = insert.run({ ...request, at: now().toISOString() }).changes === 1;
      return { request: toRecord(openMatching.get(request.kind, request.skillId, request.versionId ?? '')!), created };
    }),
    get: (id: number): ReviewRequestRecord | null => {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    /** Newest first. */
    list: (status?: ReviewRequestStatus): ReviewRequestRecord[] => (status ? byStatus.all(status) : all.all()).map(toRecord),
    close: (id: number, resolution: string, by: Actor): boolean =>
      close.run({ id, resolution, by, at: now().toISOString() }).changes === 1,
    /** Closes the open requests of `kind` about one version, once the owner has decided on it. */
    closeForVersion: (versionId: string, kind: ReviewRequestKind, resolution: string, by: Actor): number =>
      closeForVersion.run({ versionId, kind, resolution, by, at: now().toISOString() }).changes,
  };
}
export type ReviewRequestsRepository = ReturnType<typeof createReviewRequestsRepository>;
