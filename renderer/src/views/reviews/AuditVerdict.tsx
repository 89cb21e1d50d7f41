import type { AuditReport } from '../../../../shared/skills/audit.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';

const TONE = { pass: 'good', warn: 'warn', block: 'bad' } as const satisfies Record<AuditReport['verdict'], BadgeTone>;

/** The auditor's verdict on a version, with how many findings it raised. */
export function AuditVerdict({ report }: { report: AuditReport | null }) {
  const { t } = useI18n();
  if (!report) return <Badge tone="neutral">{t('verdict.none')}</Badge>;
  return (
    <span className="verdict">
      <Badge tone={TONE[report.verdict]}>{t(`verdict.${report.verdict}`)}</Badge>
      {report.findings.length > 0 && <span className="verdict__findings">{t('reviews.findings', { count: report.findings.length })}</span>}
    </span>
  );
}
