import { create } from 'zustand';
import type {
  ApiResult, AppInfo, LanguageSetting, Page, PageRequest, ReviewItem, Settings, SkillSummary,
} from '../../../shared/contract/index.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { callFoundry } from './outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from './loadable.ts';
import { emptyFeed, missingPages, FEED_PAGE_SIZE, type Feed, type FeedKind, type FeedRow } from './feed.ts';
import { rememberDetailOpener } from './detail-focus.ts';
import { showViewInLocation, viewFromHash, type ViewId } from './view-location.ts';
import { cleanFilter, type FeedFilter } from './feed-filter.ts';
import { useNewSkillStore } from './new-skill-store.ts';
import { useSecurityStore } from './security-store.ts';
import { useSchedulesStore } from './schedules-store.ts';
import { useMarketplaceStore } from './marketplace-store.ts';
import { useNotificationsStore } from './notifications-store.ts';
import { useTodayStore } from '../views/today/today-store.ts';
import { skillInLocation } from '../../../shared/contract/window-location.ts';

type Feeds = Record<FeedKind, Feed<FeedRow>>;

export interface SkillDetailTarget {
  slug: string;
  versionId: string | null;
  /** Bumped on every open, so opening the same skill again reloads it. */
  opened: number;
}

export interface SaveState {
  saving: boolean;
  saved: boolean;
  error: Localized | null;
}

export interface FoundryState {
  view: ViewId;
  info: Loadable<AppInfo>;
  settings: Loadable<Settings>;
  languageSave: SaveState;
  reviews: Loadable<ReviewItem[]>;
  skills: Loadable<SkillSummary[]>;
  activityFeed: FeedKind;
  /** Each Activity list's filters (skill, status, event), kept while switching between them. */
  activityFilters: Record<FeedKind, FeedFilter>;
  feeds: Feeds;
  /** The skill detail shown over the current view (code, findings, diff, versions), or null. */
  skillDetail: SkillDetailTarget | null;

  /** First load: settings (for the language), then the header and the current view. */
  start(): Promise<void>;
  navigate(view: ViewId): void;
  /** Reloads the header's counts and the current view's data. */
  refreshView(): Promise<void>;
  /** Reloads the header's counts and the sandbox's state only. */
  refreshInfo(): Promise<void>;
  /** After a decision (approve, reject, rollback): the counts, the review queue, the skills and the current view. */
  refreshAll(): Promise<void>;
  /** Opens a skill's detail, at `versionId` (else its pending, else its running version). */
  openSkillDetail(slug: string, versionId?: string): void;
  closeSkillDetail(): void;
  /** Shows what the URL's fragment names (main sets it to open a skill from a notification, or the Notifications view). */
  followLocation(): void;
  saveLanguage(language: LanguageSetting): Promise<void>;
  showFeed(kind: FeedKind): void;
  /** Narrows a list to `filter` and reads it again from its first page. */
  filterFeed(kind: FeedKind, filter: FeedFilter): void;
  /** Fetches the pages holding rows start..end (inclusive) that are not loaded yet. */
  loadFeedRange(kind: FeedKind, start: number, end: number): Promise<void>;
}

type LoadableKey = 'info' | 'settings' | 'reviews' | 'skills';
type DataOf<K extends LoadableKey> = FoundryState[K] extends Loadable<infer T> ? T : never;

function fetchFeedPage(kind: FeedKind, page: number, filter: FeedFilter): Promise<ApiResult<Page<FeedRow>>> {
  const request: PageRequest = { offset: page * FEED_PAGE_SIZE, limit: FEED_PAGE_SIZE, ...filter };
  // The feed kinds are named after their methods in foundry.activity.
  return window.foundry.activity[kind](request);
}

