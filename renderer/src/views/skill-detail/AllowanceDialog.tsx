import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError, ApprovalStatus, SkillSettingsView } from '../../../../shared/contract/index.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ask, type Answer } from '../../lib/api.ts';
import { approvalProblem } from './approval-problem.ts';
import { FallbackPassphraseField, usesFallbackPassphrase } from './FallbackPassphraseField.tsx';
import { TotpCodeField } from './TotpCodeField.tsx';

interface AllowanceDialogProps {
  slug: string;
  name: string;
  onClose: () => void;
  onAdded: (view: SkillSettingsView, address: string) => void;
}

/**
 * Lets one skill reach one local address and port. It widens what the skill can reach, so it asks
 * for the same two factors as an approval; main checks the address and both factors.
 */
export function AllowanceDialog({ slug, name, onClose, onAdded }: AllowanceDialogProps) {
  const { t, localize } = useI18n();
  const [status, setStatus] = useState<Answer<ApprovalStatus> | null>(null);
  const [address, setAddress] = useState('');
  const [port, setPort] = useState('');
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [incomplete, setIncomplete] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const addressRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const ids = { address: useId(), addressHint: useId(), port: useId(), code: useId(), codeHint: useId(), problem: useId() };

  useEffect(() => {
    void ask(() => window.foundry.approval.status({})).then(setStatus);
  }, []);

  const ready = status?.ok ? status.value : null;
  const usesPassphrase = usesFallbackPassphrase(ready?.biometric ?? null);
  const blocked = ready !== null && (ready.biometric.state !== 'ready' || !ready.totp?.active || !ready.secretStorage);
  const codeRefused = problem ? approvalProblem(problem).codeField : false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{6}$/.test(code) || (usesPassphrase && passphrase.length === 0)) {
      setIncomplete(true);
      codeRef.current?.focus();
      return;
    }
    setIncomplete(false);
    setBusy(true);
    setProblem(null);
    const answer = await ask(() => window.foundry.skillSettings.addAllowance({
      slug, address: address.trim(), port: Number(port), totpCode: code, ...(usesPassphrase ? { passphrase } : {}),
    }));
    setBusy(false);
    setPassphrase('');
    if (answer.ok) {
      const added = answer.value.allowances.at(-1);
      onAdded(answer.value, added ? `${added.address}:${added.port}` : address);
      return;
    }
    setProblem(answer.error);
    if (approvalProblem(answer.error).codeField) {
      setCode('');
      codeRef.current?.focus();
    } else {
      addressRef.current?.focus();
    }
  }

  return (
    <ModalDialog title={t('allowance.title', { name })} onClose={onClose} canClose={!busy} initialFocus={addressRef} className="modal--approve">
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <p className="rv-callout rv-callout--warn">{t('allowance.warning')}</p>
        <div className="rv-field">
          <label htmlFor={ids.address} className="rv-field__label">{t('allowance.address')}</label>
          <input ref={addressRef} id={ids.address} className="rv-field__input" value={address} disabled={busy} spellCheck={false}
            aria-describedby={ids.addressHint} onChange={(event) => setAddress(event.target.value)} />
          <p id={ids.addressHint} className="rv-field__hint">{t('allowance.addressHint')}</p>
        </div>
        <div className="rv-field">
          <label htmlFor={ids.port} className="rv-field__label">{t('allowance.port')}</label>
          <input id={ids.port} className="rv-field__input" inputMode="numeric" value={port} disabled={busy}
            onChange={(event) => setPort(event.target.value.replace(/\D/g, '').slice(0, 5))} />
        </div>

        {status === null && <Loading />}
        {status && !status.ok && <p className="rv-callout rv-callout--bad" role="alert">{localize(status.error.message)}</p>}
        {blocked && (
          <div className="rv-callout rv-callout--bad" role="alert">
            <h4 className="rv-callout__title">{t('approve.blocked')}</h4>
            {!ready.secretStorage && <p>{t('approve.noSecretStorage')}</p>}
            {ready.secretStorage && !ready.totp?.active && <p>{t('approve.noTotp')}</p>}
            {ready.biometric.state === 'none' && <p>{localize(ready.biometric.message)}</p>}
          </div>
        )}
        {ready && !blocked && (
          <>
            <TotpCodeField id={ids.code} hintId={ids.codeHint} inputRef={codeRef} value={code} onChange={setCode} disabled={busy}
              account={ready.totp?.active?.account ?? ''} incomplete={incomplete} refused={codeRefused} problemId={problem ? ids.problem : null} />
            {usesPassphrase && <FallbackPassphraseField value={passphrase} onChange={setPassphrase} disabled={busy} invalid={incomplete && passphrase.length === 0} />}
          </>
        )}

        {problem && <p className="rv-callout rv-callout--bad" role="alert" id={ids.problem}>{localize(problem.message)}</p>}
        <p className="approve__progress" role="status">{busy ? t(usesPassphrase ? 'approve.checkingPassphrase' : 'approve.checking') : ''}</p>
        <div className="modal__actions">
          <button type="button" className="button button--quiet" onClick={onClose} disabled={busy}>{t('dialog.cancel')}</button>
          <button type="submit" className="button" disabled={busy || !ready || blocked}>{t('allowance.submit')}</button>
        </div>
      </form>
    </ModalDialog>
  );
}
