import { useId, useRef, useState, type FormEvent } from 'react';
import type { SkillSettingsView } from '../../../../shared/contract/index.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { ask } from '../../lib/api.ts';
import { TwoFactorFields, TwoFactorProgress, TwoFactorStatus } from './TwoFactorFields.tsx';
import { useTwoFactors } from './use-two-factors.ts';

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
  const [address, setAddress] = useState('');
  const [port, setPort] = useState('');
  const addressRef = useRef<HTMLInputElement>(null);
  const factors = useTwoFactors(addressRef);
  const { ready, blocked, busy, problem } = factors;
  const ids = { address: useId(), addressHint: useId(), port: useId() };

  function submit(event: FormEvent) {
    event.preventDefault();
    void factors.submitWith((collected) => ask(() => window.foundry.skillSettings.addAllowance({
      slug, address: address.trim(), port: Number(port), ...collected,
    })), (view) => {
      const added = view.allowances.at(-1);
      onAdded(view, added ? `${added.address}:${added.port}` : address);
    });
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

        <TwoFactorStatus factors={factors} />
        <TwoFactorFields factors={factors} />

        {problem && <p className="rv-callout rv-callout--bad" role="alert" id={factors.ids.problem}>{localize(problem.message)}</p>}
        <TwoFactorProgress factors={factors} />
        <div className="modal__actions">
          <button type="button" className="button button--quiet" onClick={onClose} disabled={busy}>{t('dialog.cancel')}</button>
          <button type="submit" className="button" disabled={busy || !ready || blocked}>{t('allowance.submit')}</button>
        </div>
      </form>
    </ModalDialog>
  );
}
