import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError, ApprovalStatus, SkillVersionRecord } from '../../../../shared/contract/index.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ask, type Answer } from '../../lib/api.ts';
import { disclosureOf } from '../../lib/records.ts';
import { CapabilityList, RISK_TONE } from './ReviewSummary.tsx';
import { approvalProblem } from './approval-problem.ts';
import { FallbackPassphraseField, usesFallbackPassphrase } from './FallbackPassphraseField.tsx';
import { TotpCodeField } from './TotpCodeField.tsx';

interface ApprovalDialogProps {
  version: SkillVersionRecord;
  onClose: () => void;
  onApproved: (version: SkillVersionRecord) => void;
  /** The version changed or was decided meanwhile: the detail reloads it. */
  onChanged: () => void;
}

/**
 * The one place where a version is approved: it shows exactly what is approved (name, tag, content
 * hash, capabilities), asks for the authenticator code (and the fallback passphrase when that is the
 * check on this computer), and main runs the check on this computer before deploying.
 */
export function ApprovalDialog({ version, onClose, onApproved, onChanged }: ApprovalDialogProps) {
  const { t, localize, locale } = useI18n();
  const navigate = useFoundryStore((state) => state.navigate);
  const [status, setStatus] = useState<Answer<ApprovalStatus> | null>(null);
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [incomplete, setIncomplete] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const ids = { code: useId(), codeHint: useId(), problem: useId(), provider: useId() };
  const disclosure = disclosureOf(version);

  const loadStatus = async () => setStatus(await ask(() => window.foundry.approval.status({})));
  useEffect(() => {
    void loadStatus();
  }, []);

  const ready = status?.ok ? status.value : null;
  const biometric = ready?.biometric ?? null;
  const usesPassphrase = usesFallbackPassphrase(biometric);
  const totpActive = Boolean(ready?.totp?.active);
  const lockedUntil = ready?.totp?.lockedUntil && Date.parse(ready.totp.lockedUntil) > Date.now() ? ready.totp.lockedUntil : null;
  const blocked = ready !== null && (biometric?.state !== 'ready' || !totpActive || !ready.secretStorage);
  const shown = problem ? approvalProblem(problem) : null;

  // Focus goes to the code once the factors are known and the field exists, and back to it after each refusal.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (ready && !blocked) codeRef.current?.focus();
  }, [ready, blocked, refusals]);

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
    const answer = await ask(() => window.foundry.approval.approve({
      versionId: version.id,
      shownContentSha256: version.contentSha256,
      totpCode: code,
      ...(usesPassphrase ? { passphrase } : {}),
    }));
    setBusy(false);
    if (answer.ok) {
      onApproved(answer.value);
      return;
    }
    const next = approvalProblem(answer.error);
    setProblem(answer.error);
    setPassphrase('');
    if (next.codeField) setCode('');
    if (next.lockedUntil || next.settings) void loadStatus();
    setRefusals((count) => count + 1);
  }

  function openSettings() {
    onClose();
    navigate('settings');
  }

  const lockText = (until: string) => t('approve.lockedUntil', { time: formatDateTime(until, locale) });

  return (
    <ModalDialog title={t('approve.title', { name: version.name })} onClose={onClose} canClose={!busy} initialFocus={codeRef} className="modal--approve">
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <section className="approve__what" aria-labelledby={`${ids.code}-what`}>
          <h3 id={`${ids.code}-what`} className="approve__heading">{t('approve.what')}</h3>
          <dl className="facts approve__facts">
            <div className="facts__row">
              <dt>{t('approve.skill')}</dt>
              <dd>{version.name} <code className="muted">{version.slug}</code></dd>
            </div>
            <div className="facts__row">
              <dt>{t('approve.version')}</dt>
              <dd><code>{version.tag}</code></dd>
            </div>
            <div className="facts__row">
              <dt>{t('approve.hash')}</dt>
              <dd>
                <code className="hash approve__hash" title={version.contentSha256} data-testid="approve-hash">{version.contentSha256.slice(0, 16)}</code>
                <span className="muted approve__hash-note">{t('approve.hashNote')}</span>
              </dd>
            </div>
            {disclosure && (
              <div className="facts__row">
                <dt>{t('summary.risk')}</dt>
                <dd><Badge tone={RISK_TONE[disclosure.risk.level]}>{t(`risk.${disclosure.risk.level}`)}</Badge></dd>
              </div>
            )}
          </dl>
          <h4 className="approve__subheading">{disclosure ? localize(disclosure.title) : t('approve.capabilities')}</h4>
          {disclosure && disclosure.items.length > 0
            ? <CapabilityList items={disclosure.items} />
            : <p className="muted">{disclosure ? t('summary.noCapabilities') : t('summary.noDisclosure')}</p>}
        </section>

        {status === null && <Loading />}
        {status && !status.ok && <p className="rv-callout rv-callout--bad" role="alert">{localize(status.error.message)}</p>}

        {ready && (
          <section className="approve__factors" aria-labelledby={`${ids.code}-factors`}>
            <h3 id={`${ids.code}-factors`} className="approve__heading">{t('approve.factors')}</h3>

            <div className="approve__provider" id={ids.provider}>
              <span className="approve__provider-label">{t('approve.provider')}</span>{' '}
              {biometric?.state === 'ready'
                ? <strong data-testid="approve-provider">{localize(biometric.label)}</strong>
                : <strong className="text-bad">{t('approve.noProvider')}</strong>}
              {biometric?.notice && (
                <p className={`rv-callout ${biometric.state === 'ready' && biometric.isTest ? 'rv-callout--warn' : 'rv-callout--neutral'}`}>{localize(biometric.notice)}</p>
              )}
            </div>

            {blocked && (
              <div className="rv-callout rv-callout--bad" role="alert">
                <h4 className="rv-callout__title">{t('approve.blocked')}</h4>
                {!ready.secretStorage && <p>{t('approve.noSecretStorage')}</p>}
                {ready.secretStorage && !totpActive && <p>{t('approve.noTotp')}</p>}
                {biometric?.state === 'none' && <p>{localize(biometric.message)}</p>}
                <button type="button" className="button button--quiet" onClick={openSettings}>{t('approve.openSettings')}</button>
              </div>
            )}

            {!blocked && (
              <>
                {lockedUntil && !shown && (
                  <p className="rv-callout rv-callout--bad" role="alert">{t('approve.error.locked')} {lockText(lockedUntil)}</p>
                )}
                <TotpCodeField
                  id={ids.code}
                  hintId={ids.codeHint}
                  inputRef={codeRef}
                  value={code}
                  onChange={setCode}
                  disabled={busy}
                  account={ready.totp?.active?.account ?? ''}
                  incomplete={incomplete}
                  refused={Boolean(shown?.codeField)}
                  problemId={shown ? ids.problem : null}
                />
                {usesPassphrase && (
                  <FallbackPassphraseField value={passphrase} onChange={setPassphrase} disabled={busy} invalid={incomplete && passphrase.length === 0} />
                )}
              </>
            )}
          </section>
        )}

        {shown && problem && (
          <div className="rv-callout rv-callout--bad approve__problem" role="alert" id={ids.problem}>
            <h4 className="rv-callout__title">{t(shown.title)}</h4>
            <p>{localize(problem.message)}</p>
            {shown.lockedUntil && <p>{lockText(shown.lockedUntil)}</p>}
            {shown.settings && <button type="button" className="button button--quiet" onClick={openSettings}>{t('approve.openSettings')}</button>}
            {shown.reload && <button type="button" className="button button--quiet" onClick={onChanged}>{t('approve.reload')}</button>}
          </div>
        )}

        <p className="approve__progress" role="status">{busy ? t(usesPassphrase ? 'approve.checkingPassphrase' : 'approve.checking') : ''}</p>

        <div className="modal__actions">
          <button type="button" className="button button--quiet" onClick={onClose} disabled={busy}>{t('dialog.cancel')}</button>
          <button type="submit" className="button" disabled={busy || !ready || blocked} aria-describedby={ids.provider}>
            {busy ? t('approve.submitting') : t('approve.submit')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
