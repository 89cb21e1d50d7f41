import type { Db } from '../open-database.ts';
import type { ExecutionRecord, Page } from '../../../shared/contract/records.ts';
import type { PageRequest } from '../../../shared/contract/methods.ts';
import { pageFilter } from './paging.ts';

interface ExecutionRow {
  id: number;
  skill_slug: string;
  version: string | null;
  action: string;
  trigger: string;
  actor: ExecutionRecord['actor'];
  input_sha256: string;
  output_sha256: string | null;
  status: ExecutionRecord['status'];
  error: string | null;
  duration_ms: number;
  peak_heap_bytes: number | null;
  started_at: string;
}

export type NewExecution = Omit<ExecutionRecord, 'id'> & { versionId: string | null };

function toRecord(row: ExecutionRow): ExecutionRecord {
  return {
    id: row.id,
    skillSlug: row.skill_slug,
    version: row.version,
    action: row.action,
    trigger: row.trigger,
    actor: row.actor,
    inputSha256: row.input_sha256,
    outputSha256: row.output_sha256,
    status: row.status,
    error: row.error,
    durationMs: row.duration_ms,
    peakHeapBytes: row.peak_heap_bytes,
    startedAt: row.started_at,
  };
}

export function createExecutionsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO executions (skill_slug, version_id, version, action, trigger, actor, input_sha256, output_sha256, status, error, duration_ms, peak_heap_bytes, started_at)
     VALUES (@skillSlug, @versionId, @version, @action, @trigger, @actor, @inputSha256, @outputSha256, @status, @error, @durationMs, @peakHeapBytes, @startedAt)`,
  );
  return {
    record(execution: NewExecution): ExecutionRecord {
      const id = Number(insert.run(execution).lastInsertRowid);
      const { versionId: _versionId, ...record } = execution;
      return { ...record, id };
    },
    /** Newest first. */
    page(request: PageRequest): Page<ExecutionRecord> {
      const { where, params } = pageFilter(request, { skillSlug: 'skill_slug', status: 'status' });
      const total = db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM executions ${where}`).get(...params)!.n;
      const rows = db
        .prepare<unknown[], ExecutionRow>(`SELECT * FROM executions ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
        .all(...params, request.limit, request.offset);
      return { items: rows.map(toRecord), total, offset: request.offset };
    },
  };
}
export type ExecutionsRepository = ReturnType<typeof createExecutionsRepository>;
