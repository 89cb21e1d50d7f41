import { useEffect, useId, useRef, useState } from 'react';
import type { Localized } from '../../../../shared/i18n-types.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useSecurityStore } from '../../store/security-store.ts';
import { callFoundry } from '../../store/outcome.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { Badge } from '../../components/Badge.tsx';
import { ErrorLine } from './settings-parts.tsx';

/** Settings → the assistant's API token: whether one exists, show it, copy it, rotate it (after a confirmation). */
export function ApiTokenSettings() {
  const { t, locale, localize } = useI18n();
  const apiToken = useSecurityStore((state) => state.apiToken);
  const loadApiToken = useSecurityStore((state) => state.loadApiToken);
  const [token, setToken] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'reveal' | 'rotate' | null>(null);
  const [problem, setProblem] = useState<Localized | string | null>(null);
  const [note, setNote] = useState<MessageKey | null>(null);
  const headingId = useId();
  const tokenId = useId();
  const tokenRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function reveal() {
    setBusy('reveal');
    setProblem(null);
    setNote(null);
    const outcome = await callFoundry(() => window.foundry.apiToken.reveal({}));
    setBusy(null);
    if (outcome.ok) setToken(outcome.value.token);
    else setProblem(outcome.error);
  }

  async function rotate() {
    setBusy('rotate');
    setProblem(null);
    setNote(null);
    const created = apiToken.data?.exists === false;
    const outcome = await callFoundry(() => window.foundry.apiToken.rotate({}));
    setBusy(null);
    setConfirming(false);
    if (!outcome.ok) return setProblem(outcome.error);
    setToken(outcome.value.token);
    setNote(created ? 'apiToken.created' : 'apiToken.rotated');
    await loadApiToken();
  }

  async function copy() {
    if (!token) return;
    setNote(null);
    setProblem(null);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(token);
      setNote('apiToken.copied');
    } catch {
      setProblem(t('apiToken.copyFailed'));
      tokenRef.current?.select();
    }
  }

  const status = apiToken.data;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">{t('apiToken.title')}</h2>
      <p className="card__intro muted">{t('apiToken.intro')}</p>
      {apiToken.error && (
        <div className="notice notice--warn" role="alert">
          <p>{localize(apiToken.error)}</p>
        </div>
      )}
      {status === null ? (
        !apiToken.error && <Loading />
      ) : (
        <>
          <p>
            {status.exists ? (
              <>
                <Badge tone="good">{t('apiToken.exists')}</Badge>{' '}
                {status.createdAt && t('apiToken.createdAt', { date: formatDateTime(status.createdAt, locale) })}
              </>
            ) : (
              <Badge tone="neutral">{t('apiToken.none')}</Badge>
            )}
          </p>
          {token !== null && (
            <div className="field">
              <label htmlFor={tokenId} className="field__label">{t('apiToken.token')}</label>
              <input ref={tokenRef} id={tokenId} className="input input--wide input--mono" type="text" readOnly value={token} onFocus={(event) => event.target.select()} />
            </div>
          )}
          <p className="inline-notice inline-notice--good" role="status">{note ? t(note) : ''}</p>
          <ErrorLine message={problem} />
          {confirming ? (
            <div className="notice notice--warn confirm" role="group" aria-label={t('apiToken.confirmTitle')}>
              <h3 className="notice__title">{t('apiToken.confirmTitle')}</h3>
              <p>{t('apiToken.confirmBody')}</p>
              <div className="button-row">
                <button ref={confirmRef} type="button" className="button button--danger" disabled={busy !== null} aria-busy={busy === 'rotate'} onClick={() => void rotate()}>
                  {t('apiToken.confirmRotate')}
                </button>
                <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>{t('settings.cancel')}</button>
              </div>
            </div>
          ) : (
            <div className="button-row">
              {status.exists && token === null && (
                <button type="button" className="button button--quiet" disabled={busy !== null} aria-busy={busy === 'reveal'} onClick={() => void reveal()}>
                  {t('apiToken.show')}
                </button>
              )}
              {token !== null && (
                <>
                  <button type="button" className="button button--quiet" onClick={() => void copy()}>{t('apiToken.copy')}</button>
                  <button type="button" className="button button--quiet" onClick={() => setToken(null)}>{t('apiToken.hide')}</button>
                </>
              )}
              {status.exists ? (
                <button type="button" className="button button--quiet" disabled={busy !== null} onClick={() => setConfirming(true)}>{t('apiToken.rotate')}</button>
              ) : (
                <button type="button" className="button" disabled={busy !== null} aria-busy={busy === 'rotate'} onClick={() => void rotate()}>{t('apiToken.create')}</button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
