import { useI18n } from '../../i18n/use-i18n.ts';
import { formatTimeLeft } from '../../i18n/format.ts';
import { useNow } from '../../hooks/use-now.ts';

/** The 24 h review window counting down; a version whose window has passed is on its way to auto-rejection. */
export function TimeLeft({ expiresAt }: { expiresAt: string | null }) {
  const { t, locale } = useI18n();
  const now = useNow(30_000);
  if (expiresAt === null) return <span className="muted">{t('reviews.noExpiry')}</span>;
  const left = formatTimeLeft(expiresAt, now, locale);
  return <time dateTime={expiresAt} className={left ? undefined : 'text-bad'}>{left ?? t('reviews.expired')}</time>;
}
