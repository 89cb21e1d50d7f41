import { create } from 'zustand';
import type {
  ApiResult, AppInfo, LanguageSetting, Page, PageRequest, ReviewItem, Settings, SkillSummary,
} from '../../../shared/contract/index.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { callFoundry } from './outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from './loadable.ts';
import { emptyFeed, missingPages, FEED_PAGE_SIZE, type Feed, type FeedKind, type FeedRow } from './feed.ts';
import { showViewInLocation, viewFromHash, type ViewId } from './view-location.ts';

type Feeds = Record<FeedKind, Feed<FeedRow>>;

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
  feeds: Feeds;

  /** First load: settings (for the language), then the header and the current view. */
  start(): Promise<void>;
  navigate(view: ViewId): void;
  /** Reloads the header's counts and the current view's data. */
  refreshView(): Promise<void>;
  saveLanguage(language: LanguageSetting): Promise<void>;
  showFeed(kind: FeedKind): void;
  /** Fetches the pages holding rows start..end (inclusive) that are not loaded yet. */
  loadFeedRange(kind: FeedKind, start: number, end: number): Promise<void>;
}

type LoadableKey = 'info' | 'settings' | 'reviews' | 'skills';
type DataOf<K extends LoadableKey> = FoundryState[K] extends Loadable<infer T> ? T : never;

function fetchFeedPage(kind: FeedKind, page: number): Promise<ApiResult<Page<FeedRow>>> {
  const request: PageRequest = { offset: page * FEED_PAGE_SIZE, limit: FEED_PAGE_SIZE };
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
    const outcome = await callFoundry(() => fetchFeedPage(kind, page));
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
    feeds: { executions: emptyFeed(), audit: emptyFeed() },

    async start() {
      await load('settings', () => window.foundry.settings.get({}));
      await get().refreshView();
    },

    navigate(view) {
      set({ view });
      showViewInLocation(view);
      void get().refreshView();
    },

    async refreshView() {
      const viewData: Record<ViewId, () => Promise<void>> = {
        reviews: () => load('reviews', () => window.foundry.reviews.list({})),
        skills: () => load('skills', () => window.foundry.skills.list({})),
        activity: () => reloadFeed(get().activityFeed),
        settings: () => load('settings', () => window.foundry.settings.get({})),
      };
      await Promise.all([load('info', () => window.foundry.app.info({})), viewData[get().view]()]);
    },

    async saveLanguage(language) {
      set({ languageSave: { saving: true, saved: false, error: null } });
      const outcome = await callFoundry(() => window.foundry.settings.update({ language }));
      if (!outcome.ok) {
        set({ languageSave: { saving: false, saved: false, error: outcome.error } });
        return;
      }
      set((state) => ({ settings: settle(state.settings, outcome), languageSave: { saving: false, saved: true, error: null } }));
      // Saving writes an audit entry, so the header's counts change too.
      await load('info', () => window.foundry.app.info({}));
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
