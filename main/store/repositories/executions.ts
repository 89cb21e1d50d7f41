import type { Db } from '../open-database.ts';
import type { ExecutionRecord, HttpRequestRecord, Page } from '../../../shared/contract/records.ts';
import type { PageRequest } from '../../../shared/contract/methods.ts';
import { pageFilter } from './paging.ts';

interface ExecutionRow {
  id: number;
  skill_slug: string;
  version: string | null;
  action: string;
  trigger: string;
  triggered_by: string | null;
  actor: ExecutionRecord['actor'];
  input_sha256: string;
  output_sha256: string | null;
  status: ExecutionRecord['status'];
  error: string | null;
  duration_ms: number;
  peak_heap_bytes: number | null;
  started_at: string;
}

interface HttpRow {
  execution_id: number;
  method: string;
  origin: string;
  path: string;
  status: number | null;
  error: string | null;
  address: string | null;
  redirects: number;
  request_bytes: number;
  response_bytes: number;
  duration_ms: number;
  request_sha256: string;
  response_sha256: string | null;
  source: HttpRequestRecord['source'];
}

export type NewExecution = Omit<ExecutionRecord, 'id' | 'triggeredBy'> & { versionId: string | null; triggeredBy?: string | null };

function toHttpRecord(row: HttpRow): HttpRequestRecord {
  return {
    method: row.method,
    origin: row.origin,
    path: row.path,
    status: row.status,
    error: row.error,
    address: row.address,
    redirects: row.redirects,
    requestBytes: row.request_bytes,
    responseBytes: row.response_bytes,
    durationMs: row.duration_ms,
    requestSha256: row.request_sha256,
    responseSha256: row.response_sha256,
    source: row.source,
  };
}

function toRecord(row: ExecutionRow, http: HttpRequestRecord[]): ExecutionRecord {
  return {
    id: row.id,
    skillSlug: row.skill_slug,
    version: row.version,
    action: row.action,
    trigger: row.trigger,
    triggeredBy: row.triggered_by,
    actor: row.actor,
    inputSha256: row.input_sha256,
    outputSha256: row.output_sha256,
    status: row.status,
    error: row.error,
    durationMs: row.duration_ms,
    peakHeapBytes: row.peak_heap_bytes,
    startedAt: row.started_at,
    http,
  };
}

export function createExecutionsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO executions (skill_slug, version_id, version, action, trigger, triggered_by, actor, input_sha256, output_sha256, status, error, duration_ms, peak_heap_bytes, started_at)
     VALUES (@skillSlug, @versionId, @version, @action, @trigger, @triggeredBy, @actor, @inputSha256, @outputSha256, @status, @error, @durationMs, @peakHeapBytes, @startedAt)`,
  );
  const insertHttp = db.prepare(
    `INSERT INTO execution_http_requests (execution_id, seq, method, origin, path, status, error, address, redirects, request_bytes, response_bytes,
       duration_ms, request_sha256, response_sha256, source)
     VALUES (@executionId, @seq, @method, @origin, @path, @status, @error, @address, @redirects, @requestBytes, @responseBytes,
       @durationMs, @requestSha256, @responseSha256, @source)`,
  );
  const recordWithHttp = db.transaction((execution: NewExecution): number => {
    const { http, ...row } = execution;
    const executionId = Number(insert.run({ ...row, triggeredBy: row.triggeredBy ?? null }).lastInsertRowid);
    http.forEach((request, seq) => insertHttp.run({ ...request, executionId, seq }));
    return executionId;
  });
  const latestId = db.prepare<[string, string], { id: number }>('SELECT id FROM executions WHERE skill_slug = ? AND trigger <> ? ORDER BY id DESC LIMIT 1');
  const mostUsed = db.prepare<[string, string], { action: string }>(
    `SELECT action FROM executions
     WHERE skill_slug = ? AND action NOT IN ('getData', 'getInsights', 'getActions') AND trigger NOT IN (SELECT value FROM json_each(?))
     GROUP BY action ORDER BY count(*) DESC, max(id) DESC LIMIT 1`,
  );
  /** The requests of the given executions, by execution id. */
  const httpOf = (ids: readonly number[]): Map<number, HttpRequestRecord[]> => {
    const byExecution = new Map<number, HttpRequestRecord[]>();
    if (ids.length === 0) return byExecution;
    const rows = db
      .prepare<number[], HttpRow>(`SELECT * FROM execution_http_requests WHERE execution_id IN (${ids.map(() => '?').join(',')}) ORDER BY execution_id, seq`)
      .all(...ids);
    for (const row of rows) {
      const list = byExecution.get(row.execution_id) ?? [];
      list.push(toHttpRecord(row));
      byExecution.set(row.execution_id, list);
    }
    return byExecution;
  };
  return {
    /** The execution and its HTTP requests, together (inside the caller's transaction, if any). */
    record(execution: NewExecution): ExecutionRecord {
      const id = recordWithHttp(execution);
      const { versionId: _versionId, ...record } = execution;
      return { ...record, triggeredBy: record.triggeredBy ?? null, id };
    },
    /** The newest execution of `slug` whose trigger is not `exceptTrigger`, or null: tells a reader whether anything ran since it last looked. */
    latestId(slug: string, exceptTrigger: string): number | null {
      return latestId.get(slug, exceptTrigger)?.id ?? null;
    },
    /** The action of `slug` run most often (newest wins a tie), leaving out `exceptTriggers` and the reading methods; null when none ran. */
    mostUsedAction(slug: string, exceptTriggers: readonly string[]): string | null {
      return mostUsed.get(slug, JSON.stringify(exceptTriggers))?.action ?? null;
    },
    /** Newest first. */
    page(request: PageRequest): Page<ExecutionRecord> {
      const { where, params } = pageFilter(request, { skillSlug: 'skill_slug', status: 'status' });
      const total = db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM executions ${where}`).get(...params)!.n;
      const rows = db
        .prepare<unknown[], ExecutionRow>(`SELECT * FROM executions ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
        .all(...params, request.limit, request.offset);
      const http = httpOf(rows.map((row) => row.id));
      return { items: rows.map((row) => toRecord(row, http.get(row.id) ?? [])), total, offset: request.offset };
    },
  };
}
export type ExecutionsRepository = ReturnType<typeof createExecutionsRepository>;
