// The home view's data: every active skill's card, the next runs, the latest notifications, read
// by main through the sandbox (main caches each card for a few seconds and reads it again after
// any run of its skill). A quick entry runs the action like the run panel does, then reads again.
import { create } from 'zustand';
import type { TodayBoard } from '../../../../shared/contract/index.ts';
import type { ExecuteResult } from '../../../../shared/contract/review-records.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { callFoundry } from '../../store/outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from '../../store/loadable.ts';

/** How the last quick entry of a card ended: the skill's own refusal is its words, a failure is ours in both languages. */
export type EntryOutcome = { state: 'saved' } | { state: 'refused'; reason: string } | { state: 'failed'; message: Localized };

export interface TodayState {
  board: Loadable<TodayBoard>;
  /** The last quick entry's outcome per skill slug, until the next one. */
  entries: Record<string, EntryOutcome>;
  load(): Promise<void>;
  quickEntry(slug: string, action: string, params: Record<string, unknown>): Promise<void>;
}

function refusalOf(outcome: ExecuteResult): string | null {
  const result = outcome.result as { success?: unknown; error?: unknown } | null;
  if (typeof result !== 'object' || result === null || result.success !== false) return null;
  return typeof result.error === 'string' ? result.error : '';
}

export const useTodayStore = create<TodayState>()((set, get) => ({
  board: notLoaded(),
  entries: {},
  async load() {
    set((state) => ({ board: startLoading(state.board) }));
    const outcome = await callFoundry(() => window.foundry.today.get({}));
    set((state) => ({ board: settle(state.board, outcome) }));
  },
  async quickEntry(slug, action, params) {
    const outcome = await callFoundry(() => window.foundry.skills.run({ slug, action, params }));
    const entry: EntryOutcome = !outcome.ok
      ? { state: 'failed', message: outcome.error }
      : refusalOf(outcome.value.outcome) !== null ? { state: 'refused', reason: refusalOf(outcome.value.outcome)! } : { state: 'saved' };
    set((state) => ({ entries: { ...state.entries, [slug]: entry } }));
    await get().load();
  },
}));
