import { useId, useState, type FormEvent } from 'react';
import type { GeneratorKind, GeneratorModels, GeneratorStatus } from '../../../../shared/contract/index.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useSecurityStore } from '../../store/security-store.ts';
import { callFoundry } from '../../store/outcome.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { Badge } from '../../components/Badge.tsx';
import { ErrorLine, Subsection } from './settings-parts.tsx';

const KINDS: readonly GeneratorKind[] = ['offline', 'claude', 'openai'];

/** Settings → Generator: which generator writes skills (built in, Claude, your own model), their keys (write-only) and models. */
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

type Part = 'use' | 'key' | 'clear' | 'model' | 'endpoint' | 'ownKey' | 'clearOwnKey';
/** Where a part's error is shown. */
const ERROR_PLACE: Record<Part, 'use' | 'key' | 'model' | 'own'> = { use: 'use', key: 'key', clear: 'key', model: 'model', endpoint: 'own', ownKey: 'own', clearOwnKey: 'own' };

function statusLine(status: GeneratorStatus, t: ReturnType<typeof useI18n>['t']): string {
  if (status.mode === 'claude') return t('generator.claudeBody', { model: status.model });
  if (status.mode === 'offline') return t('generator.offlineBody');
  const { baseURL, model } = status.openai;
  return baseURL && model ? t('generator.openaiBody', { model, baseURL }) : t('generator.openaiUnset');
}

