import { useId } from 'react';
import type { ActiveProviderDescription } from '../../../../shared/contract/review-records.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** Whether the check on this computer is the owner's local passphrase, which the window must collect. */
export function usesFallbackPassphrase(biometric: ActiveProviderDescription | null): boolean {
  return biometric?.state === 'ready' && biometric.id === 'passphrase-fallback';
}

/** The local approval passphrase, asked for where it stands in for a biometric check (approve, roll back). */
export function FallbackPassphraseField({ value, onChange, disabled, invalid }: {
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  invalid?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="rv-field">
      <label htmlFor={id} className="rv-field__label">{t('approve.passphrase')}</label>
      <input
        id={id}
        type="password"
        className="rv-field__input"
        autoComplete="current-password"
        value={value}
        disabled={disabled}
        aria-invalid={invalid}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className="rv-field__hint">{t('approve.passphraseHint')}</p>
    </div>
  );
}
