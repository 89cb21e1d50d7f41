// Ends a pending version without deploying it: rejected by the owner, expired after 24 hours, or
// replaced by a newer proposal for the same skill. The decision, its approvals row, the skill's
// status, the open review requests and the audit entry change together or not at all.
import type { Actor, SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { FoundryStore } from '../../store/index.ts';
import type { RegistryRepositories } from '../registry/registry-repositories.ts';

export type PendingEnd =
  | { to: 'rejected'; event: 'skill.rejected'; data: { via?: string } }
  | { to: 'expired'; event: 'skill.expired'; data: { expiresAt: string | null } }
  | { to: 'rejected'; event: 'skill.proposal-replaced'; data: { replacedBy: string; replacedByVersionId: string } };

/** False when the version was no longer pending (someone decided first): then nothing changed. */
export function closePending(
  store: Pick<FoundryStore, 'db' | 'versions' | 'auditLog'>, repos: RegistryRepositories, version: SkillVersionRecord, actor: Actor, reason: string, end: PendingEnd,
): boolean {
  return store.db.transaction(() => {
    if (!store.versions.decide(version.id, 'pending', end.to, actor, reason)) return false;
    repos.approvals.record({ versionId: version.id, contentSha256: version.contentSha256, outcome: 'rejected', factors: [], actor, reason });
    repos.lifecycle.settle(version.skillId);
    repos.reviewRequests.closeForVersion(version.id, 'review', end.to, actor);
    store.auditLog.append({
      actor, event: end.event, skillSlug: version.slug, versionId: version.id, contentSha256: version.contentSha256,
      data: { version: version.version, reason, ...end.data },
    });
    return true;
  })();
}
