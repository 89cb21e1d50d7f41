import { describe, expect, it } from 'vitest';
import { parseCadence } from '../../../main/skills/detector/cadence.ts';
import { describeCadence } from '../../../main/skills/detector/describe.ts';
import { normalize } from '../../../main/skills/detector/text.ts';

const cadenceOf = (text: string) => {
  const result = parseCadence(normalize(text));
  if (!result.ok) throw new Error(result.reason.en);
  return result.cadence;
};

describe('cadence', () => {
  it.each([
    ['codziennie o 8', { type: 'daily', at: '08:00' }],
    ['codziennie o 8.15', { type: 'daily', at: '08:15' }],
    ['o godzinie 21', { type: 'daily', at: '21:00' }],
    ['o 7 rano', { type: 'daily', at: '07:00' }],
    ['o 11 w nocy', { type: 'daily', at: '23:00' }],
    ['o północy', { type: 'daily', at: '00:00' }],
    ['w południe', { type: 'daily', at: '12:00' }],
    ['o dwudziestej pierwszej', { type: 'daily', at: '21:00' }],
    ['every day at noon', { type: 'daily', at: '12:00' }],
    ['at 12 am', { type: 'daily', at: '00:00' }],
    ['at 12:30 pm', { type: 'daily', at: '12:30' }],
    ['at 8 in the evening', { type: 'daily', at: '20:00' }],
    ['at 7 o\u2019clock', { type: 'daily', at: '07:00' }],
    ['every Monday and Friday at 9', { type: 'weekly', days: ['mon', 'fri'], at: '09:00' }],
    ['on Saturdays', { type: 'weekly', days: ['sat'] }],
    ['w dni robocze o 6:30', { type: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri'], at: '06:30' }],
    ['w weekendy', { type: 'weekly', days: ['sat', 'sun'] }],
    ['w każdą środę', { type: 'weekly', days: ['wed'] }],
    ['co godzinę', { type: 'interval', everyMinutes: 60 }],
    ['co pół godziny', { type: 'interval', everyMinutes: 30 }],
    ['co dwie godziny', { type: 'interval', everyMinutes: 120 }],
    ['co 90 minut', { type: 'interval', everyMinutes: 90 }],
    ['co tydzień', { type: 'interval', everyMinutes: 7 * 1440 }],
    ['every 15 minutes', { type: 'interval', everyMinutes: 15 }],
    ['hourly', { type: 'interval', everyMinutes: 60 }],
    ['every half hour', { type: 'interval', everyMinutes: 30 }],
    ['every three days', { type: 'interval', everyMinutes: 3 * 1440 }],
    ['once a week', { type: 'interval', everyMinutes: 7 * 1440 }],
    ['co dzień', { type: 'daily' }],
    ['nothing about time here', { type: 'none' }],
  ])('%s', (text, expected) => {
    expect(cadenceOf(text)).toEqual(expected);
  });

  it('does not read "co 2 godziny" as a time of 2 o’clock', () => {
    expect(cadenceOf('przypominaj co 2 godziny')).toEqual({ type: 'interval', everyMinutes: 120 });
  });

  it('refuses times that do not exist', () => {
    for (const text of ['o 24', 'at 13 pm', 'o 8:75']) expect(parseCadence(normalize(text)).ok, text).toBe(false);
  });
});

describe('describing a cadence', () => {
  it('reads naturally in both languages, with Polish plural forms', () => {
    expect(describeCadence({ type: 'interval', everyMinutes: 60 })).toEqual({ pl: 'co godzinę', en: 'every hour' });
    expect(describeCadence({ type: 'interval', everyMinutes: 120 })).toEqual({ pl: 'co 2 godziny', en: 'every 2 hours' });
    expect(describeCadence({ type: 'interval', everyMinutes: 300 })).toEqual({ pl: 'co 5 godzin', en: 'every 5 hours' });
    expect(describeCadence({ type: 'interval', everyMinutes: 12 * 60 })).toEqual({ pl: 'co 12 godzin', en: 'every 12 hours' });
    expect(describeCadence({ type: 'interval', everyMinutes: 22 * 60 })).toEqual({ pl: 'co 22 godziny', en: 'every 22 hours' });
    expect(describeCadence({ type: 'interval', everyMinutes: 45 })).toEqual({ pl: 'co 45 minut', en: 'every 45 minutes' });
    expect(describeCadence({ type: 'interval', everyMinutes: 2880 })).toEqual({ pl: 'co 2 dni', en: 'every 2 days' });
    expect(describeCadence({ type: 'daily', at: '08:00' })).toEqual({ pl: 'codziennie o 08:00', en: 'every day at 08:00' });
    expect(describeCadence({ type: 'weekly', days: ['mon', 'thu'], at: '09:00' })).toEqual({
      pl: 'w poniedziałki i czwartki o 09:00',
      en: 'every Monday and Thursday at 09:00',
    });
    expect(describeCadence({ type: 'none' }).en).toBe('no fixed schedule');
  });
});
