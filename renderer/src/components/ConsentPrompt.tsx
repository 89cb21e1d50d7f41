import { useEffect, useId, useRef, useState } from 'react';
import type { ConsentDecision, ConsentRequestRecord } from '../../../shared/contract/consent-records.ts';
import type { Actor } from '../../../shared/contract/records.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { useNow } from '../hooks/use-now.ts';
import { useConsentsStore } from '../store/consents-store.ts';
import { ModalDialog } from './ModalDialog.tsx';
import './consent-prompt.css';

const ASKER: Record<Actor, MessageKey> = {
  owner: 'consent.actor.owner',
  assistant: 'consent.actor.assistant',
  scheduler: 'consent.actor.scheduler',
  system: 'consent.actor.system',
};

/**
 * Over any view, while a run waits for the owner's consent: one request at a time, oldest first.
 * Each request gets a dialog of its own (keyed by id), so focus starts afresh on the next one.
 */
export function ConsentPrompt() {
  const pending = useConsentsStore((state) => state.pending);
  const watch = useConsentsStore((state) => state.watch);
  useEffect(() => watch(), [watch]);
  const current = pending[0];
  return current ? <ConsentDialog key={current.id} request={current} count={pending.length} /> : null;
}

/** Deny has the first focus and Escape denies: nothing runs without an explicit yes. */
function ConsentDialog({ request, count }: { request: ConsentRequestRecord; count: number }) {
  const { t, localize } = useI18n();
  const receivedAt = useConsentsStore((state) => state.receivedAt);
  const decide = useConsentsStore((state) => state.decide);
  const now = useNow(1_000);
  const [always, setAlways] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Localized | null>(null);
  const denyRef = useRef<HTMLButtonElement>(null);
  const ids = { always: useId(), warning: useId(), details: useId() };
  const secondsLeft = Math.max(0, Math.ceil((request.timeLeftMs - Math.max(0, now - receivedAt)) / 1_000));

  async function answer(verdict: ConsentDecision) {
    if (busy) return;
    setBusy(true);
    setError(null);
    const outcome = await decide(request.id, verdict, verdict === 'grant' && always);
    setBusy(false);
    if (!outcome.ok) setError(outcome.error);
  }

  return (
    <ModalDialog title={t('consent.title')} onClose={() => void answer('deny')} canClose={!busy} initialFocus={denyRef} className="consent-prompt">
      <div aria-busy={busy}>
        {count > 1 && <p className="muted">{t('consent.queue', { index: 1, count })}</p>}
        <dl className="consent-prompt__facts">
          <dt>{t('consent.skill')}</dt>
          <dd>{request.skillName ?? request.skillSlug}{request.version ? ` v${request.version}` : ''}</dd>
          <dt>{t('consent.action')}</dt>
          <dd><code>{request.action}</code></dd>
          <dt>{t('consent.askedBy')}</dt>
          <dd>{t(ASKER[request.actor])}</dd>
          <dt>{t('consent.trigger')}</dt>
          <dd><code>{request.trigger}</code></dd>
          <dt>{t('consent.timeLeft')}</dt>
          <dd>{t('consent.seconds', { seconds: secondsLeft })}</dd>
        </dl>
        <p className="consent-prompt__summary">{localize(request.summary)}</p>
        {request.details.length > 0 && (
          <>
            <h3 id={ids.details} className="consent-prompt__details-title">{t('consent.details')}</h3>
            <pre className="consent-prompt__details" aria-labelledby={ids.details}>{request.details.join('\n')}</pre>
          </>
        )}
        <div className="consent-prompt__always">
          <input id={ids.always} type="checkbox" checked={always} disabled={busy} aria-describedby={ids.warning} onChange={(event) => setAlways(event.target.checked)} />{' '}
          <label htmlFor={ids.always}>{t('consent.always')}</label>
          <p id={ids.warning} className="consent-prompt__warning">{t('consent.alwaysWarning')}</p>
        </div>
        {error && <p className="consent-prompt__error" role="alert">{localize(error)}</p>}
        <div className="modal__actions">
          <button ref={denyRef} type="button" className="button button--quiet" disabled={busy} onClick={() => void answer('deny')}>
            {t('consent.deny')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void answer('grant')}>
            {busy ? t('consent.sending') : always ? t('consent.allowAlways') : t('consent.allowOnce')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
