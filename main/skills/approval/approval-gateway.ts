// Seed stage 5: a pending version is deployed only by the owner, with two factors on two channels
// (the authenticator code from a phone, a check on this computer), for exactly the content shown.
// Order: access → state (pending, not expired, not older than the running version) → content hash → the integrity key (without it the
// approval could not be sealed, so it would never run) → a check on this computer exists → TOTP (lockout and replay included) → the check on this computer → decide and deploy. The code
// goes before the OS prompt so a wrong, replayed or locked-out code never puts a dialog in front of
// the person; everything that needs no secret goes before the code so it is not spent for nothing.
// The deployment is sealed with the integrity key: slug, version, content hash, granted writes, time.
import semver from 'semver';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { Actor, SkillVersionRecord, VersionStatus } from '../../../shared/contract/records.ts';
import type { FoundryStore } from '../../store/index.ts';
import type { FactorCheck } from '../../store/repositories/approvals.ts';
import type { RegistryRepositories } from '../registry/registry-repositories.ts';
import type { Authorizer } from '../rbac/authorize.ts';
import { PRINCIPALS, type PrincipalKind } from '../rbac/roles.ts';
import { isContentIntact } from '../registry/content-check.ts';
import type { BiometricSelector } from './biometric.ts';
import type { TotpFactor, TotpRefusal } from './totp-factor.ts';
import { confirmOnThisComputer, selectBiometric, type BiometricRefusal } from './approval-biometric.ts';
import { APPROVAL_MESSAGES } from './approval-messages.ts';
import { closePending } from './close-pending.ts';
import { NO_INTEGRITY_KEY } from './integrity-key-file.ts';
import type { ApprovalDependencyCode } from '../registry/skill-dependencies.ts';

export type ApprovalRefusalCode =
  | 'forbidden'
  | 'not-found'
  | 'not-pending'
  | 'expired'
  | 'content-changed'
  | 'factors-unavailable'
  | 'no-integrity-key'
  | 'totp-required'
  | 'totp-not-enrolled'
  | 'totp-invalid'
  | 'totp-replayed'
  | 'totp-locked'
  | ApprovalDependencyCode
  | 'shell-executable'
  | 'superseded'
  | BiometricRefusal;

export type RejectionRefusalCode = Extract<ApprovalRefusalCode, 'forbidden' | 'not-found' | 'not-pending' | 'expired'> | 'reason-required';

export type GatewayResult<Code extends string> =
  | { ok: true; version: SkillVersionRecord }
  | { ok: false; code: Code; message: Localized; lockedUntil: string | null };

/** Where the owner decided: the desktop window, or a terminal (`foundry approve`); recorded in the audit log. */
export type DecisionChannel = 'window' | 'terminal';

export interface ApproveRequest {
  versionId: string;
  /** The contentSha256 of the version as the disclosure showed it. */
  shownContentSha256: string;
  totpCode: string;
  actor: PrincipalKind;
  via?: DecisionChannel;
}

export interface RejectRequest {
  versionId: string;
  reason: string;
  actor: PrincipalKind;
  via?: DecisionChannel;
}

/** Both factors; absent where no approval can be completed (the command line). */
export interface ApprovalFactors {
  totp: Pick<TotpFactor, 'verify'>;
  biometrics: Pick<BiometricSelector, 'select'>;
}

export interface ApprovalGatewayDeps {
  store: Pick<FoundryStore, 'db' | 'now' | 'versions' | 'auditLog' | 'integrity'>;
  repos: RegistryRepositories;
  authorizer: Authorizer;
  factors: ApprovalFactors | null;
  /** Why the version's dependencies forbid deploying it now (skill-dependencies.ts); none checked when absent. */
  dependencyProblem?: (version: SkillVersionRecord) => Problem<ApprovalDependencyCode> | null;
  /** Shell actions' programs: why one cannot be pinned (checked before the factors), and the pinning, inside the deployment's transaction. */
  shellPins?: { problem(version: SkillVersionRecord): Localized | null; pin(version: SkillVersionRecord): void };
}

export const MAX_REJECTION_REASON = 500;

/** How a refused authenticator code is answered, wherever both factors are asked. */
export const TOTP_REFUSALS: Record<TotpRefusal, ApprovalRefusalCode> = {
  'not-enrolled': 'totp-not-enrolled',
  'no-pending-enrollment': 'totp-not-enrolled',
  'enrollment-expired': 'totp-not-enrolled',
  locked: 'totp-locked',
  invalid: 'totp-invalid',
  replay: 'totp-replayed',
};

type Refusal<Code extends string> = Extract<GatewayResult<Code>, { ok: false }>;
interface Problem<Code extends string> {
  code: Code;
  message: Localized;
  lockedUntil?: string | null;
}
const refusal = <Code extends string>(problem: Problem<Code>): Refusal<Code> => ({ ok: false, lockedUntil: null, ...problem });

