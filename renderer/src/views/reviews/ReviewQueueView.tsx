import { useEffect } from 'react';
import type { ReviewItem } from '../../../../shared/contract/index.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { HashPrefix } from '../../components/HashPrefix.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { Badge } from '../../components/Badge.tsx';
import { AuditVerdict } from './AuditVerdict.tsx';
import { TimeLeft } from './TimeLeft.tsx';
import { ReviewRequests } from './ReviewRequests.tsx';
import { FailedCandidates } from './FailedCandidates.tsx';
import { useReviewQueueStore } from './queue-store.ts';
import { RISK_TONE } from '../skill-detail/ReviewSummary.tsx';
import '../skill-detail/skill-detail.css';
import { TableHead } from '../../components/TableHead.tsx';

export function ReviewQueueView() {
  const { t } = useI18n();
  const reviews = useFoundryStore((state) => state.reviews);
  const load = useReviewQueueStore((state) => state.load);

  // Whenever the pending list is (re)loaded, so are the requests, risks and failed candidates beside it.
  useEffect(() => {
    if (reviews.data) void load(reviews.data);
  }, [reviews.data, load]);

  return (
    <ViewSection title={t('reviews.title')} intro={t('reviews.intro')}>
      <ReviewRequests />
      <LoadableContent
        state={reviews}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title={t('reviews.empty.title')} body={t('reviews.empty.body')} />}
      >
        {(items) => <ReviewTable items={items} />}
      </LoadableContent>
      <FailedCandidates />
    </ViewSection>
  );
}

function ReviewTable({ items }: { items: ReviewItem[] }) {
  const { t, localize } = useI18n();
  const openSkillDetail = useFoundryStore((state) => state.openSkillDetail);
  const risks = useReviewQueueStore((state) => state.risks);
  return (
    <div className="table-wrap">
      <table className="table review-table">
        <TableHead caption={t('reviews.title')} columns={[t('reviews.col.skill'), t('reviews.col.version'), t('reviews.col.hash'), t('reviews.col.created'), t('reviews.col.expires'), t('reviews.col.audit'), t('reviews.col.risk'), { label: t('history.actions'), hidden: true }]} />
        <tbody>
          {items.map((item) => {
            const risk = risks[item.versionId];
            return (
              <tr key={item.versionId}>
                <th scope="row">
                  <span className="cell-title">{item.name}</span>
                  <code className="cell-sub">{item.slug}</code>
                </th>
                <td>{item.version}</td>
                <td><HashPrefix sha256={item.contentSha256} title={t('reviews.hashTitle', { hash: item.contentSha256 })} /></td>
                <td><DateTime iso={item.createdAt} /></td>
                <td><TimeLeft expiresAt={item.expiresAt} /></td>
                <td><AuditVerdict report={item.audit} /></td>
                <td>
                  {risk === undefined ? <span className="muted">…</span>
                    : risk === null ? <span className="muted">{t('reviews.noRisk')}</span>
                    : <span title={risk.reasons.map(localize).join('\n')}><Badge tone={RISK_TONE[risk.level]}>{t(`risk.${risk.level}`)}</Badge></span>}
                </td>
                <td>
                  <button type="button" className="button rv-button-small" onClick={() => openSkillDetail(item.slug, item.versionId)}>
                    {t('reviews.open')}<span className="visually-hidden"> {t('reviews.openWhat', { name: item.name, version: item.version })}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
