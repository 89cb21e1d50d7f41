import { useEffect, useState } from 'react';
import type { DependencyLink, SkillDependencies } from '../../../../shared/contract/index.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ask } from '../../lib/api.ts';

/**
 * A skill's place among the others, in plain words: what it calls directly and through them, who
 * calls it, what it provides, and why it is disabled when a dependency cannot run. Main resolves
 * everything (engine: registry/skill-dependencies.ts); this only shows it.
 */
export function DependenciesPanel({ slug }: { slug: string }) {
  const { t, localize } = useI18n();
  const [view, setView] = useState<SkillDependencies | null>(null);
  const [loadError, setLoadError] = useState<Localized | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void ask(() => window.foundry.skills.dependencies({ slug })).then((answer) => {
      if (!current) return;
      if (answer.ok) setView(answer.value);
      else setLoadError(answer.error.message);
    });
    return () => {
      current = false;
    };
  }, [slug, attempt]);

  if (loadError) return <ErrorState message={localize(loadError)} onRetry={() => { setLoadError(null); setAttempt((n) => n + 1); }} />;
  if (!view) return <Loading />;

  const link = (d: DependencyLink) => {
    const what = d.slug && d.slug !== d.name ? t('dependencies.capability', { name: d.name, slug: d.slug }) : d.name;
    return (
      <li key={d.name}>
        <code>{what}</code>
        {d.problem && <span className="text-bad"> — {t('dependencies.cannotCall', { reason: localize(d.problem) })}</span>}
      </li>
    );
  };
  const list = (items: readonly string[], none: string) =>
    items.length === 0 ? <p className="muted">{none}</p> : <ul>{items.map((item) => <li key={item}><code>{item}</code></li>)}</ul>;

  return (
    <div className="skill-dependencies">
      <p className="muted">{t('dependencies.intro')}</p>
      {view.disabled && (
        <div className="rv-callout rv-callout--warn" role="status">
          <p>{t('dependencies.disabled', { reason: localize(view.disabled) })}</p>
        </div>
      )}
      <section aria-labelledby={`${slug}-calls`}>
        <h3 id={`${slug}-calls`} className="skill-settings__heading">{t('dependencies.calls')}</h3>
        {view.dependencies.length === 0 ? <p className="muted">{t('dependencies.callsNothing')}</p> : <ul>{view.dependencies.map(link)}</ul>}
      </section>
      <section aria-labelledby={`${slug}-through`}>
        <h3 id={`${slug}-through`} className="skill-settings__heading">{t('dependencies.through')}</h3>
        {list(view.indirect, t('dependencies.throughNothing'))}
      </section>
      <section aria-labelledby={`${slug}-called-by`}>
        <h3 id={`${slug}-called-by`} className="skill-settings__heading">{t('dependencies.calledBy')}</h3>
        {list(view.dependents, t('dependencies.calledByNobody'))}
      </section>
      <section aria-labelledby={`${slug}-provides`}>
        <h3 id={`${slug}-provides`} className="skill-settings__heading">{t('dependencies.provides')}</h3>
        {list(view.provides, t('dependencies.providesNothing'))}
      </section>
    </div>
  );
}
