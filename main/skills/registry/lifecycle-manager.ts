// Seed stage 6: a skill nobody used for 30 days is archived (not executable, hidden from the
// assistant) and can be restored by the owner. Every change is audited.
import type { Actor, SkillStatus } from '../../../shared/contract/records.ts';
import type { FoundryStore } from '../../store/index.ts';
import type { SkillState } from '../../store/repositories/skill-lifecycle.ts';
import type { RegistryRepositories } from './registry-repositories.ts';

export const ARCHIVE_AFTER_UNUSED_MS = 30 * 24 * 60 * 60 * 1000;

export function createLifecycleManager(store: Pick<FoundryStore, 'db' | 'now' | 'auditLog'>, repos: RegistryRepositories) {
  const { lifecycle } = repos;

  const archive = (skill: SkillState, actor: Actor, reason: 'unused' | 'manual') =>
    store.db.transaction(() => {
      lifecycle.archive(skill.id);
      store.auditLog.append({
        actor,
        event: 'skill.archived',
        skillSlug: skill.slug,
        versionId: skill.activeVersionId,
        data: { reason, previousStatus: skill.status, usageCount: skill.usageCount, lastUsedAt: skill.lastUsedAt },
      });
    })();

  return {
    archive: (skill: SkillState, actor: Actor) => archive(skill, actor, 'manual'),

    /** Archives every active skill unused (and not redeployed) for 30 days; cheap when none is. Returns them. */
    archiveUnused(): SkillState[] {
      const idle = lifecycle.idleSince(new Date(store.now().getTime() - ARCHIVE_AFTER_UNUSED_MS));
      for (const skill of idle) archive(skill, 'system', 'unused');
      return idle;
    },

    /** Back to active (or pending/rejected when nothing was deployed); its 30 days start again. */
    restore: (skill: SkillState, actor: Actor): SkillStatus =>
      store.db.transaction(() => {
        const status = lifecycle.restore(skill.id);
        store.auditLog.append({ actor, event: 'skill.restored', skillSlug: skill.slug, versionId: skill.activeVersionId, data: { status } });
        return status;
      })(),
  };
}
export type LifecycleManager = ReturnType<typeof createLifecycleManager>;
