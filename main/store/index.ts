import { openStore } from './open-database.ts';
import { createSettingsRepository } from './repositories/settings.ts';
import { createSkillsRepository } from './repositories/skills.ts';
import { createExecutionsRepository } from './repositories/executions.ts';
import { createAuditLogRepository } from './repositories/audit-log.ts';
import { createVersionsRepository } from './repositories/versions.ts';
import { createSuggestionsRepository } from './repositories/suggestions.ts';
import { createApprovalSecurityRepository } from './repositories/approval-security.ts';
import { createSealedSecretsRepository } from './repositories/sealed-secrets.ts';
import { createApprovalSealsRepository } from './repositories/approval-seals.ts';
import { createNotificationsRepository } from './repositories/notifications.ts';
import { createSkillSettingsRepository } from './repositories/skill-settings.ts';
import { createConsentsRepository } from './repositories/consents.ts';
import { createShellRepository } from './repositories/shell.ts';
import { createSchedulesRepository } from './repositories/schedules.ts';
import { createMarketRepository } from './repositories/market.ts';
import { createCheckpoint } from './integrity/checkpoint.ts';
import { createApprovalProof } from './integrity/approval-proof.ts';
import { sealAsFound } from './integrity/seal-as-found.ts';
import { verifyIntegrity } from './integrity/verify-integrity.ts';
import type { IntegrityKey } from './integrity/integrity-key.ts';
import type { SkillSummary, SkillVersionRecord } from '../../shared/contract/records.ts';

export { StoreError } from './store-error.ts';
export { DATABASE_FILE } from './open-database.ts';
export { LATEST_SCHEMA_VERSION } from './migrations/index.ts';
export { createIntegrityKey, type IntegrityKey } from './integrity/integrity-key.ts';

export interface StoreOptions {
  now?: () => Date;
  /**
   * Makes approvals and the audit log authentic (main/store/integrity/integrity-key.ts). Without
   * it the log is chained but not keyed, nothing can be approved or rolled back, and no generated
   * skill runs: none can be proven approved.
   */
  integrityKey?: IntegrityKey | null;
}

/** The store with its repositories; the only way the rest of main reaches the database. */
export function openFoundryStore(dataDir: string, options: StoreOptions = {}) {
  const now = options.now ?? (() => new Date());
  const key = options.integrityKey ?? null;
  const { db, file, migration } = openStore(dataDir, { now });
  const checkpoint = createCheckpoint(db, now, key);
  const versions = createVersionsRepository(db, now);
  const auditLog = createAuditLogRepository(db, now, key, checkpoint);
  const seals = createApprovalSealsRepository(db, now, key, checkpoint);
  const proofs = createApprovalProof(key, seals);
  const skills = createSkillsRepository(db);
  const sealedAtOpen = key ? sealAsFound({ db, key, checkpoint, seals, auditLog, version: versions.get }) : null;
  const runningVersions = (): SkillVersionRecord[] =>
    db.prepare<[], { id: string }>('SELECT active_version_id AS id FROM exo_generated_skills WHERE active_version_id IS NOT NULL').all()
      .map((row) => versions.get(row.id))
      .filter((v): v is SkillVersionRecord => v !== null);

  return {
    db,
    file,
    dataDir,
    migration,
    now,
    settings: createSettingsRepository(db, now),
    skills: {
      ...skills,
      /** By name, each running version with whether its approval is proven. */
      list(): SkillSummary[] {
        const prove = proofs.prover();
        return skills.list().map((skill) => {
          const running = skill.activeVersionId ? versions.get(skill.activeVersionId) : null;
          const { activeVersionId: _id, ...summary } = skill;
          return { ...summary, approvalSeal: running ? prove(running).state : null };
        });
      },
    },
    versions,
    executions: createExecutionsRepository(db),
    suggestions: createSuggestionsRepository(db, now),
    approvalSecurity: createApprovalSecurityRepository(db, now),
    sealedSecrets: createSealedSecretsRepository(db, now),
    notifications: createNotificationsRepository(db, now),
    skillSettings: createSkillSettingsRepository(db, now),
    consents: createConsentsRepository(db, now, key),
    shell: createShellRepository(db, key),
    schedules: createSchedulesRepository(db, now),
    market: createMarketRepository(db, now),
    auditLog: {
      ...auditLog,
      /** The log's chain and checkpoint, and the approvals' seals: every kind of tampering named. */
      verify: () => verifyIntegrity({ keyed: key !== null, auditLog, seals, proofs, runningVersions }),
    },
    integrity: {
      /** Whether this store was opened with the integrity key. */
      keyed: key !== null,
      seals,
      proofs,
      /** What the first start with the key sealed as found (once, after the upgrade); null otherwise. */
      sealedAtOpen,
    },
    schemaVersion: () => Number(db.pragma('user_version', { simple: true })),
    close: () => db.close(),
  };
}
export type FoundryStore = ReturnType<typeof openFoundryStore>;
