import type { SkillVersionRecord } from '../../../../shared/contract/index.ts';
import type { Disclosure, DisclosureItem, RiskLevel } from '../../../../shared/skills/disclosure.ts';
import { isPlainHttp } from '../../../../shared/skills/http-capability.ts';
import type { AuditFinding } from '../../../../shared/skills/audit.ts';
import type { Locale } from '../../../../shared/i18n-types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import { AuditVerdict } from '../reviews/AuditVerdict.tsx';
import { callLabel, disclosureOf, dryRunOf, failureOf, previewJson } from '../../lib/records.ts';
import { TableHead } from '../../components/TableHead.tsx';

export const RISK_TONE = { low: 'good', medium: 'warn', high: 'bad' } as const satisfies Record<RiskLevel, BadgeTone>;
export const SEVERITY_TONE = { block: 'bad', warn: 'warn' } as const satisfies Record<AuditFinding['severity'], BadgeTone>;

/** Everything the owner should read before deciding: what the version may do, how risky it is, what the audit and the dry run found. */
export function ReviewSummary({ version, onShowLine }: { version: SkillVersionRecord; onShowLine: (line: number) => void }) {
  const { t, localize } = useI18n();
  const disclosure = disclosureOf(version);
  const failure = version.status === 'failed' ? failureOf(version) : null;
  return (
    <div className="summary">
      {version.status === 'failed' && (
        <div className="rv-callout rv-callout--bad">
          <h2 className="rv-callout__title">{t('summary.failed.title')}</h2>
          <p>{failure ? localize(failure.summary) : t('summary.failed.unknown')}</p>
        </div>
      )}
      <DisclosureCard disclosure={disclosure} />
      <AuditCard version={version} onShowLine={onShowLine} />
      <DryRunCard version={version} />
      <StepsCard version={version} />
    </div>
  );
}

function DisclosureCard({ disclosure }: { disclosure: Disclosure | null }) {
  const { t, localize, locale } = useI18n();
  if (!disclosure) {
    return (
      <section className="card" aria-labelledby="summary-disclosure">
        <h2 id="summary-disclosure" className="card__title">{t('summary.disclosure')}</h2>
        <p className="muted">{t('summary.noDisclosure')}</p>
      </section>
    );
  }
  const other: Locale = locale === 'pl' ? 'en' : 'pl';
  return (
    <section className="card disclosure" aria-labelledby="summary-disclosure">
      <h2 id="summary-disclosure" className="card__title">{t('summary.disclosure')}</h2>
      <p className="disclosure__title">{localize(disclosure.title)}</p>
      {disclosure.items.length === 0 ? (
        <p className="muted">{t('summary.noCapabilities')}</p>
      ) : (
        <CapabilityList items={disclosure.items} />
      )}
      <RiskAndWarnings disclosure={disclosure} />
      {disclosure.changes && (
        <div className="disclosure__changes">
          <h3 className="risk__heading">{t('summary.changesSince', { version: disclosure.changes.previousVersion })}</h3>
          {disclosure.changes.added.length === 0 && disclosure.changes.removed.length === 0 ? (
            <p className="muted">{t('summary.noCapabilityChanges')}</p>
          ) : (
            <CapabilityChanges added={disclosure.changes.added} removed={disclosure.changes.removed} />
          )}
        </div>
      )}
      <details className="disclosure__other" lang={other}>
        <summary>{t(other === 'en' ? 'summary.otherLanguage.en' : 'summary.otherLanguage.pl')}</summary>
        <pre className="disclosure__text">{disclosure.text[other]}</pre>
      </details>
    </section>
  );
}

