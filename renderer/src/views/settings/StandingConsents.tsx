import { useEffect, useId, useState } from 'react';
import type { Localized } from '../../../../shared/i18n-types.ts';
import type { StandingConsentRecord } from '../../../../shared/contract/consent-records.ts';
import { useConsentsStore } from '../../store/consents-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { ErrorLine } from './settings-parts.tsx';
import '../../components/consent-prompt.css';

/**
 * Settings → the actions the owner allowed to run without asking. Beside the approval factors
 * rather than in each skill: it is one security decision to review across all skills at once.
 */
export function StandingConsents() {
  const { t } = useI18n();
  const standing = useConsentsStore((state) => state.standing);
  const loadStanding = useConsentsStore((state) => state.loadStanding);
  const [problem, setProblem] = useState<Localized | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const headingId = useId();
  useEffect(() => void loadStanding(), [loadStanding]);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">{t('standingConsents.title')}</h2>
      <p className="card__intro muted">{t('standingConsents.intro')}</p>
      <LoadableContent state={standing} isEmpty={(list) => list.length === 0} empty={<p>{t('standingConsents.empty')}</p>}>
        {(list) => (
          <ul className="standing-consents">
            {list.map((consent) => (
              <StandingConsent key={consent.id} consent={consent} onRevoked={(message) => { setProblem(null); setNote(message); }} onFailed={setProblem} />
            ))}
          </ul>
        )}
      </LoadableContent>
      <p role="status">{note ?? ''}</p>
      <ErrorLine message={problem} />
    </section>
  );
}

function StandingConsent({ consent, onRevoked, onFailed }: {
  consent: StandingConsentRecord;
  onRevoked: (message: string) => void;
  onFailed: (message: Localized) => void;
}) {
  const { t, locale, localize } = useI18n();
  const revoke = useConsentsStore((state) => state.revoke);
  const [busy, setBusy] = useState(false);
  const skill = `${consent.skillName ?? consent.skillSlug}${consent.version ? ` v${consent.version}` : ''}`;
  const titleId = useId();

  async function revokeIt() {
    setBusy(true);
    const outcome = await revoke(consent.id);
    setBusy(false);
    if (outcome.ok) onRevoked(t('standingConsents.revoked', { action: consent.action, skill }));
    else onFailed(outcome.error);
  }

  return (
    <li className="standing-consent" aria-labelledby={titleId}>
      <p id={titleId}><strong>{skill}</strong> · <code>{consent.action}</code></p>
      <p>{localize(consent.summary)}</p>
      {consent.details.length > 0 && <pre className="consent-prompt__details">{consent.details.join('\n')}</pre>}
      <p className="muted">{t('standingConsents.since', { date: formatDateTime(consent.grantedAt, locale) })}</p>
      <button type="button" className="button button--quiet" disabled={busy} onClick={() => void revokeIt()} aria-describedby={titleId}>
        {busy ? t('standingConsents.revoking') : t('standingConsents.revoke')}
      </button>
    </li>
  );
}
