import { useI18n } from '../i18n/use-i18n.ts';

/** A failed call: the engine's own message (in the UI's language) and a way to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">{t('error.title')}</h2>
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>{t('action.retry')}</button>
    </div>
  );
}
