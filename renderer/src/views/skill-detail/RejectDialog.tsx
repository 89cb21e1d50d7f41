import { useId, useRef, useState, type FormEvent } from 'react';
import type { SkillVersionRecord } from '../../../../shared/contract/index.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { ask } from '../../lib/api.ts';

const MAX_REASON = 500;

/** Rejecting needs no factor (nothing is deployed), only a reason, which is kept with the decision. */
export function RejectDialog({ version, onClose, onRejected }: {
  version: SkillVersionRecord;
  onClose: () => void;
  onRejected: (version: SkillVersionRecord) => void;
}) {
  const { t, localize } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Localized | null>(null);
  const [empty, setEmpty] = useState(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const ids = { field: useId(), hint: useId(), error: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setEmpty(true);
      fieldRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await ask(() => window.foundry.approval.reject({ versionId: version.id, reason: reason.trim() }));
    setBusy(false);
    if (answer.ok) onRejected(answer.value);
    else setError(answer.error.message);
  }

  return (
    <ModalDialog title={t('reject.title', { tag: version.tag })} onClose={onClose} canClose={!busy} initialFocus={fieldRef}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <p>{t('reject.intro')}</p>
        <div className="rv-field">
          <label htmlFor={ids.field} className="rv-field__label">{t('reject.reason')}</label>
          <textarea
            ref={fieldRef}
            id={ids.field}
            className="rv-field__input"
            rows={4}
            maxLength={MAX_REASON}
            value={reason}
            required
            disabled={busy}
            aria-invalid={empty && !reason.trim()}
            aria-describedby={[ids.hint, error ? ids.error : ''].filter(Boolean).join(' ')}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id={ids.hint} className="rv-field__hint">
            {empty && !reason.trim() ? <span className="text-bad">{t('reject.reasonRequired')}</span> : t('reject.count', { count: reason.length, max: MAX_REASON })}
          </p>
        </div>
        {error && <p id={ids.error} className="rv-callout rv-callout--bad" role="alert">{localize(error)}</p>}
        <div className="modal__actions">
          <button type="button" className="button button--quiet" onClick={onClose} disabled={busy}>{t('dialog.cancel')}</button>
          <button type="submit" className="button rv-button-danger" disabled={busy}>{busy ? t('reject.submitting') : t('reject.submit')}</button>
        </div>
      </form>
    </ModalDialog>
  );
}