/** The risk level with every reason for it, and the audit's warnings beside them: shown in the review and again in the approval dialog. */
export function RiskAndWarnings({ disclosure }: { disclosure: Disclosure }) {
  const { t, localize } = useI18n();
  return (
    <>
      <div className="risk" data-testid="risk">
        <h3 className="risk__heading">
          {t('summary.risk')} <Badge tone={RISK_TONE[disclosure.risk.level]}>{t(`risk.${disclosure.risk.level}`)}</Badge>
        </h3>
        {disclosure.risk.reasons.length > 0 && (
          <ul className="risk__reasons" aria-label={t('summary.riskReasons')}>
            {disclosure.risk.reasons.map((reason, index) => <li key={index}>{localize(reason)}</li>)}
          </ul>
        )}
      </div>
      {disclosure.warnings.length > 0 && (
        <div className="rv-callout rv-callout--warn">
          <h3 className="rv-callout__title">{t('summary.warnings')}</h3>
          <ul>{disclosure.warnings.map((warning, index) => <li key={index}>{localize(warning)}</li>)}</ul>
        </div>
      )}
    </>
  );
}

/** Marks an item that sends data over plain HTTP, where anyone on the way can read and change it. */
function UnencryptedMark({ item }: { item: DisclosureItem }) {
  const { t } = useI18n();
  if (item.kind !== 'http' || item.target === null || !isPlainHttp(item.target)) return null;
  return <><Badge tone="bad">{t('capability.unencrypted')}</Badge>{' '}</>;
}

export function CapabilityList({ items }: { items: DisclosureItem[] }) {
  const { t, localize } = useI18n();
  return (
    <ul className="capabilities">
      {items.map((item, index) => (
        <li key={index} className="capabilities__item">
          <span className={`rv-kind rv-kind--${item.kind}`}>{t(`capability.${item.kind}`)}</span>
          <span className="visually-hidden">: </span>
          <UnencryptedMark item={item} />
          <span>{localize(item.text)}</span>
          {item.details && <span className="capabilities__details muted"> ({localize(item.details)})</span>}
        </li>
      ))}
    </ul>
  );
}

export function CapabilityChanges({ added, removed }: { added: DisclosureItem[]; removed: DisclosureItem[] }) {
  const { t, localize } = useI18n();
  return (
    <ul className="capability-changes">
      {added.map((item, index) => (
        <li key={`a${index}`} className="capability-changes__item capability-changes__item--added">
          <Badge tone="warn">{t('changes.added')}</Badge> <UnencryptedMark item={item} />{localize(item.text)}
        </li>
      ))}
      {removed.map((item, index) => (
        <li key={`r${index}`} className="capability-changes__item capability-changes__item--removed">
          <Badge tone="neutral">{t('changes.removed')}</Badge> {localize(item.text)}
        </li>
      ))}
    </ul>
  );
}

function AuditCard({ version, onShowLine }: { version: SkillVersionRecord; onShowLine: (line: number) => void }) {
  const { t, localize } = useI18n();
  const report = version.auditReport;
  return (
    <section className="card" aria-labelledby="summary-audit">
      <h2 id="summary-audit" className="card__title">{t('summary.audit')} <AuditVerdict report={report} /></h2>
      {report && report.findings.length === 0 && <p className="muted">{t('summary.noFindings')}</p>}
      {report && report.findings.length > 0 && (
        <ul className="findings">
          {report.findings.map((finding, index) => (
            <li key={index} className={`finding finding--${finding.severity}`}>
              <div className="finding__head">
                <Badge tone={SEVERITY_TONE[finding.severity]}>{t(`severity.${finding.severity}`)}</Badge>
                <button type="button" className="rv-link-button" onClick={() => onShowLine(finding.line)}>
                  {t('summary.findingAt', { line: finding.line, column: finding.column })}
                </button>
                <code className="finding__rule">{finding.rule}</code>
              </div>
              <p className="finding__message">{localize(finding.message)}</p>
              {finding.excerpt && <pre className="finding__excerpt"><code>{finding.excerpt}</code></pre>}
            </li>
          ))}
        </ul>
      )}
      {report && <UsedCapabilities report={report} />}
    </section>
  );
}

