import type { FoundryStore } from '../../store/index.ts';
import { createApprovalsRepository } from '../../store/repositories/approvals.ts';
import { createReviewRequestsRepository } from '../../store/repositories/review-requests.ts';
import { createSkillLifecycleRepository } from '../../store/repositories/skill-lifecycle.ts';

/** The registry's own repositories over the store's database, made once and shared by its parts. */
export function createRegistryRepositories(store: Pick<FoundryStore, 'db' | 'now'>) {
  return {
    approvals: createApprovalsRepository(store.db, store.now),
    lifecycle: createSkillLifecycleRepository(store.db, store.now),
    reviewRequests: createReviewRequestsRepository(store.db, store.now),
  };
}
export type RegistryRepositories = ReturnType<typeof createRegistryRepositories>;
