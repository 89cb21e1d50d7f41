import { useId, useState } from 'react';
import type { TodayCard, TodayChart } from '../../../../shared/contract/index.ts';
import type { ModInsight } from '../../../../shared/skills/mod-types.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import { DailyChart } from './DailyChart.tsx';
import { QuickEntry } from './QuickEntry.tsx';

const RANGES = [7, 30] as const;
const INSIGHT_TONE: Record<ModInsight['type'], BadgeTone> = { info: 'neutral', success: 'good', warning: 'warn', alert: 'bad' };
const INSIGHT_LABEL: Record<ModInsight['type'], MessageKey> = {
  info: 'today.insight.info', success: 'today.insight.success', warning: 'today.insight.warning', alert: 'today.insight.alert',
};

/** `today_count` → "today count": a getData() key as words; `total_ml` beside its unit ml → "total". */
const words = (key: string, unit: string | null = null) => (unit && key.endsWith(`_${unit}`) ? key.slice(0, -unit.length - 1) : key).replace(/_/g, ' ');

/** One active skill: its headline, figures, tips and warnings, its last days on a chart, and its quick entry. */
export function SkillCard({ card }: { card: TodayCard }) {
  const { t, localize, locale } = useI18n();
  const openSkillDetail = useFoundryStore((state) => state.openSkillDetail);
  const headingId = useId();
  const show = (value: number | string | boolean) => (typeof value === 'number' ? formatNumber(value, locale) : String(value));

  return (
    <article className="card today-card" aria-labelledby={headingId}>
      <header className="today-card__header">
        <h2 id={headingId} className="card__title today-card__name" title={card.name}>{card.name}</h2>
        <button type="button" className="button button--quiet button--small" aria-label={t('today.details.label', { name: card.name })} onClick={() => openSkillDetail(card.slug)}>
          {t('today.details')}
        </button>
      </header>
      {card.problem ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('today.problem')}</p>
          <p>{localize(card.problem)}</p>
        </div>
      ) : (
        <>
          {card.headline && (
            <p className="today-card__headline">
              <span className="today-card__figure">{show(card.headline.value)}</span>
              {card.headline.unit && <span className="today-card__unit"> {card.headline.unit}</span>}
              <span className="today-card__key muted"> {words(card.headline.key, card.headline.unit)}</span>
            </p>
          )}
          {card.figures.length > 0 && (
            <dl className="today-card__figures">
              {card.figures.map((figure) => (
                <div key={figure.key} className="today-card__fact">
                  <dt className="muted">{words(figure.key)}</dt>
                  <dd>{show(figure.value)}</dd>
                </div>
              ))}
            </dl>
          )}
          {card.insights.length > 0 && (
            <ul className="today-card__insights">
              {card.insights.map((insight, index) => (
                <li key={index} className="today-card__insight">
                  <Badge tone={INSIGHT_TONE[insight.type]}>{t(INSIGHT_LABEL[insight.type])}</Badge> <strong>{insight.title}</strong> {insight.message}
                </li>
              ))}
            </ul>
          )}
          {card.chart && <ChartSection name={card.name} chart={card.chart} />}
          {card.quickAction && <QuickEntry slug={card.slug} action={card.quickAction} />}
        </>
      )}
      <p className="today-card__read muted">{t('today.readAt', { time: formatDateTime(card.readAt, locale) })}</p>
    </article>
  );
}

function ChartSection({ name, chart }: { name: string; chart: TodayChart }) {
  const { t, locale } = useI18n();
  const [days, setDays] = useState<(typeof RANGES)[number]>(7);
  const groupName = useId();
  const shown = chart.points.slice(-days);
  const today = shown.at(-1)?.value ?? null;
  const highest = shown.reduce<{ date: string; value: number } | null>((best, point) => (point.value !== null && (best === null || point.value > best.value) ? { date: point.date, value: point.value } : best), null);
  const day = (date: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(date));
  const number = (value: number | null) => (value === null ? '—' : `${formatNumber(value, locale)}${chart.unit ? ` ${chart.unit}` : ''}`);
  const label = t('today.chart.label', { name, series: words(chart.key), days });

  return (
    <section className="today-chart-section" aria-label={label}>
      <fieldset className="today-chart__range">
        <legend className="visually-hidden">{t('today.chart.range')}</legend>
        {RANGES.map((range) => (
          <label key={range} className="today-chart__choice">
            <input type="radio" name={groupName} checked={days === range} onChange={() => setDays(range)} />
            {t('today.chart.days', { days: range })}
          </label>
        ))}
        {chart.goal !== null && <span className="muted">{t('today.chart.goal', { goal: number(chart.goal) })}</span>}
      </fieldset>
      <DailyChart chart={chart} days={days} label={label} />
      <p className="visually-hidden">{t('today.chart.summary', { today: number(today), highest: number(highest?.value ?? null), date: highest ? day(highest.date) : '—' })}</p>
    </section>
  );
}
