import type { RefObject } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';

interface TotpCodeFieldProps {
  id: string;
  hintId: string;
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (code: string) => void;
  disabled: boolean;
  /** The enrolled authenticator's account, named in the hint. */
  account: string;
  /** Shown after a send was tried with fewer than 6 digits. */
  incomplete: boolean;
  /** The last refusal was about the code. */
  refused: boolean;
  /** The refusal's element, read out with the field. */
  problemId: string | null;
}

/** The authenticator code, as every two-factor dialog asks for it (approving a version, allowing a local address). */
export function TotpCodeField({ id, hintId, inputRef, value, onChange, disabled, account, incomplete, refused, problemId }: TotpCodeFieldProps) {
  const { t } = useI18n();
  const short = incomplete && value.length !== 6;
  return (
    <div className="rv-field">
      <label htmlFor={id} className="rv-field__label">{t('approve.code')}</label>
      <input
        ref={inputRef}
        id={id}
        name="one-time-code"
        className="rv-field__input rv-field__input--code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        value={value}
        disabled={disabled}
        aria-invalid={refused || short}
        aria-describedby={[hintId, problemId ?? ''].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, 6))}
      />
      <p id={hintId} className="rv-field__hint">
        {short ? <span className="text-bad">{t('approve.codeIncomplete')}</span> : t('approve.codeHint', { account })}
      </p>
    </div>
  );
}
