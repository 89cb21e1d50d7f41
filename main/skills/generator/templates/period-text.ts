// How the period of a total reads in both languages. Totals are over the last N days (today
// included) rather than the calendar week or month, so a Monday or the 1st does not reset them.
import type { Locale } from '../../../../shared/i18n-types.ts';
import type { NeedPeriod } from '../../../../shared/skills/need.ts';

export const PERIOD_DAYS: Record<NeedPeriod, number> = { day: 1, week: 7, month: 30, year: 365 };

const TEXT: Record<Locale, Record<NeedPeriod, { span: string; limit: string; minimum: string }>> = {
  pl: {
    day: { span: 'dziś', limit: 'dzienny limit', minimum: 'dziennego minimum' },
    week: { span: 'w ostatnich 7 dniach', limit: 'tygodniowy limit', minimum: 'tygodniowego minimum' },
    month: { span: 'w ostatnich 30 dniach', limit: 'miesięczny limit', minimum: 'miesięcznego minimum' },
    year: { span: 'w ostatnich 365 dniach', limit: 'roczny limit', minimum: 'rocznego minimum' },
  },
  en: {
    day: { span: 'today', limit: 'daily limit', minimum: 'daily minimum' },
    week: { span: 'in the last 7 days', limit: 'weekly limit', minimum: 'weekly minimum' },
    month: { span: 'in the last 30 days', limit: 'monthly limit', minimum: 'monthly minimum' },
    year: { span: 'in the last 365 days', limit: 'yearly limit', minimum: 'yearly minimum' },
  },
};

export function periodText(period: NeedPeriod, language: Locale) {
  return TEXT[language][period];
}

/** The first day (YYYY-MM-DD) inside the period, as generated code: `since` for the last `days` days. */
export function periodStartCode(period: NeedPeriod): string {
  return `new Date(Date.parse(foundry.now().slice(0, 10)) - ${PERIOD_DAYS[period] - 1} * 86400000).toISOString().slice(0, 10)`;
}
