import { useCallback } from 'react';
import { useFoundryStore } from '../../store/app-store.ts';
import { rowAt, type FeedKind, type FeedRows } from '../../store/feed.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { VirtualTable, type Column } from '../../components/VirtualTable.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';

interface FeedPanelProps<K extends FeedKind> {
  kind: K;
  label: string;
  columns: Column<FeedRows[K]>[];
  empty: { title: string; body: string };
}

/** One of the Activity lists: fetched page by page as it scrolls, with its total, error and empty states. */
export function FeedPanel<K extends FeedKind>({ kind, label, columns, empty }: FeedPanelProps<K>) {
  const { t, locale, localize } = useI18n();
  const feed = useFoundryStore((state) => state.feeds[kind]);
  const loadFeedRange = useFoundryStore((state) => state.loadFeedRange);
  const showFeed = useFoundryStore((state) => state.showFeed);
  const loadRange = useCallback((first: number, last: number) => void loadFeedRange(kind, first, last), [kind, loadFeedRange]);

  const error = feed.error && <ErrorState message={localize(feed.error)} onRetry={() => showFeed(kind)} />;
  if (feed.total === null) return error || <Loading />;
  if (feed.total === 0) return <EmptyState title={empty.title} body={empty.body} />;
  return (
    <>
      {error}
      <p className="feed__total">{t('activity.total', { count: formatNumber(feed.total, locale) })}</p>
      <VirtualTable
        label={label}
        className={`vtable--${kind}`}
        columns={columns}
        total={feed.total}
        rowAt={(index) => rowAt(feed, index) as FeedRows[K] | undefined}
        loadingLabel={t('state.loading')}
        onVisibleRange={loadRange}
      />
    </>
  );
}
