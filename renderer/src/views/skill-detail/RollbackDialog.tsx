import { useEffect, useRef, useState } from 'react';
import type { ApiError, ApprovalStatus, SkillVersionRecord } from '../../../../shared/contract/index.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { HashPrefix } from '../../components/HashPrefix.tsx';
import { ask, type Answer } from '../../lib/api.ts';
import { approvalProblem } from './approval-problem.ts';
import { FallbackPassphraseField, usesFallbackPassphrase } from './FallbackPassphraseField.tsx';

/**
 * Going back to an approved version: that exact content was approved with both factors before,
 * so main asks only for the check on this computer (and refuses if the content changed since).
 */
export function RollbackDialog({ version, onClose, onRolledBack }: {
  version: SkillVersionRecord;
  onClose: () => void;
  onRolledBack: (version: SkillVersionRecord) => void;
}) {
  const { t, localize } = useI18n();
  const [status, setStatus] = useState<Answer<ApprovalStatus> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void ask(() => window.foundry.approval.status({})).then(setStatus);
  }, []);
  const biometric = status?.ok ? status.value.biometric : null;
  const usesPassphrase = usesFallbackPassphrase(biometric);

  async function confirm() {
    setBusy(true);
    setError(null);
    const answer = await ask(() =>
      window.foundry.versions.rollback({ slug: version.slug, version: version.version, ...(usesPassphrase ? { passphrase } : {}) }),
    );
    setBusy(false);
    if (answer.ok) onRolledBack(answer.value);
    else setError(answer.error);
  }

  return (
    <ModalDialog title={t('rollback.title', { version: version.version })} onClose={onClose} canClose={!busy} initialFocus={confirmRef}>
      <p>{t('rollback.intro', { tag: version.tag })}</p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('approve.version')}</dt>
          <dd><code>{version.tag}</code></dd>
        </div>
        <div className="facts__row">
          <dt>{t('approve.hash')}</dt>
          <dd><HashPrefix sha256={version.contentSha256} /></dd>
        </div>
        <div className="facts__row">
          <dt>{t('approve.provider')}</dt>
          <dd>
            {biometric === null ? '…' : biometric.state === 'ready' ? localize(biometric.label) : <span className="text-bad">{localize(biometric.message)}</span>}
          </dd>
        </div>
      </dl>
      {usesPassphrase && <FallbackPassphraseField value={passphrase} onChange={setPassphrase} disabled={busy} />}
      {error && (
        <div className="rv-callout rv-callout--bad" role="alert">
          <h3 className="rv-callout__title">{t(approvalProblem(error).title === 'approve.error.other' ? 'rollback.refused' : approvalProblem(error).title)}</h3>
          <p>{localize(error.message)}</p>
        </div>
      )}
      <p role="status" className="approve__progress">{busy ? t('approve.checking') : ''}</p>
      <div className="modal__actions">
        <button type="button" className="button button--quiet" onClick={onClose} disabled={busy}>{t('dialog.cancel')}</button>
        <button ref={confirmRef} type="button" className="button" onClick={() => void confirm()} disabled={busy || (usesPassphrase && passphrase.length === 0)}>
          {busy ? t('rollback.submitting') : t('rollback.submit', { version: version.version })}
        </button>
      </div>
    </ModalDialog>
  );
}
