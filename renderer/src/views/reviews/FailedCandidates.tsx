import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { AuditVerdict } from './AuditVerdict.tsx';
import { useReviewQueueStore } from './queue-store.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** Candidates that did not get through the audit or the dry run, with why; they never wait for approval. */
export function FailedCandidates() {
  const { t, localize } = useI18n();
  const failed = useReviewQueueStore((state) => state.failed);
  const openSkillDetail = useFoundryStore((state) => state.openSkillDetail);
  const items = failed.data ?? [];
  if (items.length === 0 && !failed.error) return null;
  return (
    <section className="failed" aria-labelledby="failed-heading">
      <h2 id="failed-heading" className="failed__title">{t('failed.title', { count: items.length })}</h2>
      <p className="muted failed__intro">{t('failed.intro')}</p>
      {failed.error && <p className="text-bad" role="alert">{localize(failed.error)}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <TableHead caption={t('failed.caption')} columns={[t('reviews.col.skill'), t('reviews.col.version'), t('failed.col.when'), t('reviews.col.audit'), t('failed.col.reason'), { label: t('history.actions'), hidden: true }]} />
            <tbody>
              {items.map(({ skill, version, reason }) => (
                <tr key={version.id}>
                  <th scope="row">
                    <span className="cell-title">{skill.name}</span>
                    <code className="cell-sub">{skill.slug}</code>
                  </th>
                  <td><code>{version.version}</code></td>
                  <td><DateTime iso={version.createdAt} /></td>
                  <td><AuditVerdict report={version.auditReport} /></td>
                  <td className="failed__reason">{reason ? localize(reason) : <span className="muted">{t('summary.failed.unknown')}</span>}</td>
                  <td>
                    <button type="button" className="button button--quiet rv-button-small" onClick={() => openSkillDetail(skill.slug, version.id)}>
                      {t('failed.details')}<span className="visually-hidden"> {t('reviews.openWhat', { name: skill.name, version: version.version })}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
