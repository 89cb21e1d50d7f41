import type { AuditEntry } from '../../../../shared/contract/index.ts';
import type { Locale } from '../../../../shared/i18n-types.ts';
import type { Translate } from '../../i18n/translate.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Column } from '../../components/VirtualTable.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { HashPrefix } from '../../components/HashPrefix.tsx';

export function auditColumns(t: Translate, locale: Locale): Column<AuditEntry>[] {
  return [
    { id: 'seq', header: t('audit.col.seq'), cell: (row) => <span className="numeric">{formatNumber(row.seq, locale)}</span> },
    { id: 'at', header: t('audit.col.at'), cell: (row) => <DateTime iso={row.at} /> },
    { id: 'event', header: t('audit.col.event'), cell: (row) => <code title={row.event}>{row.event}</code> },
    { id: 'actor', header: t('audit.col.actor'), cell: (row) => t(`actor.${row.actor}`) },
    { id: 'skill', header: t('audit.col.skill'), cell: (row) => (row.skillSlug ? <code title={row.skillSlug}>{row.skillSlug}</code> : '—') },
    { id: 'hash', header: t('audit.col.hash'), cell: (row) => <HashPrefix sha256={row.entryHash} /> },
  ];
}
