import { useId, useRef, useState, type FormEvent } from 'react';
import type { ShellSwitchView, ShellView } from '../../../../shared/contract/index.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { ask } from '../../lib/api.ts';
import { TwoFactorFields, TwoFactorProgress, TwoFactorStatus } from './TwoFactorFields.tsx';
import { useTwoFactors } from './use-two-factors.ts';

type ShellDialogProps =
  | { kind: 'switch'; name: string; onClose: () => void; onDone: (view: ShellSwitchView) => void }
  | { kind: 'folder'; slug: string; name: string; onClose: () => void; onDone: (view: ShellView) => void };

/**
 * Confirms config.yaml's "shell actions on", or chooses the folder a skill's commands work in.
 * Both widen what may run on this computer, so both ask for the same two factors as an approval;
 * main checks the folder and both factors.
 */
export function ShellDialog(props: ShellDialogProps) {
  const { t, localize } = useI18n();
  const [folder, setFolder] = useState('');
  const folderRef = useRef<HTMLInputElement>(null);
  const factors = useTwoFactors(props.kind === 'folder' ? folderRef : undefined);
  const { ready, blocked, busy, problem } = factors;
  const ids = { folder: useId(), hint: useId() };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (props.kind === 'switch') void factors.submitWith((collected) => ask(() => window.foundry.shell.confirmSwitch(collected)), props.onDone);
    else void factors.submitWith((collected) => ask(() => window.foundry.shell.setFolder({ slug: props.slug, folder: folder.trim(), ...collected })), props.onDone);
  }

  const title = props.kind === 'switch' ? t('shell.dialog.switchTitle') : t('shell.dialog.folderTitle', { name: props.name });
  return (
    <ModalDialog title={title} onClose={props.onClose} canClose={!busy} {...(props.kind === 'folder' ? { initialFocus: folderRef } : {})} className="modal--approve">
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <p className="rv-callout rv-callout--warn">{props.kind === 'switch' ? t('shell.dialog.switchWarning') : t('shell.dialog.folderWarning')}</p>
        {props.kind === 'folder' && (
          <div className="rv-field">
            <label htmlFor={ids.folder} className="rv-field__label">{t('shell.dialog.folderLabel')}</label>
            <input ref={folderRef} id={ids.folder} className="rv-field__input" value={folder} disabled={busy} spellCheck={false}
              aria-describedby={ids.hint} onChange={(event) => setFolder(event.target.value)} />
            <p id={ids.hint} className="rv-field__hint">{t('shell.dialog.folderHint')}</p>
          </div>
        )}
        <TwoFactorStatus factors={factors} />
        <TwoFactorFields factors={factors} />
        {problem && <p className="rv-callout rv-callout--bad" role="alert" id={factors.ids.problem}>{localize(problem.message)}</p>}
        <TwoFactorProgress factors={factors} />
        <div className="modal__actions">
          <button type="button" className="button button--quiet" onClick={props.onClose} disabled={busy}>{t('dialog.cancel')}</button>
          <button type="submit" className="button" disabled={busy || !ready || blocked}>{t('shell.dialog.submit')}</button>
        </div>
      </form>
    </ModalDialog>
  );
}
