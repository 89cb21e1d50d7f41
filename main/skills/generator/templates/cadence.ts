import type { Localized } from '../../../../shared/i18n-types.ts';
import type { Cadence } from '../../../../shared/skills/need.ts';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const WEEKDAYS_PL: Record<string, string> = { sun: 'nd', mon: 'pn', tue: 'wt', wed: 'śr', thu: 'czw', fri: 'pt', sat: 'sob' };
const DEFAULT_TIME = '09:00';

/** A checked need's cadence (need-check.ts) with its defaults filled in. */
export type RepeatRule =
  | { type: 'once' }
  | { type: 'interval'; everyMinutes: number }
  | { type: 'daily'; hour: number; minute: number; at: string }
  | { type: 'weekly'; hour: number; minute: number; at: string; days: string[]; dayNumbers: number[] };

function timeOf(at = DEFAULT_TIME) {
  const [hour = 9, minute = 0] = at.split(':').map(Number);
  return { hour, minute, at };
}

/** Daily and weekly reminders without a time come at 09:00; a weekly one without valid days, daily. */
export function repeatRule(cadence: Cadence): RepeatRule {
  switch (cadence.type) {
    case 'none':
      return { type: 'once' };
    case 'interval':
      return { type: 'interval', everyMinutes: cadence.everyMinutes };
    case 'daily':
      return { type: 'daily', ...timeOf(cadence.at) };
    case 'weekly': {
      const days = WEEKDAYS.filter((day) => cadence.days.includes(day));
      if (days.length === 0) return { type: 'daily', ...timeOf(cadence.at) };
      return { type: 'weekly', ...timeOf(cadence.at), days, dayNumbers: days.map((day) => WEEKDAYS.indexOf(day)) };
    }
  }
}

export function describeRepeat(rule: RepeatRule): Localized {
  switch (rule.type) {
    case 'once':
      return { en: 'once', pl: 'jednorazowo' };
    case 'interval':
      return { en: `every ${rule.everyMinutes} minutes`, pl: `co ${rule.everyMinutes} min` };
    case 'daily':
      return { en: `every day at ${rule.at}`, pl: `codziennie o ${rule.at}` };
    case 'weekly':
      return {
        en: `every week on ${rule.days.join(', ')} at ${rule.at}`,
        pl: `co tydzień (${rule.days.map((day) => WEEKDAYS_PL[day]).join(', ')}) o ${rule.at}`,
      };
  }
}
