import { openStore } from './open-database.ts';
import { createSettingsRepository } from './repositories/settings.ts';
import { createSkillsRepository } from './repositories/skills.ts';
import { createExecutionsRepository } from './repositories/executions.ts';
import { createAuditLogRepository } from './repositories/audit-log.ts';
import { createVersionsRepository } from './repositories/versions.ts';
import { createSuggestionsRepository } from './repositories/suggestions.ts';
import { createApprovalSecurityRepository } from './repositories/approval-security.ts';
import { createSealedSecretsRepository } from './repositories/sealed-secrets.ts';

export { StoreError } from './store-error.ts';
export { DATABASE_FILE } from './open-database.ts';
export { LATEST_SCHEMA_VERSION } from './migrations/index.ts';

export interface StoreOptions {
  now?: () => Date;
}

/** The store with its repositories; the only way the rest of main reaches the database. */
export function openFoundryStore(dataDir: string, options: StoreOptions = {}) {
  const now = options.now ?? (() => new Date());
  const { db, file, migration } = openStore(dataDir, { now });
  return {
    db,
    file,
    dataDir,
    migration,
    now,
    settings: createSettingsRepository(db, now),
    skills: createSkillsRepository(db),
    versions: createVersionsRepository(db, now),
    executions: createExecutionsRepository(db),
    suggestions: createSuggestionsRepository(db, now),
    approvalSecurity: createApprovalSecurityRepository(db, now),
    sealedSecrets: createSealedSecretsRepository(db, now),
    auditLog: createAuditLogRepository(db, now),
    schemaVersion: () => Number(db.pragma('user_version', { simple: true })),
    close: () => db.close(),
  };
}
export type FoundryStore = ReturnType<typeof openFoundryStore>;
