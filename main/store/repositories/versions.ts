import { randomUUID } from 'node:crypto';
import semver from 'semver';
import type { Db } from '../open-database.ts';
import type { Actor, PipelineStepRecord, SkillStatus, SkillVersionRecord, VersionStatus } from '../../../shared/contract/records.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { versionContentHash, type VersionContent } from '../../skills/registry/content-hash.ts';

export type VersionBump = 'major' | 'minor' | 'patch';

export interface NewVersion extends VersionContent {
  status: Extract<VersionStatus, 'failed' | 'pending'>;
  sampleInputs: unknown[];
  auditReport: SkillVersionRecord['auditReport'];
  dryRun: unknown;
  disclosure: unknown;
  steps: PipelineStepRecord[];
  need: unknown;
  generator: string;
  expiresAt: string | null;
  /** From `nextVersion`; the manifest is stored with it. */
  version: string;
}

interface VersionRow {
  id: string;
  skill_id: string;
  slug: string;
  name: string;
  version: string;
  status: VersionStatus;
  code: string;
  manifest: string;
  config_schema: string;
  skill_md: string;
  sample_inputs: string;
  content_sha256: string;
  audit_report: string | null;
  dry_run: string | null;
  disclosure: string | null;
  steps: string;
  need: string | null;
  generator: string;
  created_at: string;
  expires_at: string | null;
  decided_at: string | null;
  decided_by: Actor | null;
  decision_reason: string | null;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

export function versionTag(slug: string, version: string): string {
  return `${slug}@v${version}`;
}

function toRecord(row: VersionRow): SkillVersionRecord {
  return {
    id: row.id,
    skillId: row.skill_id,
    slug: row.slug,
    name: row.name,
    version: row.version,
    tag: versionTag(row.slug, row.version),
    status: row.status,
    contentSha256: row.content_sha256,
    code: row.code,
    manifest: JSON.parse(row.manifest) as SkillManifest,
    configSchema: JSON.parse(row.config_schema) as SkillVersionRecord['configSchema'],
    skillMd: row.skill_md,
    sampleInputs: JSON.parse(row.sample_inputs) as unknown[],
    auditReport: parse(row.audit_report) as SkillVersionRecord['auditReport'],
    dryRun: parse(row.dry_run),
    disclosure: parse(row.disclosure),
    steps: JSON.parse(row.steps) as PipelineStepRecord[],
    need: parse(row.need),
    generator: row.generator,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    decisionReason: row.decision_reason,
  };
}

const SELECT = `SELECT v.*, s.slug, s.name FROM exo_skill_versions v JOIN exo_generated_skills s ON s.id = v.skill_id`;

/** Skills and their versions: creating candidates, deciding on them, and which one is active. */
export function createVersionsRepository(db: Db, now: () => Date) {
  const skillBySlug = db.prepare<[string], { id: string; status: SkillStatus; active_version_id: string | null }>(
    'SELECT id, status, active_version_id FROM exo_generated_skills WHERE slug = ?',
  );
  const insertSkill = db.prepare(
    `INSERT INTO exo_generated_skills (id, slug, name, description, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const versionsOf = db.prepare<[string], { version: string }>(
    'SELECT v.version FROM exo_skill_versions v JOIN exo_generated_skills s ON s.id = v.skill_id WHERE s.slug = ?',
  );
  const activeOf = db.prepare<[string], VersionRow>(`${SELECT} WHERE s.slug = ? AND v.id = s.active_version_id`);
  const running = db.prepare<[], VersionRow>(`${SELECT} WHERE v.id = s.active_version_id AND s.status != 'archived' AND v.status = 'approved' ORDER BY s.slug`);
  const insertVersion = db.prepare(
    `INSERT INTO exo_skill_versions (id, skill_id, version, status, code, manifest, config_schema, skill_md, sample_inputs, content_sha256,
       audit_report, dry_run, disclosure, steps, need, generator, created_at, expires_at)
     VALUES (@id, @skill_id, @version, @status, @code, @manifest, @config_schema, @skill_md, @sample_inputs, @content_sha256,
       @audit_report, @dry_run, @disclosure, @steps, @need, @generator, @created_at, @expires_at)`,
  );
  const byId = db.prepare<[string], VersionRow>(`${SELECT} WHERE v.id = ?`);
  const bySkill = db.prepare<[string], VersionRow>(`${SELECT} WHERE s.slug = ? ORDER BY v.created_at DESC, v.rowid DESC`);
  const decide = db.prepare(
    `UPDATE exo_skill_versions SET status = @status, decided_at = @at, decided_by = @actor, decision_reason = @reason WHERE id = @id AND status = @from`,
  );
  const touchSkill = db.prepare('UPDATE exo_generated_skills SET status = ?, active_version_id = ?, updated_at = ? WHERE id = ?');

  return {
    /** The number the skill's next version gets: 1.0.0 first, then a semver bump of the highest. */
    nextVersion(slug: string, bump: VersionBump = 'minor'): string {
      const highest = semver.rsort(versionsOf.all(slug).map((r) => r.version))[0];
      return highest ? semver.inc(highest, bump)! : '1.0.0';
    },
    /**
     * The number a failed candidate is kept under: a prerelease of the next version
     * (`1.0.0-failed.1`), so failures never use up the number the next good version gets.
     */
    nextFailedVersion(slug: string): string {
      const base = this.nextVersion(slug);
      const taken = versionsOf.all(slug).filter((r) => r.version.startsWith(`${base}-failed.`)).length;
      return `${base}-failed.${taken + 1}`;
    },
    /** Stores a candidate as a new version of its skill (created on first sight). */
    create: db.transaction((candidate: NewVersion): SkillVersionRecord => {
      const at = now().toISOString();
      const { slug, name, description } = candidate.manifest;
      // A skill known only from failed candidates is 'rejected' until a candidate waits for review.
      const status: SkillStatus = candidate.status === 'pending' ? 'pending' : 'rejected';
      let skill = skillBySlug.get(slug);
      if (!skill) {
        const id = randomUUID();
        insertSkill.run(id, slug, name, description, status, at, at);
        skill = { id, status, active_version_id: null };
      } else if (skill.status === 'rejected' && status === 'pending') {
        touchSkill.run(status, skill.active_version_id, at, skill.id);
      }
      const { version } = candidate;
      const id = randomUUID();
      insertVersion.run({
        id,
        skill_id: skill.id,
        version,
        status: candidate.status,
        code: candidate.code,
        manifest: JSON.stringify({ ...candidate.manifest, version }),
        config_schema: JSON.stringify(candidate.configSchema),
        skill_md: candidate.skillMd,
        sample_inputs: JSON.stringify(candidate.sampleInputs),
        content_sha256: versionContentHash({ ...candidate, manifest: { ...candidate.manifest, version } }),
        audit_report: json(candidate.auditReport),
        dry_run: json(candidate.dryRun),
        disclosure: json(candidate.disclosure),
        steps: JSON.stringify(candidate.steps),
        need: json(candidate.need),
        generator: candidate.generator,
        created_at: at,
        expires_at: candidate.expiresAt,
      });
      return toRecord(byId.get(id)!);
    }),
    /** The version that runs now, if the skill has one. */
    active(slug: string): SkillVersionRecord | null {
      const row = activeOf.get(slug);
      return row ? toRecord(row) : null;
    },
    /** Every skill's running version (approved, not archived) in one query; whether a seal proves it is the caller's to check. */
    running: (): SkillVersionRecord[] => running.all().map(toRecord),
    get: (id: string): SkillVersionRecord | null => {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    /** Newest first. */
    listForSkill: (slug: string): SkillVersionRecord[] => bySkill.all(slug).map(toRecord),
    /**
     * Moves a version from one status to another; false when it was no longer in `from` (someone
     * else decided first), so a decision is never applied twice.
     */
    decide(id: string, from: VersionStatus, to: VersionStatus, actor: Actor, reason: string | null = null): boolean {
      return decide.run({ id, from, status: to, at: now().toISOString(), actor, reason }).changes === 1;
    },
    /** Makes an approved version the one that runs. */
    activate(version: SkillVersionRecord): void {
      if (version.status !== 'approved') throw new Error(`Only an approved version can be active; ${version.tag} is ${version.status}.`);
      touchSkill.run('active', version.id, now().toISOString(), version.skillId);
    },
  };
}
export type VersionsRepository = ReturnType<typeof createVersionsRepository>;
