import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApprovalStatus } from '../../../../shared/contract/index.ts';
import type { TotpEnrollmentOffer, TotpStatus } from '../../../../shared/contract/review-records.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { useSecurityStore } from '../../store/security-store.ts';
import { callFoundry } from '../../store/outcome.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useNow } from '../../hooks/use-now.ts';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { Badge } from '../../components/Badge.tsx';
import { ErrorLine, Subsection } from './settings-parts.tsx';

/** Main refuses shorter approval passphrases (passphrase-kdf's MIN_PASSPHRASE_LENGTH); said here before sending. */
const MIN_PASSPHRASE_LENGTH = 8;
/** Authenticator apps show six digits, sometimes as "123 456". */
const TOTP_CODE = /^\d{6}$/;
const codeOf = (text: string) => text.replace(/\s+/g, '');

/** Settings → Security: the two approval factors, the authenticator app and the check on this computer. */
export function SecuritySettings() {
  const { t } = useI18n();
  const approval = useSecurityStore((state) => state.approval);
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">{t('security.title')}</h2>
      <p className="card__intro muted">{t('security.intro')}</p>
      <LoadableContent state={approval} isEmpty={() => false} empty={null}>
        {(status) => (
          <>
            <Authenticator status={status} />
            <ComputerCheck status={status} />
            <FallbackPassphrase status={status} />
          </>
        )}
      </LoadableContent>
    </section>
  );
}

type Enrollment =
  | { step: 'idle' }
  | { step: 'start' }
  | { step: 'offer'; offer: TotpEnrollmentOffer }
  | { step: 'done'; account: string };

/** The authenticator app: its status, and setting it up (or replacing it) with a QR code and a first code. */
function Authenticator({ status }: { status: ApprovalStatus }) {
  const { t } = useI18n();
  const [enrollment, setEnrollment] = useState<Enrollment>({ step: 'idle' });
  const totp = status.totp;

  if (!status.secretStorage || !totp) {
    return (
      <Subsection title={t('totpSetup.title')}>
        <div className="notice notice--warn">
          <h4 className="notice__title">{t('totpSetup.noStorage.title')}</h4>
          <p>{t('totpSetup.noStorage.body')}</p>
        </div>
      </Subsection>
    );
  }
  return (
    <Subsection title={t('totpSetup.title')}>
      <TotpFacts totp={totp} />
      {enrollment.step === 'done' && (
        <p className="inline-notice inline-notice--good" role="status">{t('totpSetup.enrolled', { account: enrollment.account })}</p>
      )}
      {(enrollment.step === 'idle' || enrollment.step === 'done') && (
        <div className="button-row">
          <button type="button" className={totp.active ? 'button button--quiet' : 'button'} onClick={() => setEnrollment({ step: 'start' })}>
            {totp.active ? t('totpSetup.replace') : totp.pending ? t('totpSetup.restart') : t('totpSetup.setUp')}
          </button>
        </div>
      )}
      {enrollment.step === 'start' && (
        <StartEnrollment
          replacing={totp.active !== null}
          onOffer={(offer) => setEnrollment({ step: 'offer', offer })}
          onCancel={() => setEnrollment({ step: 'idle' })}
        />
      )}
      {enrollment.step === 'offer' && (
        <ConfirmEnrollment
          offer={enrollment.offer}
          onDone={() => setEnrollment({ step: 'done', account: enrollment.offer.account })}
          onRestart={() => setEnrollment({ step: 'start' })}
          onCancel={() => setEnrollment({ step: 'idle' })}
        />
      )}
    </Subsection>
  );
}

function TotpFacts({ totp }: { totp: TotpStatus }) {
  const { t, locale } = useI18n();
  const now = useNow(15_000);
  const locked = totp.lockedUntil !== null && Date.parse(totp.lockedUntil) > now;
  return (
    <dl className="facts">
      <dt>{t('totpSetup.status')}</dt>
      <dd>
        {totp.active ? (
          <>
            <Badge tone="good">{t('totpSetup.active')}</Badge>{' '}
            {t('totpSetup.activeFor', { account: totp.active.account, date: formatDateTime(totp.active.confirmedAt, locale) })}
          </>
        ) : (
          <Badge tone="warn">{t('totpSetup.none')}</Badge>
        )}
      </dd>
      {totp.pending && (
        <>
          <dt>{t('totpSetup.pending')}</dt>
          <dd>{t('totpSetup.pendingFor', { account: totp.pending.account, date: formatDateTime(totp.pending.startedAt, locale) })}</dd>
        </>
      )}
      {locked && totp.lockedUntil && (
        <>
          <dt>{t('totpSetup.lockout')}</dt>
          <dd><Badge tone="bad">{t('totpSetup.locked')}</Badge> {t('totpSetup.lockedUntil', { date: formatDateTime(totp.lockedUntil, locale) })}</dd>
        </>
      )}
    </dl>
  );
}

