import type { AuditEntry, ExecutionRecord } from '../../../shared/contract/index.ts';
import type { Localized } from '../../../shared/i18n-types.ts';

/** The Activity view's two paged lists; each name is also its method in foundry.activity. */
export type FeedKind = 'executions' | 'audit';
export interface FeedRows {
  executions: ExecutionRecord;
  audit: AuditEntry;
}
export type FeedRow = FeedRows[FeedKind];

export const FEED_PAGE_SIZE = 100;

/**
 * A long list read page by page (offset/limit), so 100,000 rows never travel at once: only the
 * pages a person scrolls to are fetched. A reload bumps `generation`, and answers to an older
 * generation are dropped.
 */
export interface Feed<T> {
  total: number | null;
  pages: Record<number, T[]>;
  pending: Record<number, true>;
  error: Localized | null;
  generation: number;
}

export function emptyFeed<T>(generation = 0): Feed<T> {
  return { total: null, pages: {}, pending: {}, error: null, generation };
}

export function rowAt<T>(feed: Feed<T>, index: number): T | undefined {
  return feed.pages[Math.floor(index / FEED_PAGE_SIZE)]?.[index % FEED_PAGE_SIZE];
}

/** Pages covering rows start..end (inclusive) that are neither loaded nor being loaded. */
export function missingPages<T>(feed: Feed<T>, start: number, end: number): number[] {
  const pages: number[] = [];
  for (let page = Math.floor(start / FEED_PAGE_SIZE); page <= Math.floor(end / FEED_PAGE_SIZE); page++) {
    if (!feed.pages[page] && !feed.pending[page]) pages.push(page);
  }
  return pages;
}
