import type { Localized } from '../../../shared/i18n-types.ts';
import type { Cadence, SkillKind } from '../../../shared/skills/need.ts';

export const KIND_NAMES: Record<SkillKind, Localized> = {
  tracker: { pl: 'śledzenie', en: 'tracker' },
  counter: { pl: 'licznik', en: 'counter' },
  reminder: { pl: 'przypomnienie', en: 'reminder' },
  checklist: { pl: 'lista kontrolna', en: 'checklist' },
  journal: { pl: 'dziennik', en: 'journal' },
  'price-watch': { pl: 'obserwowanie ceny', en: 'price watch' },
  webhook: { pl: 'wysyłanie na webhook', en: 'webhook' },
  habit: { pl: 'nawyk', en: 'habit' },
};

const DAY_NAMES: Record<string, Localized> = {
  mon: { pl: 'poniedziałki', en: 'Monday' },
  tue: { pl: 'wtorki', en: 'Tuesday' },
  wed: { pl: 'środy', en: 'Wednesday' },
  thu: { pl: 'czwartki', en: 'Thursday' },
  fri: { pl: 'piątki', en: 'Friday' },
  sat: { pl: 'soboty', en: 'Saturday' },
  sun: { pl: 'niedziele', en: 'Sunday' },
};

/** Polish needs three noun forms: 1 godzinę, 2–4 godziny (but 12–14 godzin), 5+ godzin. */
function polishCount(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const lastTwo = n % 100;
  const last = n % 10;
  return `${n} ${last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many}`;
}

function englishCount(n: number, unit: string): string {
  return n === 1 ? unit : `${n} ${unit}s`;
}

function joinList(items: string[], and: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

function describeInterval(minutes: number): Localized {
  if (minutes % (7 * 1440) === 0) {
    const n = minutes / (7 * 1440);
    return { pl: `co ${polishCount(n, 'tydzień', 'tygodnie', 'tygodni')}`, en: `every ${englishCount(n, 'week')}` };
  }
  if (minutes % 1440 === 0) {
    const n = minutes / 1440;
    return { pl: `co ${polishCount(n, 'dzień', 'dni', 'dni')}`, en: `every ${englishCount(n, 'day')}` };
  }
  if (minutes % 60 === 0) {
    const n = minutes / 60;
    return { pl: `co ${polishCount(n, 'godzinę', 'godziny', 'godzin')}`, en: `every ${englishCount(n, 'hour')}` };
  }
  return { pl: `co ${polishCount(minutes, 'minutę', 'minuty', 'minut')}`, en: `every ${englishCount(minutes, 'minute')}` };
}

/** "codziennie o 08:00" / "every day at 08:00": how a cadence reads to a person. */
export function describeCadence(cadence: Cadence): Localized {
  switch (cadence.type) {
    case 'none':
      return { pl: 'bez stałej pory', en: 'no fixed schedule' };
    case 'daily':
      return cadence.at ? { pl: `codziennie o ${cadence.at}`, en: `every day at ${cadence.at}` } : { pl: 'codziennie', en: 'every day' };
    case 'weekly': {
      const names = cadence.days.map((d) => DAY_NAMES[d] ?? { pl: d, en: d });
      const at = cadence.at ? { pl: ` o ${cadence.at}`, en: ` at ${cadence.at}` } : { pl: '', en: '' };
      return {
        pl: `w ${joinList(names.map((n) => n.pl), 'i')}${at.pl}`,
        en: `every ${joinList(names.map((n) => n.en), 'and')}${at.en}`,
      };
    }
    case 'interval':
      return describeInterval(cadence.everyMinutes);
  }
}
