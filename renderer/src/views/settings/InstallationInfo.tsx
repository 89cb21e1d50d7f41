import { useId } from 'react';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { LoadableContent } from '../../components/LoadableContent.tsx';

/** Where this installation keeps its data, so a person can back it up or find it. */
export function InstallationInfo() {
  const { t } = useI18n();
  const info = useFoundryStore((state) => state.info);
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">{t('settings.about')}</h2>
      <LoadableContent state={info} isEmpty={() => false} empty={null}>
        {(app) => (
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{app.version}</dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd><code className="path">{app.dataDir}</code></dd>
            <dt>{t('settings.databaseFile')}</dt>
            <dd><code className="path">{app.databaseFile}</code></dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{app.schemaVersion}</dd>
          </dl>
        )}
      </LoadableContent>
    </section>
  );
}
