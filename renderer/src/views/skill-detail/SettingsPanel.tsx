import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError, SecretStatus, SettingsField, SkillSettingsView } from '../../../../shared/contract/index.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ask } from '../../lib/api.ts';
import { editOf, initialDrafts, shownValue, type Drafts } from './settings-values.ts';
import { AllowanceDialog } from './AllowanceDialog.tsx';
import { ShellPanel } from './ShellPanel.tsx';

type Notice = { tone: 'good' | 'bad'; text: string } | null;

/**
 * A skill's Settings tab: a form built from its version's config_schema, its secrets (only whether
 * each is set: a value never comes back from main) and the local addresses it may reach. Main checks
 * everything; the form shows main's refusal beside each field.
 */
export function SettingsPanel({ slug, name }: { slug: string; name: string }) {
  const { t, localize, locale } = useI18n();
  const [view, setView] = useState<SkillSettingsView | null>(null);
  const [loadError, setLoadError] = useState<Localized | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    const answer = await ask(() => window.foundry.skillSettings.get({ slug }));
    if (answer.ok) setView(answer.value);
    else setLoadError(answer.error.message);
  }, [slug]);
  useEffect(() => {
    void load();
  }, [load]);

  if (loadError) return <ErrorState message={localize(loadError)} onRetry={() => { setLoadError(null); void load(); }} />;
  if (!view) return <Loading />;

  const changed = (next: SkillSettingsView, text: string) => {
    setView(next);
    setNotice({ tone: 'good', text });
  };
  const refused = (error: ApiError) => setNotice({ tone: 'bad', text: localize(error.message) });

  return (
    <div className="skill-settings">
      <p className="muted">{t('skillSettings.intro')}</p>
      <p className={`detail-notice ${notice ? `detail-notice--${notice.tone}` : ''}`} role="status">{notice?.text ?? ''}</p>
      {view.problems.length > 0 && (
        <div className="rv-callout rv-callout--warn">
          <h3 className="rv-callout__title">{t('skillSettings.problems')}</h3>
          <ul>{view.problems.map((p) => <li key={`${p.kind}:${p.key}`}>{localize(p.message)}</li>)}</ul>
        </div>
      )}
      {view.version === null
        ? <p className="muted">{t('skillSettings.noVersion')}</p>
        : <ValuesForm key={JSON.stringify(view.values)} view={view} slug={slug} onSaved={changed} />}
      {view.secrets.length > 0 && (
        <section className="skill-settings__section" aria-labelledby={`${slug}-secrets`}>
          <h3 id={`${slug}-secrets`} className="skill-settings__heading">{t('skillSettings.secrets')}</h3>
          <p className="muted">{t('skillSettings.secretsIntro')}</p>
          {view.secrets.map((secret) => <SecretRow key={secret.name} slug={slug} secret={secret} onChanged={changed} onRefused={refused} />)}
        </section>
      )}
      <section className="skill-settings__section" aria-labelledby={`${slug}-allowances`}>
        <h3 id={`${slug}-allowances`} className="skill-settings__heading">{t('skillSettings.allowances')}</h3>
        <p className="muted">{t('skillSettings.allowancesIntro')}</p>
        {view.allowances.length === 0 ? <p>{t('skillSettings.noAllowances')}</p> : (
          <ul className="skill-settings__allowances">
            {view.allowances.map((a) => {
              const where = a.address.includes(':') ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
              const revoke = async () => {
                const answer = await ask(() => window.foundry.skillSettings.revokeAllowance({ slug, address: a.address, port: a.port }));
                if (answer.ok) changed(answer.value, t('skillSettings.revoked', { address: where }));
                else refused(answer.error);
              };
              return (
                <li key={where}>
                  <code>{where}</code> <span className="muted">{t('skillSettings.allowanceAdded', { time: formatDateTime(a.addedAt, locale) })}</span>
                  {!a.inEffect && <span className="text-bad"> {t('skillSettings.allowanceNotInEffect')}</span>}{' '}
                  <button type="button" className="button button--quiet" aria-label={t('skillSettings.revokeLabel', { address: where })} onClick={() => void revoke()}>
                    {t('skillSettings.revoke')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <button type="button" className="button button--quiet" onClick={() => setAdding(true)}>{t('skillSettings.addAllowance')}</button>
      </section>
      <ShellPanel slug={slug} name={name} onNotice={(tone, text) => setNotice({ tone, text })} />
      {adding && (
        <AllowanceDialog slug={slug} name={name} onClose={() => setAdding(false)}
          onAdded={(next, address) => { setAdding(false); changed(next, t('allowance.added', { address })); }} />
      )}
    </div>
  );
}

function ValuesForm({ view, slug, onSaved }: { view: SkillSettingsView; slug: string; onSaved: (view: SkillSettingsView, text: string) => void }) {
  const { t, localize } = useI18n();
  const [drafts, setDrafts] = useState<Drafts>(() => initialDrafts(view.fields, view.values));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (view.fields.length === 0) return <p className="muted">{t('skillSettings.noFields')}</p>;

  async function save(event: FormEvent) {
    event.preventDefault();
    const edit = editOf(view.fields, view.values, drafts);
    const unreadable = Object.entries(edit.unreadable);
    setProblem(null);
    if (unreadable.length > 0) {
      setFieldErrors(Object.fromEntries(unreadable.map(([key, reason]) => [key, t('skillSettings.badJson', { reason })])));
      return;
    }
    if (Object.keys(edit.values).length === 0 && edit.unset.length === 0) {
      setFieldErrors({});
      setProblem(t('skillSettings.nothingChanged'));
      return;
    }
    setBusy(true);
    const answer = await ask(() => window.foundry.skillSettings.set({ slug, values: edit.values, unset: edit.unset }));
    setBusy(false);
    if (answer.ok) {
      onSaved(answer.value, t('skillSettings.saved'));
      return;
    }
    setFieldErrors(Object.fromEntries(Object.entries(answer.error.fields ?? {}).map(([key, message]) => [key, localize(message)])));
    setProblem(localize(answer.error.message));
  }

  return (
    <form className="skill-settings__form" noValidate onSubmit={(event) => void save(event)} aria-label={t('skillSettings.forVersion', { version: view.version ?? '' })}>
      {view.fields.map((field) => (
        <SettingsInput key={field.key} field={field} draft={drafts[field.key] ?? ''} error={fieldErrors[field.key] ?? null} disabled={busy}
          onChange={(draft) => setDrafts({ ...drafts, [field.key]: draft })} />
      ))}
      <p className="text-bad" role="alert">{problem ?? ''}</p>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>{busy ? t('skillSettings.saving') : t('skillSettings.save')}</button>
      </div>
    </form>
  );
}

function SettingsInput({ field, draft, error, disabled, onChange }: {
  field: SettingsField;
  draft: string;
  error: string | null;
  disabled: boolean;
  onChange: (draft: string) => void;
}) {
  const { t, localize } = useI18n();
  const id = useId();
  const hintId = useId();
  const fallback = field.hasDefault ? t('skillSettings.useDefault', { value: shownValue(field.defaultValue) }) : t('skillSettings.noDefault');
  const common = { id, disabled, 'aria-invalid': error !== null, 'aria-describedby': hintId, 'aria-required': field.required };
  return (
    <div className="rv-field">
      <label htmlFor={id} className="rv-field__label">
        {localize(field.label)}{field.required && <span className="muted"> ({t('skillSettings.required')})</span>}
      </label>
      {field.control === 'boolean' ? (
        <input type="checkbox" {...common} checked={draft === '' ? field.defaultValue === true : draft === 'true'} onChange={(event) => onChange(String(event.target.checked))} />
      ) : field.control === 'select' ? (
        <select {...common} className="rv-field__input" value={draft} onChange={(event) => onChange(event.target.value)}>
          <option value="">{fallback}</option>
          {(field.options ?? []).map((option, index) => <option key={index} value={String(index)}>{shownValue(option)}</option>)}
        </select>
      ) : field.control === 'json' ? (
        <textarea {...common} className="rv-field__input" rows={4} spellCheck={false} placeholder={fallback} aria-label={`${localize(field.label)} (${t('skillSettings.json')})`}
          value={draft} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} className="rv-field__input" inputMode={field.control === 'text' ? undefined : 'decimal'} placeholder={fallback}
          value={draft} onChange={(event) => onChange(event.target.value)} />
      )}
      <p id={hintId} className="rv-field__hint">
        {error ? <span className="text-bad">{error}</span> : field.help ? localize(field.help) : ''}
      </p>
    </div>
  );
}

function SecretRow({ slug, secret, onChanged, onRefused }: {
  slug: string;
  secret: SecretStatus;
  onChanged: (view: SkillSettingsView, text: string) => void;
  onRefused: (error: ApiError) => void;
}) {
  const { t, localize, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await ask(() => window.foundry.skillSettings.setSecret({ slug, name: secret.name, value }));
    setBusy(false);
    // The typed value is dropped whatever the answer: it is never kept in the window.
    setValue('');
    if (!answer.ok) return onRefused(answer.error);
    setEditing(false);
    onChanged(answer.value, t('skillSettings.secretSaved', { name: secret.name }));
  }

  async function clear() {
    const answer = await ask(() => window.foundry.skillSettings.clearSecret({ slug, name: secret.name }));
    if (answer.ok) onChanged(answer.value, t('skillSettings.secretCleared', { name: secret.name }));
    else onRefused(answer.error);
  }

  return (
    <div className="skill-settings__secret" role="group" aria-label={localize(secret.label)}>
      <div>
        <strong>{localize(secret.label)}</strong> <code className="muted">{secret.name}</code>{' '}
        <span data-testid="secret-state">{secret.set && secret.updatedAt ? t('skillSettings.secretSet', { time: formatDateTime(secret.updatedAt, locale) }) : t('skillSettings.secretNotSet')}</span>
      </div>
      <p className="rv-field__hint">
        {secret.hosts.length ? t('skillSettings.sentTo', { hosts: secret.hosts.join(', ') }) : t('skillSettings.noHosts')}
        {secret.help ? ` ${localize(secret.help)}` : ''}
      </p>
      {editing ? (
        <form onSubmit={(event) => void save(event)} className="skill-settings__secret-form">
          <label htmlFor={id} className="rv-field__label">{t('skillSettings.secretValue', { name: secret.name })}</label>
          <input id={id} type="password" autoComplete="off" className="rv-field__input" value={value} disabled={busy} onChange={(event) => setValue(event.target.value)} />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy || value.length === 0}>{t('skillSettings.secretSave')}</button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => { setEditing(false); setValue(''); }}>{t('dialog.cancel')}</button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>{secret.set ? t('skillSettings.secretReplace') : t('skillSettings.secretEnter')}</button>
          {secret.set && <button type="button" className="button button--quiet" onClick={() => void clear()}>{t('skillSettings.secretClear')}</button>}
        </div>
      )}
    </div>
  );
}