function StartEnrollment({ replacing, onOffer, onCancel }: { replacing: boolean; onOffer: (offer: TotpEnrollmentOffer) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [account, setAccount] = useState('Skill Foundry');
  const [currentCode, setCurrentCode] = useState('');
  const [problem, setProblem] = useState<Localized | string | null>(null);
  const [busy, setBusy] = useState(false);
  const accountId = useId();
  const codeId = useId();
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!account.trim()) return setProblem(t('totpSetup.accountMissing'));
    if (replacing && !TOTP_CODE.test(codeOf(currentCode))) return setProblem(t('totpSetup.codeFormat'));
    setBusy(true);
    setProblem(null);
    const request = replacing ? { account: account.trim(), currentCode: codeOf(currentCode) } : { account: account.trim() };
    const outcome = await callFoundry(() => window.foundry.totp.startEnrollment(request));
    setBusy(false);
    if (outcome.ok) onOffer(outcome.value);
    else setProblem(outcome.error);
  }

  return (
    <form className="stack-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={accountId} className="field__label">{t('totpSetup.account')}</label>
        <input ref={firstRef} id={accountId} className="input" type="text" maxLength={64} value={account} onChange={(event) => setAccount(event.target.value)} aria-describedby={`${accountId}-hint`} />
        <p id={`${accountId}-hint`} className="field__hint">{t('totpSetup.accountHint')}</p>
      </div>
      {replacing && (
        <div className="field">
          <label htmlFor={codeId} className="field__label">{t('totpSetup.currentCode')}</label>
          <AuthenticatorCodeInput id={codeId} value={currentCode} onChange={setCurrentCode} describedBy={`${codeId}-hint`} />
          <p id={`${codeId}-hint`} className="field__hint">{t('totpSetup.currentCodeHint')}</p>
        </div>
      )}
      <ErrorLine message={problem} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>{t('totpSetup.start')}</button>
        <button type="button" className="button button--quiet" onClick={onCancel}>{t('settings.cancel')}</button>
      </div>
    </form>
  );
}

