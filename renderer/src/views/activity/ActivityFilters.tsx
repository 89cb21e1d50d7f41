import { useEffect, useId, useState, type FormEvent } from 'react';
import { useFoundryStore } from '../../store/app-store.ts';
import type { FeedKind } from '../../store/feed.ts';
import { cleanFilter, isFiltered, type FeedFilter, type FilterDraft } from '../../store/feed-filter.ts';
import { callFoundry } from '../../store/outcome.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** Audit events main writes, offered as suggestions; any other event name can be typed. */
const KNOWN_EVENTS = [
  'skill.generated', 'skill.generation-failed', 'skill.audited', 'skill.pending', 'skill.approved', 'skill.rejected', 'skill.deployed',
  'skill.executed', 'skill.expired', 'skill.archived', 'skill.restored', 'skill.rolled-back', 'approval.refused', 'rejection.refused',
  'rollback.refused', 'review.requested', 'review.closed', 'suggestion.proposed', 'suggestion.accepted', 'suggestion.dismissed',
  'totpSetup.enrollment-started', 'totpSetup.enrolled', 'totpSetup.verified', 'totpSetup.failed', 'totpSetup.replay', 'totpSetup.locked', 'api-token.rotated',
  'api-token.revealed', 'api-token.refused', 'generator.api-key-set', 'generator.api-key-cleared', 'generator.model-set',
  'settings.updated', 'access.denied',
];

/** The slugs of the installed skills, for the skill field's suggestions. */
function useSkillSlugs(): string[] {
  const [slugs, setSlugs] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    void callFoundry(() => window.foundry.skills.list({})).then((outcome) => {
      if (current && outcome.ok) setSlugs(outcome.value.map((skill) => skill.slug));
    });
    return () => {
      current = false;
    };
  }, []);
  return slugs;
}

/** Narrows an Activity list: executions by skill and result, the audit log by event and skill (exact matches). */
export function ActivityFilters({ kind }: { kind: FeedKind }) {
  const { t } = useI18n();
  const applied = useFoundryStore((state) => state.activityFilters[kind]);
  const filterFeed = useFoundryStore((state) => state.filterFeed);
  const [draft, setDraft] = useState<FilterDraft>(applied);
  const slugs = useSkillSlugs();
  const ids = { skill: useId(), status: useId(), event: useId(), skills: useId(), events: useId(), legend: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    filterFeed(kind, cleanFilter(kind, draft));
  };
  const clear = () => {
    setDraft({});
    filterFeed(kind, {});
  };
  const field = (key: keyof FeedFilter) => ({
    value: draft[key] ?? '',
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value }),
  });

  return (
    <form className="filters" onSubmit={submit} aria-labelledby={ids.legend}>
      <h2 id={ids.legend} className="visually-hidden">{t('filters.title')}</h2>
      {kind === 'audit' && (
        <div className="field">
          <label htmlFor={ids.event} className="field__label">{t('filters.event')}</label>
          <input id={ids.event} className="input" type="text" list={ids.events} autoComplete="off" placeholder={t('filters.any')} {...field('event')} />
          <datalist id={ids.events}>{KNOWN_EVENTS.map((name) => <option key={name} value={name} />)}</datalist>
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.skill} className="field__label">{t('filters.skill')}</label>
        <input id={ids.skill} className="input" type="text" list={ids.skills} autoComplete="off" placeholder={t('filters.any')} {...field('skillSlug')} />
        <datalist id={ids.skills}>{slugs.map((slug) => <option key={slug} value={slug} />)}</datalist>
      </div>
      {kind === 'executions' && (
        <div className="field">
          <label htmlFor={ids.status} className="field__label">{t('filters.status')}</label>
          <select id={ids.status} className="input" {...field('status')}>
            <option value="">{t('filters.anyStatus')}</option>
            <option value="succeeded">{t('executionStatus.succeeded')}</option>
            <option value="failed">{t('executionStatus.failed')}</option>
          </select>
        </div>
      )}
      <div className="filters__buttons">
        <button type="submit" className="button">{t('filters.apply')}</button>
        {(isFiltered(applied) || isFiltered(draft)) && (
          <button type="button" className="button button--quiet" onClick={clear}>{t('filters.clear')}</button>
        )}
      </div>
      <p className="filters__summary muted" role="status">
        {isFiltered(applied) ? t('filters.active', { filters: describe(applied, t) }) : ''}
      </p>
    </form>
  );
}

function describe(filter: FeedFilter, t: ReturnType<typeof useI18n>['t']): string {
  const parts: string[] = [];
  if (filter.event) parts.push(`${t('filters.event')}: ${filter.event}`);
  if (filter.skillSlug) parts.push(`${t('filters.skill')}: ${filter.skillSlug}`);
  if (filter.status) parts.push(`${t('filters.status')}: ${t(`executionStatus.${filter.status}`)}`);
  return parts.join(', ');
}
