import { useI18n } from '../i18n/use-i18n.ts';

export function Loading() {
  const { t } = useI18n();
  return <p className="loading" role="status">{t('state.loading')}</p>;
}
