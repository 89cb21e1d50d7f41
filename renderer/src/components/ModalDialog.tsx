import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';
import './modal-dialog.css';

interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** While false (a request is on its way), Escape and the close button do nothing. */
  canClose?: boolean;
  /** Focused when the dialog opens; by default the first focusable element is. */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
}

/**
 * A real modal dialog: <dialog> opened with showModal(), so the rest of the page is inert and focus
 * stays inside; Escape closes it; focus goes back to where it was when the dialog opened.
 */
export function ModalDialog({ title, onClose, children, canClose = true, initialFocus, className }: ModalDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const canCloseRef = useRef(canClose);
  canCloseRef.current = canClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The opener may be re-rendered meanwhile; give the page a frame before restoring focus.
      requestAnimationFrame(() => {
        if (opener?.isConnected) opener.focus();
      });
    };
    // Opened once per mount; initialFocus is read at that moment only.
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (canCloseRef.current) onCloseRef.current();
      }}
    >
      <div className="modal__header">
        <h2 id={titleId} className="modal__title">{title}</h2>
        <button type="button" className="modal__close" onClick={() => canClose && onClose()} disabled={!canClose} aria-label={t('dialog.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="modal__body">{children}</div>
    </dialog>
  );
}
