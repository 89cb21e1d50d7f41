import { useI18n } from '../../i18n/use-i18n.ts';
import { Loading } from '../../components/Loading.tsx';
import { FallbackPassphraseField } from './FallbackPassphraseField.tsx';
import { TotpCodeField } from './TotpCodeField.tsx';
import type { TwoFactors } from './use-two-factors.ts';

/** While the factors' state is asked for, a loading line; when it cannot be read, why. */
export function TwoFactorStatus({ factors }: { factors: TwoFactors }) {
  const { localize } = useI18n();
  const { status } = factors;
  if (status === null) return <Loading />;
  return status.ok ? null : <p className="rv-callout rv-callout--bad" role="alert">{localize(status.error.message)}</p>;
}

/**
 * The factors as the owner gives them: the authenticator code, and the fallback passphrase where it
 * stands in for the check on this computer; or, when they cannot be given here, what is missing
 * (with a way to Settings when `onOpenSettings` is given).
 */
export function TwoFactorFields({ factors, onOpenSettings }: { factors: TwoFactors; onOpenSettings?: () => void }) {
  const { t, localize } = useI18n();
  const { ready, blocked, busy, incomplete, passphrase, shown, ids } = factors;
  if (!ready) return null;
  if (blocked) {
    return (
      <div className="rv-callout rv-callout--bad" role="alert">
        <h4 className="rv-callout__title">{t('approve.blocked')}</h4>
        {!ready.secretStorage && <p>{t('approve.noSecretStorage')}</p>}
        {ready.secretStorage && !ready.totp?.active && <p>{t('approve.noTotp')}</p>}
        {ready.biometric.state === 'none' && <p>{localize(ready.biometric.message)}</p>}
        {onOpenSettings && <button type="button" className="button button--quiet" onClick={onOpenSettings}>{t('approve.openSettings')}</button>}
      </div>
    );
  }
  return (
    <>
      <TotpCodeField
        id={ids.code}
        hintId={ids.codeHint}
        inputRef={factors.codeRef}
        value={factors.code}
        onChange={factors.setCode}
        disabled={busy}
        account={ready.totp?.active?.account ?? ''}
        incomplete={incomplete}
        refused={Boolean(shown?.codeField)}
        problemId={shown ? ids.problem : null}
      />
      {factors.usesPassphrase && (
        <FallbackPassphraseField value={passphrase} onChange={factors.setPassphrase} disabled={busy} invalid={incomplete && passphrase.length === 0} />
      )}
    </>
  );
}

/** Read out while main checks the factors; the check on this computer may ask something of the owner. */
export function TwoFactorProgress({ factors }: { factors: TwoFactors }) {
  const { t } = useI18n();
  return <p className="approve__progress" role="status">{factors.busy ? t(factors.usesPassphrase ? 'approve.checkingPassphrase' : 'approve.checking') : ''}</p>;
}
