// The schedules table (migration 014). Firing is a claim: `claim` moves a due row's next run only
// if it is still the due time this engine read, so of two engines on one data directory exactly
// one gets the row (SQLite serialises the writes), and a restart finds the next run already moved.
import type { Db } from '../open-database.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import type {
  SchedulePauseReason, ScheduleRecord, ScheduleRunResult, ScheduleSource, ScheduleSpec, ScheduleStatus,
} from '../../../shared/skills/schedules.ts';

/** A stored schedule: the record the window and the CLI get, before its plain-words description. */
export type ScheduleRow = Omit<ScheduleRecord, 'description'>;

export interface NewSchedule {
  skillSlug: string;
  versionId: string;
  source: ScheduleSource;
  spec: ScheduleSpec;
  timezone: string;
  status: ScheduleStatus;
  pausedReason: SchedulePauseReason | null;
  nextRunAt: string | null;
  createdBy: ScheduleRow['createdBy'];
}

export interface RunResult {
  result: ScheduleRunResult;
  executionId: number | null;
  message: Localized | null;
  late: boolean;
}

interface Row {
  id: number;
  skill_slug: string;
  skill_name: string | null;
  version_id: string;
  version: string | null;
  source: ScheduleSource;
  spec: string;
  timezone: string;
  status: ScheduleStatus;
  paused_reason: SchedulePauseReason | null;
  next_run_at: string | null;
  last_run_at: string | null;
  last_result: ScheduleRunResult | null;
  last_execution_id: number | null;
  last_message: string | null;
  last_late: number;
  consecutive_failures: number;
  created_at: string;
  created_by: ScheduleRow['createdBy'];
}

const SELECT = `SELECT s.*, g.name AS skill_name, v.version FROM schedules s
  LEFT JOIN exo_generated_skills g ON g.slug = s.skill_slug LEFT JOIN exo_skill_versions v ON v.id = s.version_id`;

const toSchedule = (row: Row): ScheduleRow => ({
  id: row.id,
  skillSlug: row.skill_slug,
  skillName: row.skill_name,
  versionId: row.version_id,
  version: row.version,
  source: row.source,
  spec: JSON.parse(row.spec) as ScheduleSpec,
  timezone: row.timezone,
  status: row.status,
  pausedReason: row.paused_reason,
  nextRunAt: row.next_run_at,
  lastRunAt: row.last_run_at,
  lastResult: row.last_result,
  lastExecutionId: row.last_execution_id,
  lastMessage: row.last_message === null ? null : (JSON.parse(row.last_message) as Localized),
  lastLate: row.last_late === 1,
  consecutiveFailures: row.consecutive_failures,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

export function createSchedulesRepository(db: Db, now: () => Date) {
  const get = (id: number): ScheduleRow | null => {
    const row = db.prepare<[number], Row>(`${SELECT} WHERE s.id = ?`).get(id);
    return row ? toSchedule(row) : null;
  };
  return {
    get,
    /** Oldest first. */
    list: (): ScheduleRow[] => db.prepare<[], Row>(`${SELECT} ORDER BY s.id`).all().map(toSchedule),
    forSkill: (slug: string): ScheduleRow[] => db.prepare<[string], Row>(`${SELECT} WHERE s.skill_slug = ? ORDER BY s.id`).all(slug).map(toSchedule),
    countActive: (): number => db.prepare<[], { n: number }>("SELECT count(*) AS n FROM schedules WHERE status = 'active'").get()!.n,
    /** Active schedules due at `at` or before, earliest first. */
    due: (at: string): ScheduleRow[] =>
      db.prepare<[string], Row>(`${SELECT} WHERE s.status = 'active' AND s.next_run_at <= ? ORDER BY s.next_run_at, s.id`).all(at).map(toSchedule),
    /** The earliest next run of an active schedule. */
    earliest: (): string | null =>
      db.prepare<[], { at: string | null }>("SELECT min(next_run_at) AS at FROM schedules WHERE status = 'active'").get()?.at ?? null,
    /** Active schedules by next run, earliest first. */
    upcoming: (limit: number): ScheduleRow[] =>
      db.prepare<[number], Row>(`${SELECT} WHERE s.status = 'active' AND s.next_run_at IS NOT NULL ORDER BY s.next_run_at, s.id LIMIT ?`).all(limit).map(toSchedule),
    add(schedule: NewSchedule): ScheduleRow {
      const { lastInsertRowid } = db.prepare(`INSERT INTO schedules
        (skill_slug, version_id, source, spec, timezone, status, paused_reason, next_run_at, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        schedule.skillSlug, schedule.versionId, schedule.source, JSON.stringify(schedule.spec), schedule.timezone,
        schedule.status, schedule.pausedReason, schedule.nextRunAt, now().toISOString(), schedule.createdBy,
      );
      return get(Number(lastInsertRowid))!;
    },
    /**
     * Takes the run due at `due` for this engine: true only for the one caller that still saw that
     * due time. The next run moves to `next` in the same statement.
     */
    claim(id: number, due: string, next: string | null): boolean {
      return db.prepare("UPDATE schedules SET next_run_at = ? WHERE id = ? AND next_run_at = ? AND status = 'active'").run(next, id, due).changes === 1;
    },
    /** A run's end: failures count up until a success resets them. */
    recordRun(id: number, run: RunResult): ScheduleRow {
      db.prepare(`UPDATE schedules SET last_run_at = ?, last_result = ?, last_execution_id = ?, last_message = ?, last_late = ?,
        consecutive_failures = CASE ? WHEN 'failed' THEN consecutive_failures + 1 WHEN 'succeeded' THEN 0 ELSE consecutive_failures END
        WHERE id = ?`).run(
        now().toISOString(), run.result, run.executionId, run.message === null ? null : JSON.stringify(run.message), run.late ? 1 : 0, run.result, id,
      );
      return get(id)!;
    },
    setState(id: number, status: ScheduleStatus, pausedReason: SchedulePauseReason | null, nextRunAt: string | null): void {
      db.prepare('UPDATE schedules SET status = ?, paused_reason = ?, next_run_at = ? WHERE id = ?').run(status, pausedReason, nextRunAt, id);
    },
    resetFailures(id: number): void {
      db.prepare('UPDATE schedules SET consecutive_failures = 0 WHERE id = ?').run(id);
    },
    setSpec(id: number, spec: ScheduleSpec, timezone: string, nextRunAt: string | null): void {
      db.prepare('UPDATE schedules SET spec = ?, timezone = ?, next_run_at = ? WHERE id = ?').run(JSON.stringify(spec), timezone, nextRunAt, id);
    },
    setVersion(id: number, versionId: string): void {
      db.prepare('UPDATE schedules SET version_id = ? WHERE id = ?').run(versionId, id);
    },
    remove(id: number): boolean {
      return db.prepare('DELETE FROM schedules WHERE id = ?').run(id).changes === 1;
    },
  };
}
export type SchedulesRepository = ReturnType<typeof createSchedulesRepository>;
