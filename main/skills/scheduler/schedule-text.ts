// A schedule in plain words, both languages: "runs every day at 08:00, Europe/Warsaw" /
// "uruchamia się codziennie o 08:00, Europe/Warsaw". Common cron shapes are worded; any other
// pattern is shown as written (croner still decides when it runs).
import type { Localized } from '../../../shared/i18n-types.ts';
import { WEEKDAY_NAMES, type ScheduleSpec, type Weekday } from '../../../shared/skills/schedules.ts';

const DAY_WORDS: Record<Weekday, Localized> = {
  mon: { en: 'Monday', pl: 'poniedziałek' },
  tue: { en: 'Tuesday', pl: 'wtorek' },
  wed: { en: 'Wednesday', pl: 'środa' },
  thu: { en: 'Thursday', pl: 'czwartek' },
  fri: { en: 'Friday', pl: 'piątek' },
  sat: { en: 'Saturday', pl: 'sobota' },
  sun: { en: 'Sunday', pl: 'niedziela' },
};
// "w każdą sobotę": the accusative after "w".
const ON_DAY_PL: Record<Weekday, string> = {
  mon: 'w każdy poniedziałek', tue: 'w każdy wtorek', wed: 'w każdą środę', thu: 'w każdy czwartek',
  fri: 'w każdy piątek', sat: 'w każdą sobotę', sun: 'w każdą niedzielę',
};

const pad = (n: number) => String(n).padStart(2, '0');
const number = (text: string) => (/^\d{1,2}$/.test(text) ? Number(text) : null);

function dayList(days: readonly Weekday[]): Localized {
  const ordered = WEEKDAY_NAMES.slice(1).concat('sun').filter((d) => days.includes(d));
  if (ordered.length === 1) return { en: `every ${DAY_WORDS[ordered[0]!].en}`, pl: ON_DAY_PL[ordered[0]!] };
  return { en: `on ${ordered.map((d) => DAY_WORDS[d].en).join(', ')}`, pl: `w dni: ${ordered.map((d) => DAY_WORDS[d].pl).join(', ')}` };
}

/** Cron's weekday field (0–7 or names, lists) as days, or null for anything else. */
function cronDays(field: string): Weekday[] | null {
  const days = new Set<Weekday>();
  for (const item of field.toLowerCase().split(',')) {
    const range = /^([0-6])-([1-7])$/.exec(item);
    if (range && Number(range[1]) <= Number(range[2])) {
      for (let day = Number(range[1]); day <= Number(range[2]); day += 1) days.add(WEEKDAY_NAMES[day % 7]!);
      continue;
    }
    const index = /^[0-7]$/.test(item) ? Number(item) % 7 : WEEKDAY_NAMES.indexOf(item as Weekday);
    if (index < 0) return null;
    days.add(WEEKDAY_NAMES[index]!);
  }
  return [...days];
}

function minutesText(n: number): Localized {
  if (n % 60 === 0) {
    const hours = n / 60;
    return hours === 1 ? { en: 'every hour', pl: 'co godzinę' } : { en: `every ${hours} hours`, pl: `co ${hours} godz.` };
  }
  return n === 1 ? { en: 'every minute', pl: 'co minutę' } : { en: `every ${n} minutes`, pl: `co ${n} min` };
}

/** How often, without conditions and zone. */
function rhythm(spec: ScheduleSpec): Localized {
  if (spec.intervalMs !== undefined) {
    const minutes = spec.intervalMs / 60_000;
    return Number.isInteger(minutes) ? minutesText(minutes) : { en: `every ${spec.intervalMs / 1000} s`, pl: `co ${spec.intervalMs / 1000} s` };
  }
  const pattern = spec.cron ?? '';
  const fields = pattern.trim().split(/\s+/);
  if (fields.length === 5) {
    const [minute, hour, dayOfMonth, month, weekday] = fields as [string, string, string, string, string];
    const m = number(minute);
    const h = number(hour);
    if (dayOfMonth === '*' && month === '*') {
      if (m !== null && h !== null) {
        const at = `${pad(h)}:${pad(m)}`;
        if (weekday === '*') return { en: `every day at ${at}`, pl: `codziennie o ${at}` };
        const days = cronDays(weekday);
        if (days) {
          const list = dayList(days);
          return { en: `${list.en} at ${at}`, pl: `${list.pl} o ${at}` };
        }
      }
      if (m !== null && hour === '*' && weekday === '*') return m === 0 ? { en: 'every hour', pl: 'co godzinę' } : { en: `every hour at :${pad(m)}`, pl: `co godzinę, o :${pad(m)}` };
      const everyMinutes = /^\*\/(\d{1,2})$/.exec(minute);
      if (everyMinutes && hour === '*' && weekday === '*') return minutesText(Number(everyMinutes[1]));
      const everyHours = /^\*\/(\d{1,2})$/.exec(hour);
      if (m === 0 && everyHours && weekday === '*') return minutesText(Number(everyHours[1]) * 60);
    }
  }
  return { en: `on the cron schedule “${pattern}”`, pl: `według harmonogramu cron „${pattern}”` };
}

/** When it runs, with its conditions and its zone: "every day at 08:00, Europe/Warsaw". */
export function scheduleWhen(spec: ScheduleSpec, zone: string): Localized {
  const parts = [rhythm(spec)];
  if (spec.daysOfWeek) parts.push(dayList(spec.daysOfWeek));
  if (spec.activeHours) {
    const { start, end } = spec.activeHours;
    parts.push({ en: `between ${start} and ${end}`, pl: `między ${start} a ${end}` });
  }
  return { en: `${parts.map((p) => p.en).join(' ')}, ${zone}`, pl: `${parts.map((p) => p.pl).join(' ')}, ${zone}` };
}

/** The whole schedule as a sentence's predicate: "runs every day at 08:00, Europe/Warsaw". */
export function describeSchedule(spec: ScheduleSpec, zone: string): Localized {
  const when = scheduleWhen(spec, zone);
  return { en: `runs ${when.en}`, pl: `uruchamia się ${when.pl}` };
}
