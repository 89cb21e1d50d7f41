import type { SkillVersionRecord } from '../../../../shared/contract/index.ts';
import type { ApprovalRecord, FactorCheck, SkillDetails } from '../../../../shared/contract/review-records.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { HashPrefix } from '../../components/HashPrefix.tsx';
import { VERSION_STATUS_TONE } from './version-status.ts';
import { TableHead } from '../../components/TableHead.tsx';

const OUTCOME_TONE = { approved: 'good', rejected: 'bad', refused: 'warn' } as const satisfies Record<ApprovalRecord['outcome'], BadgeTone>;

interface HistoryPanelProps {
  details: SkillDetails;
  selectedId: string;
  onShow: (versionId: string) => void;
  onRollback: (version: SkillVersionRecord) => void;
}

/** Every version of the skill, which one runs, and every approval attempt: who, when, which hash, which factors. */
export function HistoryPanel({ details, selectedId, onShow, onRollback }: HistoryPanelProps) {
  const { t } = useI18n();
  const { skill, versions, approvals } = details;
  const tagOf = new Map(versions.map((v) => [v.id, v.version]));
  return (
    <div className="history">
      <section aria-labelledby="history-versions">
        <h2 id="history-versions" className="card__title">{t('history.versions')}</h2>
        <div className="table-wrap">
          <table className="table rv-table-compact">
            <TableHead caption={t('history.versions')} columns={[t('reviews.col.version'), t('detail.fact.status'), t('reviews.col.hash'), t('detail.fact.proposed'), t('detail.fact.decided'), { label: t('history.actions'), hidden: true }]} />
            <tbody>
              {versions.map((version) => {
                const running = skill.activeVersion === version.version && version.status === 'approved';
                const canRollBack = version.status === 'approved' && !running && skill.status !== 'archived';
                return (
                  <tr key={version.id} aria-current={version.id === selectedId ? 'true' : undefined} className={version.id === selectedId ? 'is-selected' : undefined}>
                    <th scope="row">
                      <span className="cell-title">{version.version}</span>
                      {running && <Badge tone="good">{t('history.running')}</Badge>}
                    </th>
                    <td><Badge tone={VERSION_STATUS_TONE[version.status]}>{t(`versionStatus.${version.status}`)}</Badge></td>
                    <td><HashPrefix sha256={version.contentSha256} /></td>
                    <td><DateTime iso={version.createdAt} /></td>
                    <td>
                      {version.decidedAt ? (
                        <>
                          <DateTime iso={version.decidedAt} />
                          {version.decidedBy && <span className="cell-sub">{t(`actor.${version.decidedBy}`)}</span>}
                        </>
                      ) : <span className="muted">—</span>}
                    </td>
                    <td>
                      <div className="history__actions">
                        <button type="button" className="button button--quiet rv-button-small" onClick={() => onShow(version.id)}>
                          {t('history.show')}<span className="visually-hidden"> {version.version}</span>
                        </button>
                        {canRollBack && (
                          <button type="button" className="button button--quiet rv-button-small" onClick={() => onRollback(version)}>
                            {t('detail.rollbackTo', { version: version.version })}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="history-approvals">
        <h2 id="history-approvals" className="card__title">{t('history.approvals')}</h2>
        {approvals.length === 0 ? (
          <p className="muted">{t('history.noApprovals')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table rv-table-compact">
              <TableHead caption={t('history.approvals')} columns={[t('history.when'), t('reviews.col.version'), t('history.outcome'), t('history.by'), t('reviews.col.hash'), t('history.factors'), t('detail.fact.reason')]} />
              <tbody>
                {[...approvals].reverse().map((approval) => (
                  <tr key={approval.id}>
                    <td><DateTime iso={approval.createdAt} /></td>
                    <td>{tagOf.get(approval.versionId) ?? '—'}</td>
                    <td><Badge tone={OUTCOME_TONE[approval.outcome]}>{t(`outcome.${approval.outcome}`)}</Badge></td>
                    <td>{actorName(approval.actor, t)}</td>
                    <td><HashPrefix sha256={approval.contentSha256} /></td>
                    <td>{approval.factors.length === 0 ? <span className="muted">—</span> : <Factors factors={approval.factors} />}</td>
                    <td className="history__reason">{approval.reason ? reasonText(approval, t) : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

type T = ReturnType<typeof useI18n>['t'];

function actorName(actor: string, t: T): string {
  return actor === 'owner' || actor === 'assistant' || actor === 'scheduler' || actor === 'system' ? t(`actor.${actor}`) : actor;
}

/** A refusal's stored reason is a code (totp-invalid…); shown as words where there are words for it. */
function reasonText(approval: ApprovalRecord, t: T): string {
  const reason = approval.reason ?? '';
  return approval.outcome === 'refused' && isRefusalReason(reason) ? t(`refusal.${reason}`) : reason;
}

const REFUSAL_REASONS = [
  'totp-invalid', 'totp-replayed', 'totp-locked', 'totp-required', 'totp-not-enrolled', 'biometric-cancelled', 'biometric-failed',
  'biometric-unavailable', 'no-biometric', 'content-changed', 'expired', 'not-pending', 'factors-unavailable', 'forbidden', 'not-found',
] as const;
type RefusalReason = (typeof REFUSAL_REASONS)[number];
const isRefusalReason = (value: string): value is RefusalReason => (REFUSAL_REASONS as readonly string[]).includes(value);

function Factors({ factors }: { factors: FactorCheck[] }) {
  const { t } = useI18n();
  return (
    <ul className="factors">
      {factors.map((factor, index) => (
        <li key={index} className={factor.ok ? 'factors__item factors__item--ok' : 'factors__item factors__item--failed'}>
          <span aria-hidden="true">{factor.ok ? '✓' : '✗'}</span>{' '}
          {t(factor.factor === 'totp' ? 'factor.totp' : 'factor.biometric')}
          {factor.provider && <span className="muted"> ({factor.provider})</span>}
          <span className="visually-hidden"> {t(factor.ok ? 'factor.passed' : 'factor.failed')}</span>
          {!factor.ok && factor.reason && <span className="muted"> · {factor.reason}</span>}
        </li>
      ))}
    </ul>
  );
}
