import type { ExecutionRecord } from '../../../../shared/contract/index.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { Badge } from '../../components/Badge.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { describeRequest } from '../../lib/http-requests.ts';

/** The execution record a run left in the store: what ran, how it ended, and fingerprints of its input and output. */
export function ExecutionFacts({ record }: { record: ExecutionRecord }) {
  const { t, locale } = useI18n();
  return (
    <dl className="facts facts--record">
      <dt>{t('runRecord.id')}</dt>
      <dd className="numeric-left">#{formatNumber(record.id, locale)}</dd>
      <dt>{t('runRecord.status')}</dt>
      <dd>
        <Badge tone={record.status === 'succeeded' ? 'good' : 'bad'}>{t(`executionStatus.${record.status}`)}</Badge>
        {record.error && <span className="record__error"> {record.error}</span>}
      </dd>
      <dt>{t('runRecord.action')}</dt>
      <dd><code>{record.action}</code>{record.version && <span className="muted"> · {t('runRecord.version', { version: record.version })}</span>}</dd>
      <dt>{t('runRecord.started')}</dt>
      <dd><DateTime iso={record.startedAt} /></dd>
      <dt>{t('runRecord.duration')}</dt>
      <dd>{t('executions.duration', { ms: formatNumber(Math.round(record.durationMs * 10) / 10, locale) })}</dd>
      <dt>{t('runRecord.input')}</dt>
      <dd><code className="hash-full">{record.inputSha256}</code></dd>
      <dt>{t('runRecord.output')}</dt>
      <dd>{record.outputSha256 ? <code className="hash-full">{record.outputSha256}</code> : <span className="muted">{t('runRecord.noOutput')}</span>}</dd>
      {record.http.length > 0 && (
        <>
          <dt>{t('runRecord.network')}</dt>
          <dd>
            <ul className="record__requests">
              {record.http.map((request, index) => <li key={index}>{describeRequest(request, t, locale)}</li>)}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
