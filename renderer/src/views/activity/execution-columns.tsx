import type { ExecutionRecord } from '../../../../shared/contract/index.ts';
import { describeRequest } from '../../lib/http-requests.ts';
import type { Locale } from '../../../../shared/i18n-types.ts';
import type { Translate } from '../../i18n/translate.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Column } from '../../components/VirtualTable.tsx';
import { Badge } from '../../components/Badge.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { triggerLabel } from '../../../../shared/skills/triggers.ts';

export function executionColumns(t: Translate, locale: Locale): Column<ExecutionRecord>[] {
  return [
    { id: 'started', header: t('executions.col.started'), cell: (row) => <DateTime iso={row.startedAt} /> },
    { id: 'skill', header: t('executions.col.skill'), cell: (row) => <code title={row.skillSlug}>{row.skillSlug}</code> },
    { id: 'version', header: t('executions.col.version'), cell: (row) => row.version ?? '—' },
    { id: 'action', header: t('executions.col.action'), cell: (row) => <span title={row.action}>{row.action}</span> },
    {
      id: 'trigger',
      header: t('executions.col.trigger'),
      cell: (row) => (
        <span className="cell-stack" title={`${row.trigger} · ${t(`actor.${row.actor}`)}`}>
          <span>{triggerLabel(row.trigger)[locale]}</span>
          <span className="cell-stack__sub">{t(`actor.${row.actor}`)}</span>
          {row.triggeredBy && <span className="cell-stack__sub">{t('executions.calledBy', { caller: row.triggeredBy })}</span>}
        </span>
      ),
    },
    {
      id: 'status',
      header: t('executions.col.status'),
      cell: (row) => (
        <span title={row.error ?? undefined}>
          <Badge tone={row.status === 'succeeded' ? 'good' : 'bad'}>{t(`executionStatus.${row.status}`)}</Badge>
        </span>
      ),
    },
    {
      id: 'duration',
      header: t('executions.col.duration'),
      cell: (row) => <span className="numeric">{t('executions.duration', { ms: formatNumber(Math.round(row.durationMs), locale) })}</span>,
    },
    {
      id: 'network',
      header: t('executions.col.network'),
      cell: (row) => {
        const [first] = row.http;
        if (!first) return <span className="cell-stack__sub">—</span>;
        return (
          <span className="cell-stack" title={row.http.map((request) => describeRequest(request, t, locale)).join('\n')}>
            <span><code>{first.method}</code> {first.origin}{first.path}</span>
            <span className="cell-stack__sub">
              {first.status ?? t('executions.network.noAnswer')}
              {row.http.length > 1 ? ` · ${t('executions.network.more', { count: formatNumber(row.http.length - 1, locale) })}` : ''}
            </span>
          </span>
        );
      },
    },
    {
      id: 'hashes',
      header: t('executions.col.hashes'),
      cell: (row) => (
        <span className="hash-pair" title={t('executions.hashes.title', { input: row.inputSha256, output: row.outputSha256 ?? '—' })}>
          <span><span className="hash-pair__label">{t('executions.hashes.in')}</span> <code>{row.inputSha256.slice(0, 8)}</code></span>
          <span><span className="hash-pair__label">{t('executions.hashes.out')}</span> <code>{row.outputSha256?.slice(0, 8) ?? '—'}</code></span>
        </span>
      ),
    },
  ];
}

