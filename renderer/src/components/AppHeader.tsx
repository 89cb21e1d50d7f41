import type { StoreCounts } from '../../../shared/contract/index.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useFoundryStore } from '../store/app-store.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { formatNumber } from '../i18n/format.ts';

const COUNT_LABELS: Record<keyof StoreCounts, MessageKey> = {
  skills: 'counts.skills',
  pendingReviews: 'counts.pendingReviews',
  executions: 'counts.executions',
  auditEntries: 'counts.auditEntries',
};

/** The app's name and version, the store's counts, and a refresh of what is on screen. */
export function AppHeader() {
  const { t, locale } = useI18n();
  const info = useFoundryStore((state) => state.info.data);
  const loading = useFoundryStore((state) => state.info.loading);
  const refreshView = useFoundryStore((state) => state.refreshView);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true" />
        <span className="brand__name">{t('app.name')}</span>
        {info && <span className="brand__version">{t('app.version', { version: info.version })}</span>}
      </div>
      {info ? (
        <dl className="counts" aria-label={t('counts.label')}>
          {(Object.keys(COUNT_LABELS) as (keyof StoreCounts)[]).map((key) => (
            <div key={key} className="counts__item" data-count={key}>
              <dt>{t(COUNT_LABELS[key])}</dt>
              <dd>{formatNumber(info.counts[key], locale)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="counts muted">{t('app.loadingInfo')}</p>
      )}
      <button type="button" className="button button--quiet" onClick={() => void refreshView()} aria-busy={loading}>
        {t('action.refresh')}
      </button>
    </header>
  );
}
