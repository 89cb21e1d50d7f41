import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ListingDetail, ListingView, SignalVerdict } from '../../../../shared/contract/market-records.ts';
import type { RiskLevel } from '../../../../shared/skills/disclosure.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useMarketplaceStore } from '../../store/marketplace-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import '../../workbench.css';

const RISK_TONE: Record<RiskLevel, BadgeTone> = { low: 'good', medium: 'warn', high: 'bad' };
const SIGNAL_TONE: Record<SignalVerdict, BadgeTone> = { good: 'good', neutral: 'neutral', bad: 'bad' };

/** Browse the registries by category or words; a listing opens checked on this computer; install puts it in the review queue. */
export function MarketplaceView() {
  const { t, localize } = useI18n();
  const results = useMarketplaceStore((state) => state.results);
  const search = useMarketplaceStore((state) => state.search);
  const category = useMarketplaceStore((state) => state.category);
  const openId = useMarketplaceStore((state) => state.openId);
  const [query, setQuery] = useState(useMarketplaceStore.getState().query);
  const searchId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    void search(query, category);
  }

  return (
    <ViewSection title={t('market.title')} intro={t('market.intro')}>
      <form role="search" className="field--inline" onSubmit={submit}>
        <label htmlFor={searchId}>{t('market.search')}</label>{' '}
        <input id={searchId} className="input" type="search" value={query} maxLength={200} onChange={(event) => setQuery(event.target.value)} />{' '}
        <button type="submit" className="button">{t('market.searchButton')}</button>
      </form>
      <LoadableContent
        state={results}
        isEmpty={(data) => data.listings.length === 0 && data.registries.every((r) => r.ok)}
        empty={<EmptyState title={t('market.empty.title')} body={t('market.empty.body')} />}
      >
        {(data) => (
          <>
            {data.registries.map((r) => (r.ok
              ? r.stale && <p key={r.url} className="muted" role="status">{t('market.offline', { url: r.url })}</p>
              : <ErrorState key={r.url} message={`${r.url}: ${r.error ? localize(r.error) : ''}`} onRetry={() => void search()} />))}
            {data.categories.length > 0 && (
              <div role="group" aria-label={t('market.categories')} className="field--inline">
                <button type="button" className="button button--quiet" aria-pressed={category === null} onClick={() => void search(query, null)}>{t('market.allCategories')}</button>
                {data.categories.map((c) => (
                  <button key={c} type="button" className="button button--quiet" aria-pressed={category === c} onClick={() => void search(query, c)}>{c}</button>
                ))}
              </div>
            )}
            <ul className="item-list" aria-label={t('market.listings')}>
              {data.listings.map((l) => <ListingItem key={`${l.registry} ${l.id}`} listing={l} open={openId === l.id} />)}
            </ul>
          </>
        )}
      </LoadableContent>
    </ViewSection>
  );
}

function ListingItem({ listing: l, open }: { listing: ListingView; open: boolean }) {
  const { t } = useI18n();
  const openListing = useMarketplaceStore((state) => state.open);
  return (
    <li className="item-card" aria-label={`${l.name} ${l.version}`}>
      <div className="notification-card__main">
        <p>
          <strong>{l.name}</strong> <span className="muted">{l.version} · {l.category} · {l.author}</span>{' '}
          <Badge tone={RISK_TONE[l.risk.level]}>{t(`market.risk.${l.risk.level}`)}</Badge>{' '}
          <Badge tone={l.trust.score >= 70 ? 'good' : l.trust.score >= 40 ? 'neutral' : 'warn'}>{t('market.trustUnchecked', { score: String(l.trust.score) })}</Badge>
          {l.revoked && <> <Badge tone="bad">{t('market.revoked')}</Badge></>}
          {l.installedVersion && <> <Badge tone="neutral">{t('market.installed', { version: l.installedVersion })}</Badge></>}
        </p>
        <p>{l.description}</p>
        {!open && (
          <button type="button" className="button button--quiet" onClick={() => void openListing(l.id)}>
            {t('market.check')}<span className="visually-hidden">: {l.name}</span>
          </button>
        )}
        {open && <ListingPanel listing={l} />}
      </div>
    </li>
  );
}

