import type { PageRequest } from '../../../shared/contract/index.ts';
import type { FeedKind } from './feed.ts';

/** What an Activity list is narrowed to: the paged methods' optional filters (exact matches). */
export type FeedFilter = Pick<PageRequest, 'skillSlug' | 'status' | 'event'>;

/** The filter fields as typed in the form, before cleanFilter. */
export type FilterDraft = Partial<Record<keyof FeedFilter, string>>;

/** Which filters each list's method takes. */
const FILTER_KEYS: Record<FeedKind, (keyof FeedFilter)[]> = {
  executions: ['skillSlug', 'status'],
  audit: ['event', 'skillSlug'],
};

/** The filter as the method takes it: trimmed, empty fields and fields the list does not take left out. */
export function cleanFilter(kind: FeedKind, filter: FilterDraft): FeedFilter {
  const clean: FeedFilter = {};
  for (const key of FILTER_KEYS[kind]) {
    const value = filter[key]?.trim();
    if (!value) continue;
    if (key === 'status') {
      if (value === 'succeeded' || value === 'failed') clean.status = value;
    } else clean[key] = value;
  }
  return clean;
}

export function isFiltered(filter: FilterDraft): boolean {
  return Object.values(filter).some((value) => value !== undefined && value !== '');
}
