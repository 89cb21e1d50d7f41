// The Schedules view's data: every schedule with its next run and last result. Each change asks
// main (which checks it and answers a bilingual refusal) and then reads the list again.
import { create } from 'zustand';
import type { ScheduleRecord } from '../../../shared/skills/schedules.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { ApiResult } from '../../../shared/contract/index.ts';
import { callFoundry } from './outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from './loadable.ts';

export type ScheduleChange = 'pause' | 'resume' | 'runNow' | 'remove' | 'confirm' | 'decline';

export interface SchedulesState {
  list: Loadable<ScheduleRecord[]>;
  /** Why the last change was refused, with the schedule it was about, until the next change. */
  changeError: { id: number; message: Localized } | null;
  load(): Promise<void>;
  change(id: number, change: ScheduleChange): Promise<void>;
  edit(id: number, spec: Record<string, unknown>): Promise<boolean>;
}

export const useSchedulesStore = create<SchedulesState>()((set, get) => {
  async function after(id: number, call: () => Promise<ApiResult<unknown>>): Promise<boolean> {
    const outcome = await callFoundry(call);
    set({ changeError: outcome.ok ? null : { id, message: outcome.error } });
    await get().load();
    return outcome.ok;
  }

  return {
    list: notLoaded(),
    changeError: null,
    async load() {
      set((state) => ({ list: startLoading(state.list) }));
      const outcome = await callFoundry(() => window.foundry.schedules.list({}));
      set((state) => ({ list: settle(state.list, outcome) }));
    },
    async change(id, change) {
      await after(id, () => window.foundry.schedules[change]({ id }));
    },
    edit: (id, spec) => after(id, () => window.foundry.schedules.edit({ id, spec })),
  };
});
