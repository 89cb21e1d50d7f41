import { useState } from 'react';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { Badge } from '../../components/Badge.tsx';
import { useReviewQueueStore } from './queue-store.ts';

/** Open requests from the assistant (look at this skill, go back to that version), above the queue. */
export function ReviewRequests() {
  const { t, localize } = useI18n();
  const requests = useReviewQueueStore((state) => state.requests);
  const dismiss = useReviewQueueStore((state) => state.dismiss);
  const openSkillDetail = useFoundryStore((state) => state.openSkillDetail);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<Localized | null>(null);

  const items = requests.data ?? [];
  if (items.length === 0 && !requests.error && !error) return null;

  async function onDismiss(id: number) {
    setBusy(id);
    setError(await dismiss(id));
    setBusy(null);
  }

  return (
    <section className="requests" aria-labelledby="review-requests-heading">
      <h2 id="review-requests-heading" className="requests__title">{t('requests.title', { count: items.length })}</h2>
      {(error ?? requests.error) && <p className="text-bad" role="alert">{localize((error ?? requests.error)!)}</p>}
      <ul className="item-list">
        {items.map((request) => (
          <li key={request.id} className="item-card item-card--marked">
            <div className="request-card__main">
              <p className="request-card__headline">
                <Badge tone={request.kind === 'rollback' ? 'warn' : 'neutral'}>{t(request.kind === 'rollback' ? 'requests.kind.rollback' : 'requests.kind.review')}</Badge>{' '}
                <strong>{request.name}</strong>
                {request.version && <span className="muted"> · {request.version}</span>}
              </p>
              <p className="request-card__by muted">
                {t('requests.by', { who: t(`actor.${request.requestedBy}`) })} · <DateTime iso={request.createdAt} />
              </p>
              {request.note && (
                <blockquote className="request-card__note">
                  <span className="visually-hidden">{t('requests.note')}: </span>{request.note}
                </blockquote>
              )}
            </div>
            <div className="item-card__actions">
              <button type="button" className="button rv-button-small" onClick={() => openSkillDetail(request.slug, request.versionId ?? undefined)}>
                {t('requests.open')}<span className="visually-hidden"> {request.name}</span>
              </button>
              <button type="button" className="button button--quiet rv-button-small" disabled={busy === request.id} onClick={() => void onDismiss(request.id)}>
                {t('requests.dismiss')}<span className="visually-hidden"> {request.name}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
