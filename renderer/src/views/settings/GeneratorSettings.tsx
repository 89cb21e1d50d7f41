import { useId, useState, type FormEvent } from 'react';
import type { GeneratorStatus } from '../../../../shared/contract/index.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useSecurityStore } from '../../store/security-store.ts';
import { callFoundry } from '../../store/outcome.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { Badge } from '../../components/Badge.tsx';
import { ErrorLine, Subsection } from './settings-parts.tsx';

/** Settings → Generator: offline or Claude, the API key (write-only) and the model. */
export function GeneratorSettings() {
  const { t } = useI18n();
  const generator = useSecurityStore((state) => state.generator);
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">{t('generator.title')}</h2>
      <LoadableContent state={generator} isEmpty={() => false} empty={null}>
        {(status) => <GeneratorForms status={status} />}
      </LoadableContent>
    </section>
  );
}

function GeneratorForms({ status }: { status: GeneratorStatus }) {
  const { t } = useI18n();
  const showGenerator = useSecurityStore((state) => state.showGenerator);
  const [apiKey, setApiKey] = useState('');
  const [model, setModel] = useState(status.model);
  const [busy, setBusy] = useState<'key' | 'clear' | 'model' | null>(null);
  const [problem, setProblem] = useState<{ part: 'key' | 'model'; message: Localized | string } | null>(null);
  const [saved, setSaved] = useState<MessageKey | null>(null);
  const keyId = useId();
  const modelId = useId();

  async function change(part: 'key' | 'clear' | 'model', call: () => ReturnType<typeof window.foundry.generator.status>, savedKey: MessageKey) {
    setBusy(part);
    setProblem(null);
    setSaved(null);
    const outcome = await callFoundry(call);
    setBusy(null);
    if (!outcome.ok) return setProblem({ part: part === 'model' ? 'model' : 'key', message: outcome.error });
    showGenerator(outcome.value);
    setSaved(savedKey);
    if (part === 'key') setApiKey('');
    if (part === 'model') setModel(outcome.value.model);
  }

  function saveKey(event: FormEvent) {
    event.preventDefault();
    const key = apiKey.trim();
    if (!key) return setProblem({ part: 'key', message: t('generator.keyMissing') });
    void change('key', () => window.foundry.generator.setApiKey({ apiKey: key }), 'generator.keySaved');
  }

  function saveModel(event: FormEvent) {
    event.preventDefault();
    const name = model.trim();
    if (!/^[a-z0-9][a-z0-9.-]{1,99}$/.test(name)) return setProblem({ part: 'model', message: t('generator.modelFormat') });
    void change('model', () => window.foundry.generator.setModel({ model: name }), 'generator.modelSaved');
  }

  return (
    <>
      <p className="generator-mode" role="status">
        <Badge tone={status.mode === 'claude' ? 'good' : 'neutral'}>{t(`generator.mode.${status.mode}`)}</Badge>{' '}
        <span>{status.mode === 'claude' ? t('generator.claudeBody', { model: status.model }) : t('generator.offlineBody')}</span>
        {saved && <span className="inline-notice--good"> {t(saved)}</span>}
      </p>

      <Subsection title={t('generator.key')}>
        {status.keySource === 'environment' && <p className="muted">{t('generator.keyFromEnvironment')}</p>}
        {status.keySource === 'stored' && <p className="muted">{t('generator.keyStored')}</p>}
        {status.keySource === null && <p className="muted">{t('generator.keyNone')}</p>}
        <form className="inline-form" onSubmit={saveKey} noValidate>
          <div className="field">
            <label htmlFor={keyId} className="field__label">{status.keySource === 'stored' ? t('generator.keyReplace') : t('generator.keyLabel')}</label>
            <input
              id={keyId}
              className="input input--wide"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
              aria-describedby={`${keyId}-hint`}
            />
            <p id={`${keyId}-hint`} className="field__hint">{t('generator.keyHint')}</p>
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={busy !== null} aria-busy={busy === 'key'}>{t('generator.saveKey')}</button>
            {status.keySource === 'stored' && (
              <button
                type="button"
                className="button button--quiet"
                disabled={busy !== null}
                aria-busy={busy === 'clear'}
                onClick={() => void change('clear', () => window.foundry.generator.clearApiKey({}), 'generator.keyCleared')}
              >
                {t('generator.clearKey')}
              </button>
            )}
          </div>
        </form>
        {problem?.part === 'key' ? <ErrorLine message={problem.message} /> : <ErrorLine message={null} />}
      </Subsection>

      <Subsection title={t('generator.model')}>
        <form className="inline-form" onSubmit={saveModel} noValidate>
          <div className="field">
            <label htmlFor={modelId} className="field__label">{t('generator.modelLabel')}</label>
            <input id={modelId} className="input input--wide" type="text" autoComplete="off" spellCheck={false} value={model} onChange={(event) => setModel(event.target.value)} aria-describedby={`${modelId}-hint`} />
            <p id={`${modelId}-hint`} className="field__hint">{t('generator.modelHint')}</p>
          </div>
          <div className="button-row">
            <button type="submit" className="button button--quiet" disabled={busy !== null} aria-busy={busy === 'model'}>{t('generator.saveModel')}</button>
          </div>
        </form>
        {problem?.part === 'model' ? <ErrorLine message={problem.message} /> : <ErrorLine message={null} />}
      </Subsection>
    </>
  );
}
