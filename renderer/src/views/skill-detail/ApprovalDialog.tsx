import { useId, type FormEvent } from 'react';
import type { SkillVersionRecord } from '../../../../shared/contract/index.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { ask } from '../../lib/api.ts';
import { disclosureOf } from '../../lib/records.ts';
import { CapabilityList, RiskAndWarnings } from './ReviewSummary.tsx';
import { TwoFactorFields, TwoFactorProgress, TwoFactorStatus } from './TwoFactorFields.tsx';
import { useTwoFactors } from './use-two-factors.ts';

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
  const factors = useTwoFactors();
  const { ready, blocked, busy, problem, shown, ids } = factors;
  const providerId = useId();
  const disclosure = disclosureOf(version);

  const lockedUntil = ready?.totp?.lockedUntil && Date.parse(ready.totp.lockedUntil) > Date.now() ? ready.totp.lockedUntil : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    void factors.submitWith((collected) => ask(() => window.foundry.approval.approve({
      versionId: version.id,
      shownContentSha256: version.contentSha256,
      ...collected,
    })), onApproved);
  }

  function openSettings() {
    onClose();
    navigate('settings');
  }

  const lockText = (until: string) => t('approve.lockedUntil', { time: formatDateTime(until, locale) });

  return (
    <ModalDialog title={t('approve.title', { name: version.name })} onClose={onClose} canClose={!busy} initialFocus={factors.codeRef} className="modal--approve">
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
          </dl>
          {disclosure && <RiskAndWarnings disclosure={disclosure} />}
          <h4 className="approve__subheading">{disclosure ? localize(disclosure.title) : t('approve.capabilities')}</h4>
          {disclosure && disclosure.items.length > 0
            ? <CapabilityList items={disclosure.items} />
            : <p className="muted">{disclosure ? t('summary.noCapabilities') : t('summary.noDisclosure')}</p>}
        </section>

        <TwoFactorStatus factors={factors} />

        {ready && (
          <section className="approve__factors" aria-labelledby={`${ids.code}-factors`}>
            <h3 id={`${ids.code}-factors`} className="approve__heading">{t('approve.factors')}</h3>

            <div className="approve__provider" id={providerId}>
              <span className="approve__provider-label">{t('approve.provider')}</span>{' '}
              {ready.biometric.state === 'ready'
                ? <strong data-testid="approve-provider">{localize(ready.biometric.label)}</strong>
                : <strong className="text-bad">{t('approve.noProvider')}</strong>}
              {ready.biometric.notice && (
                <p className={`rv-callout ${ready.biometric.state === 'ready' && ready.biometric.isTest ? 'rv-callout--warn' : 'rv-callout--neutral'}`}>{localize(ready.biometric.notice)}</p>
              )}
            </div>

            {!blocked && lockedUntil && !shown && (
              <p className="rv-callout rv-callout--bad" role="alert">{t('approve.error.locked')} {lockText(lockedUntil)}</p>
            )}
            <TwoFactorFields factors={factors} onOpenSettings={openSettings} />
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

        <TwoFactorProgress factors={factors} />

        <div className="modal__actions">
          <button type="button" className="button button--quiet" onClick={onClose} disabled={busy}>{t('dialog.cancel')}</button>
          <button type="submit" className="button" disabled={busy || !ready || blocked} aria-describedby={providerId}>
            {busy ? t('approve.submitting') : t('approve.submit')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