function GeneratorForms({ status }: { status: GeneratorStatus }) {
  const { t } = useI18n();
  const showGenerator = useSecurityStore((state) => state.showGenerator);
  const [apiKey, setApiKey] = useState('');
  const [model, setModel] = useState(status.model);
  const [baseURL, setBaseURL] = useState(status.openai.baseURL ?? '');
  const [ownModel, setOwnModel] = useState(status.openai.model ?? '');
  const [ownKey, setOwnKey] = useState('');
  const [busy, setBusy] = useState<Part | null>(null);
  const [problem, setProblem] = useState<{ place: 'use' | 'key' | 'model' | 'own'; message: Localized | string } | null>(null);
  const [saved, setSaved] = useState<MessageKey | null>(null);
  const ids = { key: useId(), model: useId(), hint: useId(), baseURL: useId(), ownModel: useId(), ownKey: useId() };

  async function change(part: Part, call: () => ReturnType<typeof window.foundry.generator.status>, savedKey: MessageKey) {
    setBusy(part);
    setProblem(null);
    setSaved(null);
    const outcome = await callFoundry(call);
    setBusy(null);
    if (!outcome.ok) return setProblem({ place: ERROR_PLACE[part], message: outcome.error });
    showGenerator(outcome.value);
    setSaved(savedKey);
    if (part === 'key') setApiKey('');
    if (part === 'ownKey') setOwnKey('');
    if (part === 'model') setModel(outcome.value.model);
    if (part === 'endpoint') {
      setBaseURL(outcome.value.openai.baseURL ?? '');
      setOwnModel(outcome.value.openai.model ?? '');
    }
  }

  function saveKey(event: FormEvent) {
    event.preventDefault();
    const key = apiKey.trim();
    if (!key) return setProblem({ place: 'key', message: t('generator.keyMissing') });
    void change('key', () => window.foundry.generator.setApiKey({ apiKey: key }), 'generator.keySaved');
  }

  function saveModel(name: string) {
    if (!/^[a-z0-9][a-z0-9.-]{1,99}$/.test(name)) return setProblem({ place: 'model', message: t('generator.modelFormat') });
    void change('model', () => window.foundry.generator.setModel({ model: name }), 'generator.modelSaved');
  }

  function saveEndpoint(event: FormEvent) {
    event.preventDefault();
    const url = baseURL.trim();
    const name = ownModel.trim();
    void change('endpoint', () => window.foundry.generator.setOpenAI({ ...(url ? { baseURL: url } : {}), ...(name ? { model: name } : {}) }), 'generator.endpointSaved');
  }

  function saveOwnKey(event: FormEvent) {
    event.preventDefault();
    const key = ownKey.trim();
    if (!key) return setProblem({ place: 'own', message: t('generator.keyMissing') });
    void change('ownKey', () => window.foundry.generator.setOpenAIKey({ apiKey: key }), 'generator.keySaved');
  }

  return (
    <>
      <p className="generator-mode" role="status">
        <Badge tone={status.mode === 'offline' ? 'neutral' : 'good'}>{t(`generator.mode.${status.mode}`)}</Badge>{' '}
        <span>{statusLine(status, t)}</span>
        {saved && <span className="inline-notice--good"> {t(saved)}</span>}
      </p>

      <fieldset className="field-group" aria-describedby={ids.hint} disabled={busy !== null}>
        <legend className="field-group__legend">{t('generator.choose')}</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name="generator"
              value={kind}
              checked={status.mode === kind}
              onChange={() => void change('use', () => window.foundry.generator.use({ generator: kind }), 'generator.chosen')}
            />
            {t(`generator.choice.${kind}`)}
          </label>
        ))}
        <p id={ids.hint} className="field-group__hint">{t('generator.chooseHint')}</p>
        {problem?.place === 'use' ? <ErrorLine message={problem.message} /> : null}
      </fieldset>

      <Subsection title={t('generator.key')}>
        {status.keySource === 'environment' && <p className="muted">{t('generator.keyFromEnvironment')}</p>}
        {status.keySource === 'stored' && <p className="muted">{t('generator.keyStored')}</p>}
        {status.keySource === null && <p className="muted">{t('generator.keyNone')}</p>}
        <form className="inline-form" onSubmit={saveKey} noValidate>
          <div className="field">
            <label htmlFor={ids.key} className="field__label">{status.keySource === 'stored' ? t('generator.keyReplace') : t('generator.keyLabel')}</label>
            <input
              id={ids.key}
              className="input input--wide"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
              aria-describedby={`${ids.key}-hint`}
            />
            <p id={`${ids.key}-hint`} className="field__hint">{t('generator.keyHint')}</p>
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
        {problem?.place === 'key' ? <ErrorLine message={problem.message} /> : <ErrorLine message={null} />}
      </Subsection>

      <Subsection title={t('generator.model')}>
        <form className="inline-form" onSubmit={(event) => { event.preventDefault(); saveModel(model.trim()); }} noValidate>
          <div className="field">
            <label htmlFor={ids.model} className="field__label">{t('generator.modelLabel')}</label>
            <input id={ids.model} className="input input--wide" type="text" autoComplete="off" spellCheck={false} value={model} onChange={(event) => setModel(event.target.value)} aria-describedby={`${ids.model}-hint`} />
            <p id={`${ids.model}-hint`} className="field__hint">{t('generator.modelHint')}</p>
          </div>
          <div className="button-row">
            <button type="submit" className="button button--quiet" disabled={busy !== null} aria-busy={busy === 'model'}>{t('generator.saveModel')}</button>
          </div>
        </form>
        {status.keySource && <ModelChoices generator="claude" onUse={saveModel} disabled={busy !== null} />}
        {problem?.place === 'model' ? <ErrorLine message={problem.message} /> : <ErrorLine message={null} />}
      </Subsection>

      <Subsection title={t('generator.own')}>
        <p className="muted">{t('generator.ownHint')}</p>
        <form className="inline-form" onSubmit={saveEndpoint} noValidate>
          <div className="field">
            <label htmlFor={ids.baseURL} className="field__label">{t('generator.baseURL')}</label>
            <input id={ids.baseURL} className="input input--wide" type="url" autoComplete="off" spellCheck={false} placeholder="http://127.0.0.1:11434/v1" value={baseURL} onChange={(event) => setBaseURL(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.ownModel} className="field__label">{t('generator.ownModel')}</label>
            <input id={ids.ownModel} className="input input--wide" type="text" autoComplete="off" spellCheck={false} value={ownModel} onChange={(event) => setOwnModel(event.target.value)} aria-describedby={`${ids.ownModel}-hint`} />
            <p id={`${ids.ownModel}-hint`} className="field__hint">{t('generator.ownModelHint')}</p>
          </div>
          <div className="button-row">
            <button type="submit" className="button button--quiet" disabled={busy !== null} aria-busy={busy === 'endpoint'}>{t('generator.saveEndpoint')}</button>
          </div>
        </form>
        {status.openai.baseURL && (
          <ModelChoices generator="openai" onUse={(name) => void change('endpoint', () => window.foundry.generator.setOpenAI({ model: name }), 'generator.endpointSaved')} disabled={busy !== null} />
        )}
        <form className="inline-form" onSubmit={saveOwnKey} noValidate>
          {status.openai.keySource === 'environment' && <p className="muted">{t('generator.ownKeyFromEnvironment')}</p>}
          {status.openai.keySource === 'stored' && <p className="muted">{t('generator.ownKeyStored')}</p>}
          <div className="field">
            <label htmlFor={ids.ownKey} className="field__label">{t('generator.ownKey')}</label>
            <input id={ids.ownKey} className="input input--wide" type="password" autoComplete="off" spellCheck={false} value={ownKey} onChange={(event) => setOwnKey(event.target.value)} aria-describedby={`${ids.ownKey}-hint`} />
            <p id={`${ids.ownKey}-hint`} className="field__hint">{t('generator.ownKeyHint')}</p>
          </div>
          <div className="button-row">
            <button type="submit" className="button button--quiet" disabled={busy !== null} aria-busy={busy === 'ownKey'}>{t('generator.saveOwnKey')}</button>
            {status.openai.keySource === 'stored' && (
              <button type="button" className="button button--quiet" disabled={busy !== null} aria-busy={busy === 'clearOwnKey'} onClick={() => void change('clearOwnKey', () => window.foundry.generator.clearOpenAIKey({}), 'generator.keyCleared')}>
                {t('generator.clearOwnKey')}
              </button>
            )}
          </div>
        </form>
        {problem?.place === 'own' ? <ErrorLine message={problem.message} /> : <ErrorLine message={null} />}
      </Subsection>
    </>
  );
}

