import { useFoundryStore } from '../../store/app-store.ts';
import type { FeedKind } from '../../store/feed.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { FeedPanel } from './FeedPanel.tsx';
import { executionColumns } from './execution-columns.tsx';
import { auditColumns } from './audit-columns.tsx';

const FEEDS: FeedKind[] = ['executions', 'audit'];

export function ActivityView() {
  const { t, locale } = useI18n();
  const current = useFoundryStore((state) => state.activityFeed);
  const showFeed = useFoundryStore((state) => state.showFeed);
  return (
    <ViewSection title={t('activity.title')} intro={t('activity.intro')}>
      <div className="segmented" role="group" aria-label={t('activity.show')}>
        {FEEDS.map((kind) => (
          <button key={kind} type="button" className="segmented__option" aria-pressed={kind === current} onClick={() => showFeed(kind)}>
            {t(`activity.${kind}`)}
          </button>
        ))}
      </div>
      {current === 'executions' ? (
        <FeedPanel
          key="executions"
          kind="executions"
          label={t('activity.executions')}
          columns={executionColumns(t, locale)}
          empty={{ title: t('executions.empty.title'), body: t('executions.empty.body') }}
        />
      ) : (
        <FeedPanel
          key="audit"
          kind="audit"
          label={t('activity.audit')}
          columns={auditColumns(t, locale)}
          empty={{ title: t('audit.empty.title'), body: t('audit.empty.body') }}
        />
      )}
    </ViewSection>
  );
}