export const useFoundryStore = create<FoundryState>()((set, get) => {
  async function load<K extends LoadableKey>(key: K, call: () => Promise<ApiResult<DataOf<K>>>): Promise<void> {
    set((state) => ({ [key]: startLoading(state[key] as Loadable<DataOf<K>>) }));
    const outcome = await callFoundry(call);
    set((state) => ({ [key]: settle(state[key] as Loadable<DataOf<K>>, outcome) }));
  }

  function updateFeed(kind: FeedKind, update: (feed: Feed<FeedRow>) => Feed<FeedRow>): void {
    set((state) => ({ feeds: { ...state.feeds, [kind]: update(state.feeds[kind]) } }));
  }

  async function loadFeedPage(kind: FeedKind, page: number): Promise<void> {
    const { generation } = get().feeds[kind];
    updateFeed(kind, (feed) => ({ ...feed, pending: { ...feed.pending, [page]: true } }));
    const filter = get().activityFilters[kind];
    const outcome = await callFoundry(() => fetchFeedPage(kind, page, filter));
    updateFeed(kind, (feed) => {
      if (feed.generation !== generation) return feed;
      const { [page]: _answered, ...pending } = feed.pending;
      return outcome.ok
        ? { ...feed, pending, error: null, total: outcome.value.total, pages: { ...feed.pages, [page]: outcome.value.items } }
        : { ...feed, pending, error: outcome.error };
    });
  }

  function reloadFeed(kind: FeedKind): Promise<void> {
    updateFeed(kind, (feed) => emptyFeed(feed.generation + 1));
    return loadFeedPage(kind, 0);
  }

  return {
    view: viewFromHash(window.location.hash),
    info: notLoaded(),
    settings: notLoaded(),
    languageSave: { saving: false, saved: false, error: null },
    reviews: notLoaded(),
    skills: notLoaded(),
    activityFeed: 'executions',
    activityFilters: { executions: {}, audit: {} },
    feeds: { executions: emptyFeed(), audit: emptyFeed() },
    skillDetail: null,

    async start() {
      window.addEventListener('hashchange', () => get().followLocation());
      await load('settings', () => window.foundry.settings.get({}));
      await get().refreshView();
      const slug = skillInLocation(window.location.hash);
      if (slug) get().openSkillDetail(slug);
    },

    followLocation() {
      const { hash } = window.location;
      const view = viewFromHash(hash);
      const slug = skillInLocation(hash);
      // Back to the plain view name, so the same place asked for again is a change main can make.
      showViewInLocation(view);
      if (view !== get().view) {
        set({ view, skillDetail: null });
        void get().refreshView();
      } else if (view === 'notifications') {
        void useNotificationsStore.getState().load();
      }
      if (slug) get().openSkillDetail(slug);
    },

    navigate(view) {
      set({ view, skillDetail: null });
      showViewInLocation(view);
      void get().refreshView();
    },

    async refreshView() {
      const viewData: Record<ViewId, () => Promise<void>> = {
        today: () => useTodayStore.getState().load(),
        reviews: () => load('reviews', () => window.foundry.reviews.list({})),
        skills: () => load('skills', () => window.foundry.skills.list({})),
        activity: () => reloadFeed(get().activityFeed),
        'new-skill': () => useNewSkillStore.getState().loadSuggestions(),
        notifications: async () => {},
        schedules: () => useSchedulesStore.getState().load(),
        marketplace: () => useMarketplaceStore.getState().search(),
        settings: async () => {
          await Promise.all([load('settings', () => window.foundry.settings.get({})), useSecurityStore.getState().load()]);
        },
      };
      // The notifications load with every view: the navigation shows how many are unread.
      await Promise.all([load('info', () => window.foundry.app.info({})), useNotificationsStore.getState().load(), viewData[get().view]()]);
    },

    async refreshInfo() {
      await load('info', () => window.foundry.app.info({}));
    },

    async refreshAll() {
      const current = get().view;
      await Promise.all([
        get().refreshView(),
        current === 'reviews' ? null : load('reviews', () => window.foundry.reviews.list({})),
        current === 'skills' ? null : load('skills', () => window.foundry.skills.list({})),
      ]);
    },

    openSkillDetail(slug, versionId) {
      rememberDetailOpener();
      set((state) => ({ skillDetail: { slug, versionId: versionId ?? null, opened: (state.skillDetail?.opened ?? 0) + 1 } }));
    },

    closeSkillDetail() {
      set({ skillDetail: null });
    },

    async saveLanguage(language) {
      // The choice shows at once; if saving fails, the stored one comes back with the error.
      const previous = get().settings.data;
      set((state) => ({
        languageSave: { saving: true, saved: false, error: null },
        settings: previous ? { ...state.settings, data: { ...previous, language } } : state.settings,
      }));
      const outcome = await callFoundry(() => window.foundry.settings.update({ language }));
      if (!outcome.ok) {
        set((state) => ({ languageSave: { saving: false, saved: false, error: outcome.error }, settings: { ...state.settings, data: previous } }));
        return;
      }
      set((state) => ({ settings: settle(state.settings, outcome), languageSave: { saving: false, saved: true, error: null } }));
      // Saving writes an audit entry, so the header's counts change too.
      await load('info', () => window.foundry.app.info({}));
    },

    filterFeed(kind, filter) {
      set((state) => ({ activityFilters: { ...state.activityFilters, [kind]: cleanFilter(kind, filter) } }));
      void reloadFeed(kind);
    },

    showFeed(kind) {
      set({ activityFeed: kind });
      void reloadFeed(kind);
    },

    async loadFeedRange(kind, start, end) {
      await Promise.all(missingPages(get().feeds[kind], start, end).map((page) => loadFeedPage(kind, page)));
    },
  };
});
