import { randomUUID } from 'node:crypto';
import type { Db } from '../open-database.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { NeedEvidence, SkillNeed } from '../../../shared/skills/need.ts';
import type { NewSuggestion, SuggestionRecord, SuggestionSource, SuggestionStatus } from '../../../shared/skills/suggestion.ts';

export type { SuggestionSource, SuggestionStatus, NewSuggestion, SuggestionRecord } from '../../../shared/skills/suggestion.ts';

interface SuggestionRow {
  id: string;
  source: SuggestionSource;
  subject_key: string;
  need: string;
  evidence: string;
  title: string;
  status: SuggestionStatus;
  created_at: string;
  decided_at: string | null;
}

function toRecord(row: SuggestionRow): SuggestionRecord {
  return {
    id: row.id,
    source: row.source,
    subjectKey: row.subject_key,
    need: JSON.parse(row.need) as SkillNeed,
    evidence: JSON.parse(row.evidence) as NeedEvidence,
    title: JSON.parse(row.title) as Localized,
    status: row.status,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

export function createSuggestionsRepository(db: Db, now: () => Date) {
  const insert = db.prepare(
    `INSERT INTO skill_suggestions (id, source, subject_key, need, evidence, title, status, created_at)
     VALUES (@id, @source, @subject_key, @need, @evidence, @title, 'proposed', @created_at)`,
  );
  const byId = db.prepare<[string], SuggestionRow>('SELECT * FROM skill_suggestions WHERE id = ?');
  const all = db.prepare<[], SuggestionRow>('SELECT * FROM skill_suggestions ORDER BY created_at DESC, rowid DESC');
  const byStatus = db.prepare<[SuggestionStatus], SuggestionRow>('SELECT * FROM skill_suggestions WHERE status = ? ORDER BY created_at DESC, rowid DESC');
  const decide = db.prepare<[SuggestionStatus, string, string]>("UPDATE skill_suggestions SET status = ?, decided_at = ? WHERE id = ? AND status = 'proposed'");
  const statuses = db.prepare<[SuggestionSource, string], { status: SuggestionStatus }>(
    'SELECT DISTINCT status FROM skill_suggestions WHERE source = ? AND subject_key = ?',
  );
  const installed = db.prepare<[], { key: string }>(
    `SELECT DISTINCT json_extract(v.need, '$.subjectKey') AS key
       FROM exo_skill_versions v JOIN exo_generated_skills s ON s.id = v.skill_id
      WHERE s.status IN ('pending', 'active') AND json_valid(v.need) AND json_extract(v.need, '$.subjectKey') IS NOT NULL`,
  );
  return {
    insert(suggestion: NewSuggestion): SuggestionRecord {
      const id = randomUUID();
      insert.run({
        id,
        source: suggestion.source,
        subject_key: suggestion.subjectKey,
        need: JSON.stringify(suggestion.need),
        evidence: JSON.stringify(suggestion.evidence),
        title: JSON.stringify(suggestion.title),
        created_at: now().toISOString(),
      });
      return this.get(id)!;
    },
    get(id: string): SuggestionRecord | null {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    /** Newest first. */
    list(filter: { status?: SuggestionStatus } = {}): SuggestionRecord[] {
      return (filter.status ? byStatus.all(filter.status) : all.all()).map(toRecord);
    },
    /** Settles a proposed suggestion; null when there is none with that id still awaiting a decision. */
    decide(id: string, status: Exclude<SuggestionStatus, 'proposed'>): SuggestionRecord | null {
      return decide.run(status, now().toISOString(), id).changes === 1 ? this.get(id) : null;
    },
    /** Every status this (source, subject) has ever had: a past dismissal is remembered. */
    statusesOf(source: SuggestionSource, subjectKey: string): SuggestionStatus[] {
      return statuses.all(source, subjectKey).map((r) => r.status);
    },
    countCreatedBetween(sources: readonly SuggestionSource[], from: Date, to: Date): number {
      if (sources.length === 0) return 0;
      const sql = `SELECT count(*) AS n FROM skill_suggestions WHERE source IN (${sources.map(() => '?').join(', ')}) AND created_at >= ? AND created_at < ?`;
      return db.prepare<unknown[], { n: number }>(sql).get(...sources, from.toISOString(), to.toISOString())!.n;
    },
    /** Subjects of skills that exist or await review: a suggestion for them would be a duplicate. */
    installedSubjectKeys(): string[] {
      return installed.all().map((r) => r.key);
    },
  };
}
export type SuggestionsRepository = ReturnType<typeof createSuggestionsRepository>;