function UsedCapabilities({ report }: { report: NonNullable<SkillVersionRecord['auditReport']> }) {
  const { t } = useI18n();
  const used = report.capabilities;
  const rows: [string, string[]][] = [
    [t('capability.read'), used.reads],
    [t('capability.write'), used.writes],
    [t('capability.http'), used.http],
    [t('capability.skill'), used.skills],
    [t('summary.blockedCalls'), used.blockedCalls],
  ];
  return (
    <details className="used">
      <summary>{t('summary.used')}</summary>
      <dl className="facts">
        {rows.map(([label, values]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd>{values.length ? values.map((value) => <code key={value} className="used__value">{value}</code>) : <span className="muted">{t('summary.none')}</span>}</dd>
          </div>
        ))}
        <div className="facts__row">
          <dt>{t('capability.notify')}</dt>
          <dd>{used.notifications ? t('summary.yes') : t('summary.no')}</dd>
        </div>
      </dl>
    </details>
  );
}

function DryRunCard({ version }: { version: SkillVersionRecord }) {
  const { t, locale } = useI18n();
  const report = dryRunOf(version);
  return (
    <section className="card" aria-labelledby="summary-dry-run">
      <h2 id="summary-dry-run" className="card__title">
        {t('summary.dryRun')}{' '}
        {report && <Badge tone={report.ok ? 'good' : 'bad'}>{t(report.ok ? 'summary.dryRun.ok' : 'summary.dryRun.failed')}</Badge>}
      </h2>
      <p className="muted card__intro">{t('summary.dryRun.intro')}</p>
      {!report ? (
        <p className="muted">{t('summary.dryRun.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table rv-table-compact">
            <TableHead caption={t('summary.dryRun')} columns={[t('summary.dryRun.call'), t('summary.dryRun.status'), { label: t('summary.dryRun.duration'), numeric: true }, t('summary.dryRun.result')]} />
            <tbody>
              {report.steps.map((step, index) => (
                <tr key={index}>
                  <th scope="row">
                    <code>{callLabel(step.input)}</code>
                    {'params' in step.input && step.input.params && <code className="cell-sub">{previewJson(step.input.params, 200)}</code>}
                  </th>
                  <td>
                    <Badge tone={step.status === 'succeeded' ? 'good' : 'bad'}>{t(`executionStatus.${step.status}`)}</Badge>
                  </td>
                  <td className="numeric">{t('executions.duration', { ms: formatNumber(Math.round(step.durationMs * 10) / 10, locale) })}</td>
                  <td className="dry-run__result">
                    {step.status === 'failed'
                      ? <span className="text-bad">{step.error ?? t('summary.dryRun.failed')}</span>
                      : <pre className="rv-json">{previewJson(step.result)}</pre>}
                    {step.notifications && (
                      <div className="dry-run__notified">
                        <span className="muted">{t('summary.dryRun.notified')}</span>
                        <ul>
                          {step.notifications.map((n, i) => <li key={i}><strong>{n.title}</strong> — {n.body}</li>)}
                        </ul>
                      </div>
                    )}
                    {step.http && (
                      <div className="dry-run__notified">
                        <span className="muted">{t('summary.dryRun.http')}</span>
                        <ul>
                          {step.http.map((request, i) => (
                            <li key={i}>
                              <code>{request.method}</code> {request.origin}{request.path} →{' '}
                              {request.status !== null ? request.status : <span className="text-bad">{request.error}</span>}
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
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

function StepsCard({ version }: { version: SkillVersionRecord }) {
  const { t, localize, locale } = useI18n();
  return (
    <section className="card" aria-labelledby="summary-steps">
      <h2 id="summary-steps" className="card__title">{t('summary.steps')}</h2>
      {version.steps.length === 0 ? (
        <p className="muted">{t('summary.steps.none')}</p>
      ) : (
        <ol className="steps">
          {version.steps.map((step, index) => (
            <li key={index} className={`steps__item steps__item--${step.status}`}>
              <span className="steps__name">
                {t(`step.${step.step}`)}
                {step.attempt > 1 && <span className="muted"> · {t('summary.steps.attempt', { attempt: step.attempt })}</span>}
              </span>
              <Badge tone={step.status === 'ok' ? 'good' : 'bad'}>{t(`stepStatus.${step.status}`)}</Badge>
              <span className="steps__duration muted">{t('executions.duration', { ms: formatNumber(Math.round(step.durationMs), locale) })}</span>
              <span className="steps__summary">{localize(step.summary)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
