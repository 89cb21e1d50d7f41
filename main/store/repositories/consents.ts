import type { Db } from '../open-database.ts';
import type { IntegrityKey } from '../integrity/integrity-key.ts';
import type { Actor } from '../../../shared/contract/records.ts';
import type { ConsentRequestRecord, ConsentStatus, StandingConsentRecord } from '../../../shared/contract/consent-records.ts';
import type { Localized } from '../../../shared/i18n-types.ts';

const STANDING_LABEL = 'standing-consent/v1';

export interface NewConsentRequest {
  skillSlug: string;
  versionId: string;
  action: string;
  actor: Actor;
  trigger: string;
  summary: Localized;
  details: readonly string[];
  fingerprint: string;
  expiresAt: string;
}

export type ConsentOutcome = Exclude<ConsentStatus, 'pending'>;

interface RequestRow {
  id: number;
  skill_slug: string;
  skill_name: string | null;
  version_id: string;
  version: string | null;
  action: string;
  actor: Actor;
  trigger: string;
  summary_en: string;
  summary_pl: string;
  details: string;
  fingerprint: string;
  status: ConsentStatus;
  created_at: string;
  expires_at: string;
  decided_at: string | null;
  decided_by: Actor | null;
}

interface StandingRow extends RequestRow {
  standing_id: number;
  standing_fingerprint: string;
  granted_at: string;
  mac: string;
}

const SELECT_REQUEST = `SELECT r.*, s.name AS skill_name, v.version FROM consent_requests r
  LEFT JOIN exo_skill_versions v ON v.id = r.version_id LEFT JOIN exo_generated_skills s ON s.id = v.skill_id`;
const SELECT_STANDING = `SELECT r.*, s.name AS skill_name, v.version, c.id AS standing_id, c.fingerprint AS standing_fingerprint, c.granted_at, c.mac
  FROM standing_consents c JOIN consent_requests r ON r.id = c.request_id
  LEFT JOIN exo_skill_versions v ON v.id = r.version_id LEFT JOIN exo_generated_skills s ON s.id = v.skill_id
  WHERE c.revoked_at IS NULL`;

/** Consent requests of runs, and the owner's standing consents (sealed: only the engine with the integrity key can give one). */
export function createConsentsRepository(db: Db, now: () => Date, key: IntegrityKey | null) {
  const toRequest = (row: RequestRow): ConsentRequestRecord => ({
    id: row.id,
    skillSlug: row.skill_slug,
    skillName: row.skill_name,
    versionId: row.version_id,
    version: row.version,
    action: row.action,
    actor: row.actor,
    trigger: row.trigger,
    summary: { en: row.summary_en, pl: row.summary_pl },
    details: JSON.parse(row.details) as string[],
    fingerprint: row.fingerprint,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    timeLeftMs: row.status === 'pending' ? Math.max(0, Date.parse(row.expires_at) - now().getTime()) : 0,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
  });
  const toStanding = (row: StandingRow): StandingConsentRecord => {
    const request = toRequest(row);
    return {
      id: row.standing_id,
      skillSlug: request.skillSlug,
      skillName: request.skillName,
      versionId: request.versionId,
      version: request.version,
      action: request.action,
      summary: request.summary,
      details: request.details,
      fingerprint: row.standing_fingerprint,
      grantedAt: row.granted_at,
      requestId: request.id,
    };
  };
  const sealed = (row: StandingRow) =>
    key !== null && row.standing_fingerprint === row.fingerprint && key.matches(STANDING_LABEL, [row.standing_id, row.id, row.standing_fingerprint, row.granted_at], row.mac);

  const insert = db.prepare(
    `INSERT INTO consent_requests (skill_slug, version_id, action, actor, trigger, summary_en, summary_pl, details, fingerprint, created_at, expires_at)
     VALUES (@skillSlug, @versionId, @action, @actor, @trigger, @summaryEn, @summaryPl, @details, @fingerprint, @at, @expiresAt)`,
  );
  const byId = db.prepare<[number], RequestRow>(`${SELECT_REQUEST} WHERE r.id = ?`);
  const pending = db.prepare<[], RequestRow>(`${SELECT_REQUEST} WHERE r.status = 'pending' ORDER BY r.id`);
  const settle = db.prepare(`UPDATE consent_requests SET status = @status, decided_at = @at, decided_by = @by WHERE id = @id AND status = 'pending'`);
  const insertStanding = db.prepare(`INSERT INTO standing_consents (request_id, fingerprint, granted_at, mac) VALUES (?, ?, ?, '')`);
  const setMac = db.prepare(`UPDATE standing_consents SET mac = ? WHERE id = ?`);
  const standing = db.prepare<[], StandingRow>(`${SELECT_STANDING} ORDER BY c.id DESC`);
  const standingFor = db.prepare<[string], StandingRow>(`${SELECT_STANDING} AND c.fingerprint = ?`);
  const standingById = db.prepare<[number], StandingRow>(`${SELECT_STANDING} AND c.id = ?`);
  const revoke = db.prepare(`UPDATE standing_consents SET revoked_at = @at, revoked_by = @by WHERE id = @id AND revoked_at IS NULL`);

  return {
    /** Whether standing consents can be given here (the store was opened with the integrity key). */
    canSeal: key !== null,
    open(request: NewConsentRequest): ConsentRequestRecord {
      const { lastInsertRowid } = insert.run({
        ...request, summaryEn: request.summary.en, summaryPl: request.summary.pl, details: JSON.stringify(request.details), at: now().toISOString(),
      });
      return toRequest(byId.get(Number(lastInsertRowid))!);
    },
    get: (id: number): ConsentRequestRecord | null => {
      const row = byId.get(id);
      return row ? toRequest(row) : null;
    },
    /** Oldest first: the order the window asks them in. */
    pending: (): ConsentRequestRecord[] => pending.all().map(toRequest),
    /** Ends a pending request; false when it had already ended. */
    settle: (id: number, status: ConsentOutcome, by: Actor | null): boolean => settle.run({ id, status, by, at: now().toISOString() }).changes === 1,
    /** Seals "run this exact action without asking" for the request's fingerprint; the store must hold the integrity key. */
    allowAlways(request: ConsentRequestRecord): StandingConsentRecord {
      if (!key) throw new Error('A standing consent needs the integrity key.');
      const grantedAt = now().toISOString();
      const id = Number(insertStanding.run(request.id, request.fingerprint, grantedAt).lastInsertRowid);
      setMac.run(key.sign(STANDING_LABEL, [id, request.id, request.fingerprint, grantedAt]), id);
      return toStanding(standingById.get(id)!);
    },
    /** The standing consent for `fingerprint`, if one is in force and its seal holds. */
    standingFor(fingerprint: string): StandingConsentRecord | null {
      const row = standingFor.get(fingerprint);
      return row && sealed(row) ? toStanding(row) : null;
    },
    /** Newest first; only those whose seal holds (others are never honoured). */
    standing: (): StandingConsentRecord[] => standing.all().filter(sealed).map(toStanding),
    revoke: (id: number, by: Actor): boolean => revoke.run({ id, by, at: now().toISOString() }).changes === 1,
  };
}
export type ConsentsRepository = ReturnType<typeof createConsentsRepository>;