/** Untyped callers (HTTP, IPC) may send anything as the actor; the audit log takes only known ones. */
const auditActor = (actor: unknown): Actor => ((PRINCIPALS as readonly unknown[]).includes(actor) ? (actor as PrincipalKind) : 'system');

export function createApprovalGateway(deps: ApprovalGatewayDeps) {
  const { store, repos, authorizer, factors } = deps;
  const { versions, auditLog } = store;

  const isDue = (version: SkillVersionRecord) => version.expiresAt !== null && Date.parse(version.expiresAt) <= store.now().getTime();

  const close = (version: SkillVersionRecord, to: Extract<VersionStatus, 'rejected' | 'expired'>, actor: Actor, reason: string, via?: DecisionChannel): boolean =>
    closePending(store, repos, version, actor, reason, to === 'expired'
      ? { to, event: 'skill.expired', data: { expiresAt: version.expiresAt } }
      : { to, event: 'skill.rejected', data: via === undefined ? {} : { via } });

  const expire = (version: SkillVersionRecord) => close(version, 'expired', 'system', 'not approved within 24 hours');

  /** Why a version cannot be decided on now; a pending one whose 24 hours are up is expired on the spot. */
  function stateProblem(version: SkillVersionRecord): Problem<'not-pending' | 'expired'> | null {
    if (version.status === 'expired') return { code: 'expired', message: APPROVAL_MESSAGES.expired };
    if (version.status !== 'pending') return { code: 'not-pending', message: APPROVAL_MESSAGES.notPending(version.status) };
    if (isDue(version)) {
      expire(version);
      return { code: 'expired', message: APPROVAL_MESSAGES.expired };
    }
    return null;
  }

  /**
   * A proposal older than the version that runs now is never deployed: approving it would quietly
   * go back to what the owner already replaced. Going back is a rollback, to a version once approved.
   */
  function supersededProblem(version: SkillVersionRecord): Problem<'superseded'> | null {
    const active = versions.active(version.slug);
    return active && semver.gt(active.version, version.version)
      ? { code: 'superseded', message: APPROVAL_MESSAGES.superseded(version.version, active.version) }
      : null;
  }

  /** The shown hash is the stored one, and the stored content still hashes to it. */
  function contentProblem(version: SkillVersionRecord, shown: unknown): Problem<'content-changed'> | null {
    return shown === version.contentSha256 && isContentIntact(version) ? null : { code: 'content-changed', message: APPROVAL_MESSAGES.contentChanged };
  }

  /** Every refused approval leaves an approvals row (when the version exists) and an audit entry. */
  function refuseApproval(version: SkillVersionRecord | null, request: ApproveRequest, checks: FactorCheck[], problem: Problem<ApprovalRefusalCode>) {
    const who = auditActor(request.actor);
    const { code } = problem;
    store.db.transaction(() => {
      if (version) {
        repos.approvals.record({ versionId: version.id, contentSha256: version.contentSha256, outcome: 'refused', factors: checks, actor: who, reason: code });
      }
      const shown = typeof request.shownContentSha256 === 'string' ? request.shownContentSha256.slice(0, 64) : null;
      auditLog.append({
        actor: who,
        event: 'approval.refused',
        skillSlug: version?.slug ?? null,
        versionId: version?.id ?? null,
        contentSha256: version?.contentSha256 ?? null,
        data: { code, factors: checks, ...(code === 'content-changed' ? { shownContentSha256: shown } : {}) },
      });
    })();
    return refusal(problem);
  }

  /** Decides and deploys in one transaction, after checking again what may have changed while the factors were asked. */
  function deploy(request: ApproveRequest, checks: FactorCheck[]): GatewayResult<ApprovalRefusalCode> {
    return store.db.transaction((): GatewayResult<ApprovalRefusalCode> => {
      const current = versions.get(request.versionId)!;
      const problem = stateProblem(current) ?? supersededProblem(current) ?? contentProblem(current, request.shownContentSha256) ?? deps.dependencyProblem?.(current) ?? null;
      if (problem) return refuseApproval(current, request, checks, problem);
      if (!versions.decide(current.id, 'pending', 'approved', 'owner')) {
        return refuseApproval(current, request, checks, { code: 'not-pending', message: APPROVAL_MESSAGES.notPending(current.status) });
      }
      const previous = versions.active(current.slug);
      const approved = versions.get(current.id)!;
      const wasArchived = repos.lifecycle.find(approved.skillId)!.status === 'archived';
      versions.activate(approved);
      store.integrity.seals.add({
        decision: 'approved', slug: approved.slug, versionId: approved.id, version: approved.version, contentSha256: approved.contentSha256,
        grantedWrites: approved.manifest.capabilities.writes,
      });
      deps.shellPins?.pin(approved);
      repos.approvals.record({ versionId: approved.id, contentSha256: approved.contentSha256, outcome: 'approved', factors: checks, actor: 'owner', reason: null });
      repos.reviewRequests.closeForVersion(approved.id, 'review', 'approved', 'owner');
      const entry = { actor: 'owner' as const, skillSlug: approved.slug, versionId: approved.id, contentSha256: approved.contentSha256 };
      auditLog.append({ ...entry, event: 'skill.approved', data: { version: approved.version, factors: checks, via: request.via ?? 'window' } });
      auditLog.append({ ...entry, event: 'skill.deployed', data: { version: approved.version, tag: approved.tag, previousVersion: previous?.version ?? null } });
      // Deploying a new version of an archived skill brings it back: the owner just approved it with both factors.
      if (wasArchived) auditLog.append({ ...entry, event: 'skill.restored', data: { status: repos.lifecycle.restore(approved.skillId), reason: 'approved' } });
      return { ok: true, version: approved };
    })();
  }

  return {
    async approve(request: ApproveRequest): Promise<GatewayResult<ApprovalRefusalCode>> {
      const version = typeof request.versionId === 'string' ? versions.get(request.versionId) : null;
      const checks: FactorCheck[] = [];
      const refuse = (problem: Problem<ApprovalRefusalCode>) => refuseApproval(version, request, checks, problem);

      const access = authorizer.authorize(request.actor, 'skills:approve', version ? { skillSlug: version.slug } : {});
      if (!access.allowed) return refuse({ code: 'forbidden', message: access.reason });
      if (!version) return refuse({ code: 'not-found', message: APPROVAL_MESSAGES.notFound });
      const problem = stateProblem(version) ?? supersededProblem(version) ?? contentProblem(version, request.shownContentSha256);
      if (problem) return refuse(problem);
      if (!store.integrity.keyed) return refuse({ code: 'no-integrity-key', message: NO_INTEGRITY_KEY });
      const dependencies = deps.dependencyProblem?.(version);
      if (dependencies) return refuse(dependencies);
      const unpinnable = deps.shellPins?.problem(version);
      if (unpinnable) return refuse({ code: 'shell-executable', message: unpinnable });
      if (!factors) return refuse({ code: 'factors-unavailable', message: APPROVAL_MESSAGES.factorsUnavailable });

      const selected = await selectBiometric(factors.biometrics);
      if (!selected.ok) return refuse({ code: selected.code, message: selected.message });

      const code = typeof request.totpCode === 'string' ? request.totpCode.trim() : '';
      if (!code) {
        checks.push({ factor: 'totp', ok: false, reason: 'missing' });
        return refuse({ code: 'totp-required', message: APPROVAL_MESSAGES.totpRequired });
      }
      const totp = await factors.totp.verify(code, { actor: 'owner', skillSlug: version.slug, versionId: version.id, contentSha256: version.contentSha256 });
      checks.push(totp.ok ? { factor: 'totp', ok: true } : { factor: 'totp', ok: false, reason: totp.reason });
      if (!totp.ok) return refuse({ code: TOTP_REFUSALS[totp.reason], message: totp.message, lockedUntil: totp.lockedUntil });

      const biometric = await confirmOnThisComputer(selected.provider, APPROVAL_MESSAGES.approvePrompt(version.name, version.tag));
      checks.push(biometric.check);
      if (!biometric.ok) return refuse({ code: biometric.code, message: biometric.message });
      return deploy(request, checks);
    },

    /** Rejecting needs no factor (it deploys nothing), only the owner and a reason. */
    reject(request: RejectRequest): GatewayResult<RejectionRefusalCode> {
      const version = typeof request.versionId === 'string' ? versions.get(request.versionId) : null;
      const refuse = (problem: Problem<RejectionRefusalCode>) => {
        auditLog.append({
          actor: auditActor(request.actor), event: 'rejection.refused', skillSlug: version?.slug ?? null, versionId: version?.id ?? null, data: { code: problem.code },
        });
        return refusal(problem);
      };
      const access = authorizer.authorize(request.actor, 'skills:approve', version ? { skillSlug: version.slug } : {});
      if (!access.allowed) return refuse({ code: 'forbidden', message: access.reason });
      if (!version) return refuse({ code: 'not-found', message: APPROVAL_MESSAGES.notFound });
      const reason = typeof request.reason === 'string' ? request.reason.trim() : '';
      if (reason.length === 0 || reason.length > MAX_REJECTION_REASON) return refuse({ code: 'reason-required', message: APPROVAL_MESSAGES.reasonRequired });
      const problem = stateProblem(version);
      if (problem) return refuse(problem);
      if (!close(version, 'rejected', 'owner', reason, request.via ?? 'window')) return refuse({ code: 'not-pending', message: APPROVAL_MESSAGES.notPending(versions.get(version.id)!.status) });
      return { ok: true, version: versions.get(version.id)! };
    },

    /** Rejects every pending version whose 24 hours are up; one indexed lookup when none is. Returns them. */
    expirePending(): SkillVersionRecord[] {
      const expired: SkillVersionRecord[] = [];
      for (const id of repos.lifecycle.pendingDueAt(store.now())) {
        if (expire(versions.get(id)!)) expired.push(versions.get(id)!);
      }
      return expired;
    },
  };
}
export type ApprovalGateway = ReturnType<typeof createApprovalGateway>;
