// Rollback: the owner makes a previously approved version the running one again. That exact
// content was approved with both factors before, so the check on this computer alone suffices, as
// long as a valid seal proves that approval and the stored content still hashes to what it covers.
// The rollback is sealed in turn: without that seal the older version would not run.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { FoundryStore } from '../../store/index.ts';
import type { Authorizer } from '../rbac/authorize.ts';
import { PRINCIPALS, type PrincipalKind } from '../rbac/roles.ts';
import type { BiometricSelector } from '../approval/biometric.ts';
import { confirmOnThisComputer, selectBiometric, type BiometricRefusal } from '../approval/approval-biometric.ts';
import type { DecisionChannel, GatewayResult } from '../approval/approval-gateway.ts';
import { APPROVAL_MESSAGES } from '../approval/approval-messages.ts';
import { isContentIntact } from './content-check.ts';
import { NO_INTEGRITY_KEY } from '../approval/integrity-key-file.ts';
import type { RegistryRepositories } from './registry-repositories.ts';
import { REGISTRY_MESSAGES } from './registry-messages.ts';

export type RollbackRefusalCode =
  | 'forbidden'
  | 'not-found'
  | 'archived'
  | 'not-approved'
  | 'already-active'
  | 'content-changed'
  | 'factors-unavailable'
  | 'no-integrity-key'
  | BiometricRefusal;

export interface RollbackRequest {
  /** The skill's slug or id. */
  skill: string;
  /** `1.0.0` (a leading `v` is accepted). */
  version: string;
  actor: PrincipalKind;
  via?: DecisionChannel;
}

export interface VersionManagerDeps {
  store: Pick<FoundryStore, 'db' | 'versions' | 'auditLog' | 'integrity'>;
  repos: RegistryRepositories;
  authorizer: Authorizer;
  /** Absent where no check on this computer can be asked (the command line). */
  biometrics: Pick<BiometricSelector, 'select'> | null;
}

/** `1.0.0`, `v1.0.0` or a whole tag `custom-x@v1.0.0` → `1.0.0`. */
export const versionNumber = (text: string) => text.trim().replace(/^.*@/, '').replace(/^v/, '');

export function createVersionManager(deps: VersionManagerDeps) {
  const { store, repos, authorizer } = deps;
  const { versions, auditLog } = store;
  const { seals } = store.integrity;

  /** The skill's version numbered `version` (`1.0.0`, `v1.0.0` or a whole tag). */
  const findVersion = (slug: string, version: string): SkillVersionRecord | null =>
    versions.listForSkill(slug).find((v) => v.version === versionNumber(version)) ?? null;

  /**
   * Why `target` cannot become the running version of `skill` now. A rollback itself needs the key
   * (to prove the earlier approval and seal the rollback); a request for one can be filed without it.
   */
  function problem(target: SkillVersionRecord, needsKey = true): { code: RollbackRefusalCode; message: Localized } | null {
    const skill = repos.lifecycle.find(target.skillId)!;
    if (skill.status === 'archived') return { code: 'archived', message: REGISTRY_MESSAGES.archived };
    if (target.status !== 'approved') return { code: 'not-approved', message: REGISTRY_MESSAGES.notApproved(target.version) };
    if (skill.activeVersionId === target.id) return { code: 'already-active', message: REGISTRY_MESSAGES.alreadyActive(target.version) };
    if (!store.integrity.keyed && needsKey) return { code: 'no-integrity-key', message: NO_INTEGRITY_KEY };
    const approval = !store.integrity.keyed ? target : seals.firstBroken() === null ? seals.approvedFor(target.id) : null;
    if (approval?.contentSha256 !== target.contentSha256 || !isContentIntact(target)) {
      return { code: 'content-changed', message: REGISTRY_MESSAGES.changedSinceApproval(target.version) };
    }
    return null;
  }

  return {
    /** Why a request to roll back to `target` would be refused now; null when it can be filed. */
    findVersion,
    rollbackProblem: (target: SkillVersionRecord) => problem(target, false),

    async rollback(request: RollbackRequest): Promise<GatewayResult<RollbackRefusalCode>> {
      const skill = typeof request.skill === 'string' ? repos.lifecycle.find(request.skill) : null;
      const wanted = typeof request.version === 'string' ? versionNumber(request.version) : '';
      const target = skill ? findVersion(skill.slug, wanted) : null;
      const refuse = (code: RollbackRefusalCode, message: Localized): GatewayResult<RollbackRefusalCode> => {
        auditLog.append({
          actor: (PRINCIPALS as readonly unknown[]).includes(request.actor) ? request.actor : 'system',
          event: 'rollback.refused',
          skillSlug: skill?.slug ?? null,
          versionId: target?.id ?? null,
          contentSha256: target?.contentSha256 ?? null,
          data: { code, version: wanted.slice(0, 64) },
        });
        return { ok: false, code, message, lockedUntil: null };
      };

      const access = authorizer.authorize(request.actor, 'skills:approve', skill ? { skillSlug: skill.slug } : {});
      if (!access.allowed) return refuse('forbidden', access.reason);
      if (!skill) return refuse('not-found', APPROVAL_MESSAGES.notFound);
      if (!target) return refuse('not-found', REGISTRY_MESSAGES.versionNotFound(wanted.slice(0, 64)));
      const before = problem(target);
      if (before) return refuse(before.code, before.message);
      if (!deps.biometrics) return refuse('factors-unavailable', APPROVAL_MESSAGES.factorsUnavailable);
      const selected = await selectBiometric(deps.biometrics);
      if (!selected.ok) return refuse(selected.code, selected.message);
      const biometric = await confirmOnThisComputer(selected.provider, REGISTRY_MESSAGES.rollbackPrompt(target.name, target.tag));
      if (!biometric.ok) return refuse(biometric.code, biometric.message);

      return store.db.transaction((): GatewayResult<RollbackRefusalCode> => {
        // Checked again: the prompt may have taken a while.
        const current = versions.get(target.id)!;
        const after = problem(current);
        if (after) return refuse(after.code, after.message);
        const previous = versions.active(current.slug);
        versions.activate(current);
        seals.add({
          decision: 'rolled-back', slug: current.slug, versionId: current.id, version: current.version, contentSha256: current.contentSha256,
          grantedWrites: seals.approvedFor(current.id)!.grantedWrites,
        });
        repos.reviewRequests.closeForVersion(current.id, 'rollback', 'rolled-back', 'owner');
        auditLog.append({
          actor: 'owner',
          event: 'skill.rolled-back',
          skillSlug: current.slug,
          versionId: current.id,
          contentSha256: current.contentSha256,
          data: { from: previous?.version ?? null, fromVersionId: previous?.id ?? null, to: current.version, factors: [biometric.check], via: request.via ?? 'window' },
        });
        return { ok: true, version: current };
      })();
    },
  };
}
export type VersionManager = ReturnType<typeof createVersionManager>;