function ConfirmEnrollment({ offer, onDone, onRestart, onCancel }: { offer: TotpEnrollmentOffer; onDone: () => void; onRestart: () => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const showApproval = useSecurityStore((state) => state.showApproval);
  const loadApproval = useSecurityStore((state) => state.loadApproval);
  const now = useNow(5_000);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Localized | string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeId = useId();
  const keyId = useId();
  const qrRef = useRef<HTMLHeadingElement>(null);
  const expired = Date.parse(offer.expiresAt) <= now;

  useEffect(() => qrRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!TOTP_CODE.test(codeOf(code))) return setProblem(t('totpSetup.codeFormat'));
    setBusy(true);
    setProblem(null);
    const outcome = await callFoundry(() => window.foundry.totp.confirmEnrollment({ code: codeOf(code) }));
    setBusy(false);
    if (!outcome.ok) {
      setProblem(outcome.error);
      void loadApproval();
      return;
    }
    const status = useSecurityStore.getState().approval.data;
    if (status) showApproval({ ...status, totp: outcome.value });
    void loadApproval();
    onDone();
  }

  return (
    <div className="enrollment">
      <h4 ref={qrRef} tabIndex={-1} className="enrollment__title">{t('totpSetup.scanTitle')}</h4>
      <ol className="enrollment__steps">
        <li>{t('totpSetup.step1')}</li>
        <li>{t('totpSetup.step2')}</li>
        <li>{t('totpSetup.step3')}</li>
      </ol>
      <div className="enrollment__grid">
        <img className="enrollment__qr" src={offer.qrPngDataUrl} alt={t('totpSetup.qrAlt', { account: offer.account })} width={200} height={200} />
        <div>
          <p className="field__label" id={keyId}>{t('totpSetup.manualKey')}</p>
          <p><code className="secret-box" aria-labelledby={keyId}>{offer.manualEntryKey}</code></p>
          <p className="field__hint">{t('totpSetup.manualHint', { account: offer.account })}</p>
          <p className={expired ? 'text-bad' : 'muted'}>
            {expired ? t('totpSetup.expired') : t('totpSetup.expires', { time: formatDateTime(offer.expiresAt, locale) })}
          </p>
        </div>
      </div>
      {expired ? (
        <div className="button-row">
          <button type="button" className="button" onClick={onRestart}>{t('totpSetup.restart')}</button>
          <button type="button" className="button button--quiet" onClick={onCancel}>{t('settings.cancel')}</button>
        </div>
      ) : (
        <form className="stack-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={codeId} className="field__label">{t('totpSetup.code')}</label>
            <AuthenticatorCodeInput id={codeId} value={code} onChange={setCode} invalid={problem !== null || undefined} />
          </div>
          <ErrorLine message={problem} />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy} aria-busy={busy}>{t('totpSetup.confirm')}</button>
            <button type="button" className="button button--quiet" onClick={onCancel}>{t('settings.cancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Which check on this computer approvals ask for, flagged loudly when it is the test provider. */
/** A code from the authenticator app: digits from the phone, offered by the OS's one-time-code autofill. */
function AuthenticatorCodeInput({ id, value, onChange, describedBy, invalid }: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  describedBy?: string;
  invalid?: boolean;
}) {
  return (
    <input
      id={id}
      className="input input--code"
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={12}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid}
    />
  );
}

function ComputerCheck({ status }: { status: ApprovalStatus }) {
  const { t, localize } = useI18n();
  const biometric = status.biometric;
  return (
    <Subsection title={t('computerCheck.title')}>
      {biometric.state === 'ready' ? (
        <p>
          <Badge tone={biometric.isTest ? 'bad' : 'good'}>{biometric.isTest ? t('computerCheck.test') : t('computerCheck.ready')}</Badge>{' '}
          <span>{localize(biometric.label)}</span>
        </p>
      ) : (
        <p>
          <Badge tone="bad">{t('computerCheck.none')}</Badge> <span>{localize(biometric.message)}</span>
        </p>
      )}
      {biometric.notice && (
        <div className={biometric.state === 'ready' && biometric.isTest ? 'notice notice--error' : 'notice notice--warn'}>
          <p>{localize(biometric.notice)}</p>
        </div>
      )}
    </Subsection>
  );
}

/** The approval passphrase standing in for the check on this computer where there is none; offered until set. */
function FallbackPassphrase({ status }: { status: ApprovalStatus }) {
  const { t } = useI18n();
  const showApproval = useSecurityStore((state) => state.showApproval);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<Localized | string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const firstId = useId();
  const repeatId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return setProblem(t('fallbackSetup.tooShort', { n: MIN_PASSPHRASE_LENGTH }));
    if (passphrase !== repeat) return setProblem(t('fallbackSetup.mismatch'));
    setBusy(true);
    setProblem(null);
    const outcome = await callFoundry(() => window.foundry.fallback.setUp({ passphrase }));
    setBusy(false);
    if (!outcome.ok) return setProblem(outcome.error);
    setPassphrase('');
    setRepeat('');
    setDone(true);
    showApproval(outcome.value);
  }

  return (
    <Subsection title={t('fallbackSetup.title')}>
      <p className="muted">{t('fallbackSetup.intro')}</p>
      {status.fallbackSetUp ? (
        <p className={done ? 'inline-notice inline-notice--good' : undefined} role="status">
          <Badge tone="good">{t('fallbackSetup.isSet')}</Badge> {done ? t('fallbackSetup.saved') : ''}
        </p>
      ) : (
        <form className="stack-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={firstId} className="field__label">{t('fallbackSetup.passphrase')}</label>
            <input id={firstId} className="input" type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} aria-describedby={`${firstId}-hint`} />
            <p id={`${firstId}-hint`} className="field__hint">{t('fallbackSetup.hint', { n: MIN_PASSPHRASE_LENGTH })}</p>
          </div>
          <div className="field">
            <label htmlFor={repeatId} className="field__label">{t('fallbackSetup.repeat')}</label>
            <input id={repeatId} className="input" type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} />
          </div>
          <ErrorLine message={problem} />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy} aria-busy={busy}>{t('fallbackSetup.save')}</button>
          </div>
        </form>
      )}
    </Subsection>
  );
}

