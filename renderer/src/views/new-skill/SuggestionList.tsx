import { useId } from 'react';
import type { SuggestionRecord } from '../../../../shared/skills/suggestion.ts';
import { isRunning, useNewSkillStore } from '../../store/new-skill-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { Badge } from '../../components/Badge.tsx';

/** Needs the detector noticed in conversation (or never saw talked about), each to accept or dismiss. */
export function SuggestionList() {
  const { t } = useI18n();
  const suggestions = useNewSkillStore((state) => state.suggestions);
  const headingId = useId();
  return (
    <section className="suggestions" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">{t('suggestions.title')}</h2>
      <p className="muted section-intro">{t('suggestions.intro')}</p>
      <LoadableContent
        state={suggestions}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title={t('suggestions.empty.title')} body={t('suggestions.empty.body')} />}
      >
        {(items) => (
          <ul className="suggestions__list">
            {items.map((suggestion) => <SuggestionCard key={suggestion.id} suggestion={suggestion} />)}
          </ul>
        )}
      </LoadableContent>
    </section>
  );
}

function SuggestionCard({ suggestion }: { suggestion: SuggestionRecord }) {
  const { t, locale, localize } = useI18n();
  const busy = useNewSkillStore((state) => state.suggestionBusy === suggestion.id);
  const anyBusy = useNewSkillStore((state) => state.suggestionBusy !== null);
  const running = useNewSkillStore((state) => isRunning(state.run));
  const error = useNewSkillStore((state) => (state.suggestionError?.id === suggestion.id ? state.suggestionError.message : null));
  const accept = useNewSkillStore((state) => state.acceptSuggestion);
  const dismiss = useNewSkillStore((state) => state.dismissSuggestion);
  const titleId = useId();
  const { evidence, need } = suggestion;
  const examples = evidence.examples ?? [];

  return (
    <li>
      <article className="card suggestion" aria-labelledby={titleId}>
        <div className="suggestion__head">
          <h3 id={titleId} className="suggestion__title">{localize(suggestion.title)}</h3>
          <Badge tone="neutral">{t(`suggestions.source.${suggestion.source}`)}</Badge>
        </div>
        <p className="suggestion__facts muted">
          {t(`suggestions.kind.${need.kind}`)}
          {need.unit && <> · {t('suggestions.unit', { unit: need.unit })}</>}
          {evidence.count !== undefined && <> · {t('suggestions.mentions', { count: formatNumber(evidence.count, locale) })}</>}
          {evidence.distinctDays !== undefined && <> · {t('suggestions.days', { count: formatNumber(evidence.distinctDays, locale) })}</>}
          {evidence.scanned && (
            <> · {t('suggestions.scanned', { messages: formatNumber(evidence.scanned.messages, locale), days: formatNumber(evidence.scanned.days, locale) })}</>
          )}
        </p>
        {examples.length > 0 && (
          <>
            <p className="suggestion__examples-label">{t('suggestions.examples')}</p>
            <ul className="suggestion__examples">
              {examples.map((example, index) => (
                <li key={index}>
                  <q lang={need.language}>{example.text}</q> <span className="muted">— <DateTime iso={example.at} /></span>
                </li>
              ))}
            </ul>
          </>
        )}
        {error && <p className="text-bad" role="alert">{localize(error)}</p>}
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={anyBusy || running}
            aria-busy={busy}
            aria-describedby={titleId}
            onClick={() => void accept(suggestion)}
          >
            {t('suggestions.accept')}
          </button>
          <button type="button" className="button button--quiet" disabled={anyBusy} aria-describedby={titleId} onClick={() => void dismiss(suggestion.id)}>
            {t('suggestions.dismiss')}
          </button>
        </div>
        <p className="muted suggestion__when">{t('suggestions.noticed')} <DateTime iso={suggestion.createdAt} /></p>
      </article>
    </li>
  );
}
