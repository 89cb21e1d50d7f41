import type { ExecutionRecord } from '../../../../shared/contract/index.ts';
import type { Locale } from '../../../../shared/i18n-types.ts';
import type { Translate } from '../../i18n/translate.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Column } from '../../components/VirtualTable.tsx';
import { Badge } from '../../components/Badge.tsx';
import { DateTime } from '../../components/DateTime.tsx';

export function executionColumns(t: Translate, locale: Locale): Column<ExecutionRecord>[] {
  return [
    { id: 'started', header: t('executions.col.started'), cell: (row) => <DateTime iso={row.startedAt} /> },
    { id: 'skill', header: t('executions.col.skill'), cell: (row) => <code title={row.skillSlug}>{row.skillSlug}</code> },
    { id: 'version', header: t('executions.col.version'), cell: (row) => row.version ?? '—' },
    { id: 'action', header: t('executions.col.action'), cell: (row) => <span title={row.action}>{row.action}</span> },
    { id: 'trigger', header: t('executions.col.trigger'), cell: (row) => `${row.trigger} · ${t(`actor.${row.actor}`)}` },
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
  ];
}
