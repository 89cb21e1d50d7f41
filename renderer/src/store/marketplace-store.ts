// The Marketplace view's data: listings from the registries config.yaml names (searched and
// filtered in main), one listing checked on this computer, and the outcome of an install request,
// which only ever puts a pending version in the review queue.
import { create } from 'zustand';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { ListingDetail, MarketInstallView, MarketSearchResult } from '../../../shared/contract/market-records.ts';
import { callFoundry } from './outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from './loadable.ts';

export interface MarketplaceState {
  query: string;
  category: string | null;
  results: Loadable<MarketSearchResult>;
  /** The listing opened, checked here (downloaded, verified, audited), by id. */
  detail: Loadable<ListingDetail>;
  openId: string | null;
  installing: boolean;
  installed: MarketInstallView | null;
  installError: Localized | null;
  search(query?: string, category?: string | null): Promise<void>;
  open(id: string): Promise<void>;
  install(id: string): Promise<void>;
}

export const useMarketplaceStore = create<MarketplaceState>()((set, get) => ({
  query: '',
  category: null,
  results: notLoaded(),
  detail: notLoaded(),
  openId: null,
  installing: false,
  installed: null,
  installError: null,
  async search(query = get().query, category = get().category) {
    set((state) => ({ query, category, results: startLoading(state.results) }));
    const outcome = await callFoundry(() => window.foundry.market.search({ query, ...(category ? { category } : {}) }));
    set((state) => ({ results: settle(state.results, outcome) }));
  },
  async open(id) {
    set({ openId: id, detail: startLoading(notLoaded()), installed: null, installError: null });
    const outcome = await callFoundry(() => window.foundry.market.show({ id }));
    if (get().openId === id) set((state) => ({ detail: settle(state.detail, outcome) }));
  },
  async install(id) {
    set({ installing: true, installed: null, installError: null });
    const outcome = await callFoundry(() => window.foundry.market.install({ id }));
    set(outcome.ok ? { installing: false, installed: outcome.value } : { installing: false, installError: outcome.error });
  },
}));
