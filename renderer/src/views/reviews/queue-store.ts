// The review queue's data beside the pending list (which app-store loads as `reviews`): the
// assistant's open review requests, the risk level of each pending version (from its disclosure),
// and the candidates that failed the pipeline since their skill's last good version.
import { create } from 'zustand';
import type { ReviewItem, SkillSummary, SkillVersionRecord } from '../../../../shared/contract/index.ts';
import type { ReviewRequestRecord } from '../../../../shared/contract/review-records.ts';
import type { Disclosure } from '../../../../shared/skills/disclosure.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { callFoundry, type Outcome } from '../../store/outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from '../../store/loadable.ts';
import { disclosureOf, failureOf } from '../../lib/records.ts';

export interface FailedCandidate {
  skill: SkillSummary;
  version: SkillVersionRecord;
  /** The last failed pipeline step's summary. */
  reason: Localized | null;
}

export interface ReviewQueueState {
  requests: Loadable<ReviewRequestRecord[]>;
  failed: Loadable<FailedCandidate[]>;
  /** By version id: the pending version's risk, null when it has no disclosure. */
  risks: Record<string, Disclosure['risk'] | null>;
  load(pending: ReviewItem[]): Promise<void>;
  /** Closes a request without acting on it; the engine's refusal, if any. */
  dismiss(id: number): Promise<Localized | null>;
}

/**
 * Failed versions newer than the skill's newest version that got through the pipeline: what the
 * assistant tried since and could not get past the audit or the dry run.
 */
export function recentFailures(skill: SkillSummary, versions: SkillVersionRecord[]): FailedCandidate[] {
  const lastGood = versions.filter((v) => v.status !== 'failed').reduce((latest, v) => (v.createdAt > latest ? v.createdAt : latest), '');
  return versions
    .filter((v) => v.status === 'failed' && v.createdAt > lastGood)
    .map((version) => ({ skill, version, reason: failureOf(version)?.summary ?? null }));
}

async function loadFailed(): Promise<Outcome<FailedCandidate[]>> {
  const skills = await callFoundry(() => window.foundry.skills.list({}));
  if (!skills.ok) return skills;
  const lists = await Promise.all(
    skills.value
      .filter((skill) => skill.status !== 'archived')
      .map(async (skill) => ({ skill, versions: await callFoundry(() => window.foundry.versions.list({ slug: skill.slug })) })),
  );
  const failed: FailedCandidate[] = [];
  for (const { skill, versions } of lists) {
    if (!versions.ok) return versions;
    failed.push(...recentFailures(skill, versions.value));
  }
  failed.sort((a, b) => b.version.createdAt.localeCompare(a.version.createdAt));
  return { ok: true, value: failed };
}

export const useReviewQueueStore = create<ReviewQueueState>()((set, get) => {
  async function loadRequests() {
    set((state) => ({ requests: startLoading(state.requests) }));
    const outcome = await callFoundry(() => window.foundry.reviewRequests.list({ status: 'open' }));
    set((state) => ({ requests: settle(state.requests, outcome) }));
  }

  async function loadRisks(pending: ReviewItem[]) {
    // A version's content never changes under its id, so a risk once read is kept.
    const missing = pending.filter((item) => !(item.versionId in get().risks));
    const answers = await Promise.all(missing.map((item) => callFoundry(() => window.foundry.versions.get({ versionId: item.versionId }))));
    const risks: ReviewQueueState['risks'] = {};
    answers.forEach((answer, index) => {
      if (answer.ok) risks[missing[index]!.versionId] = disclosureOf(answer.value)?.risk ?? null;
    });
    set((state) => ({ risks: { ...state.risks, ...risks } }));
  }

  async function loadFailedCandidates() {
    set((state) => ({ failed: startLoading(state.failed) }));
    const outcome = await loadFailed();
    set((state) => ({ failed: settle(state.failed, outcome) }));
  }

  return {
    requests: notLoaded(),
    failed: notLoaded(),
    risks: {},

    async load(pending) {
      await Promise.all([loadRequests(), loadRisks(pending), loadFailedCandidates()]);
    },

    async dismiss(id) {
      const outcome = await callFoundry(() => window.foundry.reviewRequests.dismiss({ id }));
      await loadRequests();
      return outcome.ok ? null : outcome.error;
    },
  };
});
