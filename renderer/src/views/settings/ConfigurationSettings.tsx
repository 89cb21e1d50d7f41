import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import {
  type ConfigEntry, type ConfigKey, type ConfigProblem, type ConfigValue, type ConfigView,
} from '../../../../shared/contract/config-records.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { callFoundry } from '../../store/outcome.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { Badge } from '../../components/Badge.tsx';
import { ErrorLine, Subsection } from './settings-parts.tsx';

const GROUPS = ['general', 'execution', 'learning', 'marketplace', 'scheduled'] as const;
const groupOf = (key: ConfigKey) => GROUPS.find((g) => key.startsWith(`skills.${g}.`)) ?? 'general';
const ALLOWED_MODES = ['user_authored', 'ai_proposed'] as const;

/** Settings → Configuration: every key of config.yaml as a small form, the file's problems and refusals explained. */
export function ConfigurationSettings() {
  const { t, localize } = useI18n();
  const headingId = useId();
  const [view, setView] = useState<ConfigView | null>(null);
  const [loadError, setLoadError] = useState<Localized | null>(null);
  const load = useCallback(async () => {
    const outcome = await callFoundry(() => window.foundry.config.get({}));
    if (outcome.ok) setView(outcome.value);
    else setLoadError(outcome.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const fileProblems = view?.problems.filter((p) => p.key === null) ?? [];
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">{t('config.title')}</h2>
      <p className="muted">{t('config.intro')}</p>
      {loadError && <ErrorLine message={loadError} />}
      {view && (
        <>
          <p>
            {t('config.file')}: <code>{view.file}</code>
          </p>
          {!view.exists && <p className="muted">{t('config.notWritten')}</p>}
          {fileProblems.length > 0 && (
            <div role="alert" aria-label={t('config.problems')}>
              <p className="field__error">{t('config.problems')}</p>
              <ul>{fileProblems.map((p, i) => <li key={i} className="field__error">{localize(p.message)}</li>)}</ul>
            </div>
          )}
          {GROUPS.map((group) => (
            <Subsection key={group} title={t(`config.group.${group}`)}>
              {view.entries.filter((e) => groupOf(e.key) === group).map((entry) => (
                <ConfigField key={entry.key} entry={entry} problems={view.problems.filter((p) => p.key === entry.key)} onSaved={setView} />
              ))}
            </Subsection>
          ))}
        </>
      )}
    </section>
  );
}

const show = (value: ConfigValue) => (Array.isArray(value) ? value.join(', ') : String(value));

function ConfigField({ entry, problems, onSaved }: { entry: ConfigEntry; problems: ConfigProblem[]; onSaved: (view: ConfigView) => void }) {
  const { t, localize } = useI18n();
  const id = useId();
  const [value, setValue] = useState<ConfigValue>(entry.value);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Localized | string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setValue(entry.value), [entry.value]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    setSaved(false);
    if (entry.control === 'integer' && !Number.isInteger(value)) return setRefusal(t('config.wholeNumber'));
    setBusy(true);
    const outcome = await callFoundry(() => window.foundry.config.set({ key: entry.key, value }));
    setBusy(false);
    if (!outcome.ok) return setRefusal(outcome.error);
    setSaved(true);
    onSaved(outcome.value);
  }

  const label = t(`config.label.${entry.key}`);
  const hintId = `${id}-hint`;
  const common = { id, 'aria-describedby': hintId, disabled: busy };
  return (
    <form className="config-field" onSubmit={(event) => void save(event)} noValidate aria-label={label}>
      <div className={entry.control === 'switch' ? 'field field--inline' : 'field'}>
        {entry.control === 'switch' && (
          <input {...common} type="checkbox" className="checkbox" checked={value === true} onChange={(event) => setValue(event.target.checked)} />
        )}
        <label htmlFor={id} className="field__label">
          {label} <span className="field__name">{entry.key}</span>{' '}
          {entry.later && <Badge tone="neutral">{t('config.later')}</Badge>}
        </label>
        {entry.control === 'integer' && (
          <input
            {...common}
            className="input"
            type="number"
            min={entry.range?.[0]}
            max={entry.range?.[1]}
            step={1}
            value={Number.isNaN(value) ? '' : String(value)}
            onChange={(event) => setValue(event.target.value === '' ? Number.NaN : Number(event.target.value))}
          />
        )}
        {entry.control === 'registry-urls' && (
          <input {...common} className="input input--wide" type="text" spellCheck={false} value={String(value)} onChange={(event) => setValue(event.target.value)} />
        )}
        {entry.control === 'modes' && (
          <fieldset className="config-modes" aria-label={label} aria-describedby={hintId} disabled={busy}>
            {ALLOWED_MODES.map((mode) => {
              const modes = Array.isArray(value) ? value : [];
              return (
                <label key={mode} className="field--inline">
                  <input
                    type="checkbox"
                    className="checkbox"
                    checked={modes.includes(mode)}
                    onChange={(event) => setValue(event.target.checked ? ALLOWED_MODES.filter((m) => m === mode || modes.includes(m)) : modes.filter((m) => m !== mode))}
                  />{' '}
                  {t(`config.mode.${mode}`)}
                </label>
              );
            })}
          </fieldset>
        )}
        <p id={hintId} className="field__hint">
          {t(`config.hint.${entry.key}`)} {t('config.default', { value: show(entry.defaultValue) })}
        </p>
        {problems.map((p, i) => <p key={i} className="field__error" role="alert">{localize(p.message)}</p>)}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--quiet" disabled={busy} aria-busy={busy}>{busy ? t('config.saving') : t('config.save')}</button>
        {saved && <span className="inline-notice--good" role="status">{t('config.saved')}</span>}
      </div>
      <ErrorLine message={refusal} />
    </form>
  );
}
