import { useFoundryStore } from '../../store/app-store.ts';
import type { FeedKind } from '../../store/feed.ts';
import { isFiltered } from '../../store/feed-filter.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { FeedPanel } from './FeedPanel.tsx';
import { ActivityFilters } from './ActivityFilters.tsx';
import { ChainStatus } from './ChainStatus.tsx';
import { executionColumns } from './execution-columns.tsx';
import { auditColumns } from './audit-columns.tsx';
import '../../workbench.css';

const FEEDS: FeedKind[] = ['executions', 'audit'];

export function ActivityView() {
  const { t, locale } = useI18n();
  const current = useFoundryStore((state) => state.activityFeed);
  const filtered = useFoundryStore((state) => isFiltered(state.activityFilters[state.activityFeed]));
  const showFeed = useFoundryStore((state) => state.showFeed);
  const noMatch = { title: t('filters.empty.title'), body: t('filters.empty.body') };
  return (
    <ViewSection title={t('activity.title')} intro={t('activity.intro')}>
      <ChainStatus />
      <div className="segmented" role="group" aria-label={t('activity.show')}>
        {FEEDS.map((kind) => (
          <button key={kind} type="button" className="segmented__option" aria-pressed={kind === current} onClick={() => showFeed(kind)}>
            {t(`activity.${kind}`)}
          </button>
        ))}
      </div>
      <ActivityFilters key={`filters-${current}`} kind={current} />
      {current === 'executions' ? (
        <FeedPanel
          key="executions"
          kind="executions"
          label={t('activity.executions')}
          columns={executionColumns(t, locale)}
          empty={filtered ? noMatch : { title: t('executions.empty.title'), body: t('executions.empty.body') }}
        />
      ) : (
        <FeedPanel
          key="audit"
          kind="audit"
          label={t('activity.audit')}
          columns={auditColumns(t, locale)}
          empty={filtered ? noMatch : { title: t('audit.empty.title'), body: t('audit.empty.body') }}
        />
      )}
    </ViewSection>
  );
}
