import type { Locale } from '../../../shared/i18n-types.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** "in 23 hours" / "za 23 godziny": whole hours from an hour on, minutes below; null once the moment has passed. */
export function formatTimeLeft(untilIso: string, now: number, locale: Locale): string | null {
  const left = new Date(untilIso).getTime() - now;
  if (!(left > 0)) return null;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  return left >= HOUR ? format.format(Math.floor(left / HOUR), 'hour') : format.format(Math.max(1, Math.floor(left / MINUTE)), 'minute');
}
