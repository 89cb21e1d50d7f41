import { useId } from 'react';
import type { SandboxRuntimeStatus } from '../../../../shared/contract/records.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { LoadableContent } from '../../components/LoadableContent.tsx';

const SOURCE_KEYS: Record<NonNullable<SandboxRuntimeStatus['source']>, MessageKey> = {
  FOUNDRY_NODE: 'sandbox.source.FOUNDRY_NODE',
  bundled: 'sandbox.source.bundled',
  npm: 'sandbox.source.npm',
  path: 'sandbox.source.path',
  current: 'sandbox.source.current',
};

const STATE_KEYS: Record<SandboxRuntimeStatus['state'], MessageKey> = {
  'not-started': 'sandbox.state.not-started',
  starting: 'sandbox.state.starting',
  ready: 'sandbox.state.ready',
  failed: 'sandbox.state.failed',
};

/** Which Node runs skills, where it came from, and whether the sandbox passed its start-up check. */
export function SandboxInfo() {
  const { t, localize } = useI18n();
  const info = useFoundryStore((state) => state.info);
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">{t('sandbox.title')}</h2>
      <p className="card__intro muted">{t('sandbox.intro')}</p>
      <LoadableContent state={info} isEmpty={() => false} empty={null}>
        {({ sandbox }) => (
          <dl className="facts">
            <dt>{t('sandbox.status')}</dt>
            <dd data-testid="sandbox-state">
              {t(STATE_KEYS[sandbox.state], { version: sandbox.nodeVersion ?? '?' })}
              {sandbox.problem && <p className="sandbox-problem">{localize(sandbox.problem)}</p>}
            </dd>
            <dt>{t('sandbox.runtime')}</dt>
            <dd>
              {sandbox.nodePath ? <code className="path">{sandbox.nodePath}</code> : t('sandbox.noRuntime')}
              {sandbox.source && <span className="muted"> · {t(SOURCE_KEYS[sandbox.source])}</span>}
            </dd>
          </dl>
        )}
      </LoadableContent>
    </section>
  );
}