/** The listing as checked on this computer: what it may do in plain words, the audit, the risk, the publisher and the trust score's reasons. */
function ListingPanel({ listing }: { listing: ListingView }) {
  const { t } = useI18n();
  const detail = useMarketplaceStore((state) => state.detail);
  return (
    <section aria-label={t('market.details', { name: listing.name })}>
      {detail.data === null ? (detail.error ? <ErrorState message={t('market.checkFailed')} onRetry={() => void useMarketplaceStore.getState().open(listing.id)} /> : <Loading />) : <Checked detail={detail.data} />}
    </section>
  );
}

function Checked({ detail: d }: { detail: ListingDetail }) {
  const { t, localize } = useI18n();
  const install = useMarketplaceStore((state) => state.install);
  const installing = useMarketplaceStore((state) => state.installing);
  const installed = useMarketplaceStore((state) => state.installed);
  const installError = useMarketplaceStore((state) => state.installError);
  const navigate = useFoundryStore((state) => state.navigate);
  const refreshInfo = useFoundryStore((state) => state.refreshInfo);
  useEffect(() => {
    if (installed?.outcome === 'pending') void refreshInfo();
  }, [installed, refreshInfo]);
  return (
    <>
      {d.problem && <p role="alert" className="text-bad">{localize(d.problem)}</p>}
      <h3>{t('market.may')}</h3>
      <ul aria-label={t('market.may')}>
        {d.permissions.length === 0 ? <li>{t('market.nothing')}</li> : d.permissions.map((p) => <li key={`${p.kind} ${p.target ?? ''}`}>{localize(p.text)}</li>)}
      </ul>
      <p>
        <Badge tone={RISK_TONE[d.risk.level]}>{t(`market.risk.${d.risk.level}`)}</Badge> {d.risk.reasons.map((r) => localize(r)).join(' ')}
      </p>
      <p>{d.localAudit ? t(`market.audit.${d.localAudit.verdict}`) : t('market.audit.notRun')}</p>
      {d.localAudit && d.localAudit.warnings.length > 0 && (
        <ul aria-label={t('market.warnings')}>{d.localAudit.warnings.map((w) => <li key={w.en}>{localize(w)}</li>)}</ul>
      )}
      <p>
        {t('market.publisher', { name: d.publisher.name })} <code>{d.publisher.fingerprint}</code> · {t('market.published')} <DateTime iso={d.publishedAt} />
      </p>
      <h3>{t('market.trust', { score: String(d.trust.score) })}</h3>
      <ul aria-label={t('market.trustReasons')}>
        {d.trust.signals.map((s) => (
          <li key={s.id}><Badge tone={SIGNAL_TONE[s.verdict]}>{t(`market.signal.${s.verdict}`)}</Badge> {localize(s.text)}</li>
        ))}
      </ul>
      <p className="muted">{t('market.installNote')}</p>
      <button type="button" className="button" disabled={installing || d.revoked || d.problem !== null} onClick={() => void install(d.id)}>
        {installing ? t('market.installing') : t('market.install')}<span className="visually-hidden">: {d.name}</span>
      </button>
      {installError && <p role="alert" className="text-bad">{localize(installError)}</p>}
      {installed && (
        installed.outcome === 'pending'
          ? (
            <p role="status">
              {t('market.pending')}{' '}
              <button type="button" className="button button--quiet" onClick={() => navigate('reviews')}>{t('market.toReviews')}</button>
            </p>
          )
          : <p role="alert" className="text-bad">{installed.reason ? localize(installed.reason) : t('market.failed')}</p>
      )}
    </>
  );
}