/** The models the account or endpoint offers (cached for a day in main), each one a click from being used. */
function ModelChoices({ generator, onUse, disabled }: { generator: 'claude' | 'openai'; onUse: (model: string) => void; disabled: boolean }) {
  const { t } = useI18n();
  const [list, setList] = useState<GeneratorModels | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<Localized | string | null>(null);

  async function load() {
    setLoading(true);
    setProblem(null);
    const outcome = await callFoundry(() => window.foundry.generator.models({ generator }));
    setLoading(false);
    if (!outcome.ok) return setProblem(outcome.error);
    setList(outcome.value);
  }

  return (
    <div className="model-choices">
      <button type="button" className="button button--quiet" disabled={disabled || loading} aria-busy={loading} onClick={() => void load()}>{t('generator.listModels')}</button>
      {list && (
        <>
          <p className="field__label">{t('generator.models', { count: list.models.length })}</p>
          {list.models.length === 0 ? <p className="muted">{t('generator.noModels')}</p> : (
            <ul className="model-choices__list">
              {list.models.map((offered) => (
                <li key={offered.id}>
                  <code>{offered.id}</code>
                  {offered.id === list.recommended && <> <Badge tone="good">{t('generator.recommended')}</Badge></>}
                  {offered.deprecated && <> <Badge tone="neutral">{t('generator.deprecated')}</Badge></>}
                  {offered.id === list.current ? <> <Badge tone="neutral">{t('generator.inUse')}</Badge></> : (
                    <> <button type="button" className="button button--quiet" disabled={disabled} onClick={() => onUse(offered.id)}>{t('generator.useModel', { model: offered.id })}</button></>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {problem ? <ErrorLine message={problem} /> : null}
    </div>
  );
}
