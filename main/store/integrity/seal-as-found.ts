// The upgrade to keyed approvals and log (schema v7) happens once, at the first start with the key:
// what the store holds then is sealed as found, and that is audited. This trusts the file as it is
// at that moment (there was nothing to check it against); the README states that residual risk.
import type { Db } from '../open-database.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { versionContentHash } from '../../skills/registry/content-hash.ts';
import type { Checkpoint } from './checkpoint.ts';
import type { IntegrityKey } from './integrity-key.ts';
import type { ApprovalSealsRepository } from '../repositories/approval-seals.ts';
import type { AuditLogRepository } from '../repositories/audit-log.ts';

export interface SealAsFoundDeps {
  db: Db;
  key: IntegrityKey;
  checkpoint: Checkpoint;
  seals: ApprovalSealsRepository;
  auditLog: AuditLogRepository;
  version: (id: string) => SkillVersionRecord | null;
}

export interface SealedAsFound {
  auditEntries: number;
  approvals: number;
}

/** Null when the store was sealed before (the checkpoint carries a MAC): this happens once. */
export function sealAsFound(deps: SealAsFoundDeps): SealedAsFound | null {
  const { db, checkpoint, seals, auditLog } = deps;
  if (checkpoint.read()?.mac !== null) return null;
  const approved = db.prepare<[], { version_id: string; content_sha256: string; created_at: string }>(
    "SELECT version_id, content_sha256, created_at FROM approvals WHERE outcome = 'approved' ORDER BY id",
  );
  const running = db.prepare<[], { slug: string; active_version_id: string; updated_at: string }>(
    'SELECT slug, active_version_id, updated_at FROM exo_generated_skills WHERE active_version_id IS NOT NULL ORDER BY slug',
  );
  return db.transaction((): SealedAsFound => {
    let sealedApprovals = 0;
    const sealVersion = (version: SkillVersionRecord, decision: 'approved' | 'rolled-back', decidedAt: string) => {
      seals.add({
        decision, slug: version.slug, versionId: version.id, version: version.version, contentSha256: version.contentSha256,
        grantedWrites: version.manifest.capabilities.writes, decidedAt, sealedAtUpgrade: true,
      });
      sealedApprovals++;
    };
    // Only approvals that still match their version: content changed since stays unsealed, and refused.
    for (const row of approved.all()) {
      const version = deps.version(row.version_id);
      if (version?.status === 'approved' && row.content_sha256 === version.contentSha256 && versionContentHash(version) === version.contentSha256) {
        sealVersion(version, 'approved', row.created_at);
      }
    }
    // A skill rolled back before the upgrade runs an older approved version: its rollback is sealed too.
    for (const skill of running.all()) {
      const latest = seals.latestFor(skill.slug);
      const active = deps.version(skill.active_version_id);
      if (active && latest?.versionId !== active.id && seals.approvedFor(active.id)) sealVersion(active, 'rolled-back', skill.updated_at);
    }
    const auditEntries = auditLog.sealAsFound();
    const sealed = { auditEntries, approvals: sealedApprovals };
    if (auditEntries > 0 || sealedApprovals > 0) {
      auditLog.append({ actor: 'system', event: 'integrity.sealed', data: { ...sealed, keySource: deps.key.source } });
    }
    return sealed;
  })();
}
