import type { ReviewItem } from '../../../../shared/contract/index.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatTimeLeft } from '../../i18n/format.ts';
import { useNow } from '../../hooks/use-now.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { HashPrefix } from '../../components/HashPrefix.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { AuditVerdict } from './AuditVerdict.tsx';

export function ReviewQueueView() {
  const { t } = useI18n();
  const reviews = useFoundryStore((state) => state.reviews);
  return (
    <ViewSection title={t('reviews.title')} intro={t('reviews.intro')}>
      <LoadableContent
        state={reviews}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title={t('reviews.empty.title')} body={t('reviews.empty.body')} />}
      >
        {(items) => <ReviewTable items={items} />}
      </LoadableContent>
    </ViewSection>
  );
}

function ReviewTable({ items }: { items: ReviewItem[] }) {
  const { t } = useI18n();
  const now = useNow(30_000);
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('reviews.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviews.col.skill')}</th>
            <th scope="col">{t('reviews.col.version')}</th>
            <th scope="col">{t('reviews.col.hash')}</th>
            <th scope="col">{t('reviews.col.created')}</th>
            <th scope="col">{t('reviews.col.expires')}</th>
            <th scope="col">{t('reviews.col.audit')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.versionId}>
              <th scope="row">
                <span className="cell-title">{item.name}</span>
                <code className="cell-sub">{item.slug}</code>
              </th>
              <td>{item.version}</td>
              <td><HashPrefix sha256={item.contentSha256} title={t('reviews.hashTitle', { hash: item.contentSha256 })} /></td>
              <td><DateTime iso={item.createdAt} /></td>
              <td><TimeLeft expiresAt={item.expiresAt} now={now} /></td>
              <td><AuditVerdict report={item.audit} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The 24 h review window counting down; a version whose window has passed is on its way to auto-rejection. */
function TimeLeft({ expiresAt, now }: { expiresAt: string | null; now: number }) {
  const { t, locale } = useI18n();
  if (expiresAt === null) return <span className="muted">{t('reviews.noExpiry')}</span>;
  const left = formatTimeLeft(expiresAt, now, locale);
  return <time dateTime={expiresAt} className={left ? undefined : 'text-bad'}>{left ?? t('reviews.expired')}</time>;
}
