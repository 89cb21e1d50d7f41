import { useI18n } from '../i18n/use-i18n.ts';
import { formatDateTime } from '../i18n/format.ts';

export function DateTime({ iso }: { iso: string }) {
  const { locale } = useI18n();
  return <time dateTime={iso}>{formatDateTime(iso, locale)}</time>;
}
