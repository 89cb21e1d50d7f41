// The Notifications view's data: what approved skills sent, newest first, with the unread count
// the navigation shows. Marking read asks main and then reads the list again.
import { create } from 'zustand';
import type { NotificationList } from '../../../shared/contract/notification-records.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { callFoundry } from './outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from './loadable.ts';

export interface NotificationsState {
  list: Loadable<NotificationList>;
  /** Why the last mark-read failed, until the next one. */
  markError: Localized | null;
  load(): Promise<void>;
  markRead(id: number): Promise<void>;
  markAllRead(): Promise<void>;
}

export const useNotificationsStore = create<NotificationsState>()((set, get) => {
  async function mark(call: () => ReturnType<typeof window.foundry.notifications.markAllRead>): Promise<void> {
    const outcome = await callFoundry(call);
    set({ markError: outcome.ok ? null : outcome.error });
    await get().load();
  }

  return {
    list: notLoaded(),
    markError: null,
    async load() {
      set((state) => ({ list: startLoading(state.list) }));
      const outcome = await callFoundry(() => window.foundry.notifications.list({}));
      set((state) => ({ list: settle(state.list, outcome) }));
    },
    markRead: (id) => mark(() => window.foundry.notifications.markRead({ ids: [id] })),
    markAllRead: () => mark(() => window.foundry.notifications.markAllRead({})),
  };
});
