// One pending proposal per skill. When a new version of a skill starts waiting for approval, the
// versions of that skill still waiting are closed as replaced (status `rejected`, reason
// "replaced by 1.2.0", audit event `skill.proposal-replaced`), so the owner never has to choose
// between two proposals for the same thing — nor approve the older after the newer.
// Run it in the same transaction that stores the new proposal: a failed generation replaces nothing.
import type { Actor, SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { FoundryStore } from '../../store/index.ts';
import type { RegistryRepositories } from '../registry/registry-repositories.ts';
import { closePending } from './close-pending.ts';

/** The versions it replaced, oldest first. */
export function replacePendingProposals(
  store: Pick<FoundryStore, 'db' | 'versions' | 'auditLog'>, repos: RegistryRepositories, proposal: SkillVersionRecord, actor: Actor,
): SkillVersionRecord[] {
  const waiting = store.versions.listForSkill(proposal.slug).filter((v) => v.status === 'pending' && v.id !== proposal.id).reverse();
  return waiting.filter((old) => closePending(store, repos, old, actor, `replaced by ${proposal.version}`, {
    to: 'rejected', event: 'skill.proposal-replaced', data: { replacedBy: proposal.version, replacedByVersionId: proposal.id },
  }));
}
