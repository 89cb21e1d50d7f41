import { describe, expect, it } from 'vitest';
import type { Cadence, SkillKind } from '../../../shared/skills/need.ts';
import { parseSkillRequest } from '../../../main/skills/detector/request-parser.ts';
import { detectLanguage } from '../../../main/skills/detector/language.ts';

type Expected = [kind: SkillKind, subject: string, subjectKey: string, unit: string | null, cadence: Cadence, language: 'pl' | 'en'];
const none: Cadence = { type: 'none' };
const daily = (at?: string): Cadence => (at ? { type: 'daily', at } : { type: 'daily' });
const weekly = (days: string[], at?: string): Cadence => (at ? { type: 'weekly', days, at } : { type: 'weekly', days });
const every = (everyMinutes: number): Cadence => ({ type: 'interval', everyMinutes });

const REQUESTS: [string, Expected][] = [
  ['Chcę śledzić ile piję wody', ['tracker', 'woda', 'water', 'ml', none, 'pl']],
  ['Przypominaj mi o lekach codziennie o 8', ['reminder', 'leki', 'medication', null, daily('08:00'), 'pl']],
  ['I want to track my sleep', ['tracker', 'sleep', 'sleep', 'h', none, 'en']],
  ['remind me to stretch every hour', ['reminder', 'stretching', 'stretching', null, every(60), 'en']],
  ['log my coffee', ['tracker', 'coffee', 'coffee', 'cups', none, 'en']],
  ['Przypomnij mi o podlewaniu kwiatów w niedzielę o 10', ['reminder', 'rośliny', 'plants', null, weekly(['sun'], '10:00'), 'pl']],
  ['Zapisuj moje wydatki', ['tracker', 'wydatki', 'spending', 'zł', none, 'pl']],
  ['Licz ile papierosów wypalam', ['counter', 'papierosy', 'cigarettes', 'szt.', none, 'pl']],
  ['count my steps', ['counter', 'steps', 'steps', 'steps', none, 'en']],
  ['Zrób mi listę zakupów na sobotę', ['checklist', 'zakupy', 'shopping', null, weekly(['sat']), 'pl']],
  ['Make a packing checklist', ['checklist', 'packing', 'packing', null, none, 'en']],
  ['Prowadź dziennik wdzięczności codziennie wieczorem', ['journal', 'wdzięczność', 'gratitude', null, daily(), 'pl']],
  ['I want to keep a diary of my dreams', ['journal', 'dreams', 'dreams', null, none, 'en']],
  ['track how much I spend', ['tracker', 'spending', 'spending', 'PLN', none, 'en']],
  ['Remind me to weigh myself every Monday at 9', ['reminder', 'weight', 'weight', null, weekly(['mon'], '09:00'), 'en']],
  ['Przypominaj mi o piciu wody co 2 godziny', ['reminder', 'woda', 'water', null, every(120), 'pl']],
  ['Przypominaj mi w poniedziałki o 7:30 o ważeniu się', ['reminder', 'waga', 'weight', null, weekly(['mon'], '07:30'), 'pl']],
  ['Remind me to take my pills at 7:30 pm', ['reminder', 'medication', 'medication', null, daily('19:30'), 'en']],
  ['remind me to water my plants every other day', ['reminder', 'plants', 'plants', null, every(2880), 'en']],
  ['Chcę prowadzić dziennik', ['journal', 'dziennik', 'journal', null, none, 'pl']],
  ['Czy możesz śledzić moją wagę?', ['tracker', 'waga', 'weight', 'kg', none, 'pl']],
  ['Track how many times I smoke', ['counter', 'cigarettes', 'cigarettes', 'times', none, 'en']],
  ['Track my running in miles', ['tracker', 'running', 'running', 'mi', none, 'en']],
  ['Przypominaj mi o lekach o ósmej wieczorem', ['reminder', 'leki', 'medication', null, daily('20:00'), 'pl']],
  ['Licz moje kroki', ['counter', 'kroki', 'steps', 'kroki', none, 'pl']],
  ["I'd like a grocery list for the weekend", ['checklist', 'shopping', 'shopping', null, weekly(['sat', 'sun']), 'en']],
  ['Keep a journal of my mood every evening', ['journal', 'mood', 'mood', null, daily(), 'en']],
  ['Przypominaj mi co kwadrans o prostowaniu pleców', ['reminder', 'prostowaniu pleców', 'prostowaniu-plecow', null, every(15), 'pl']],
  ['remind me to meditate on weekdays at 6:45 am', ['reminder', 'meditation', 'meditation', null, weekly(['mon', 'tue', 'wed', 'thu', 'fri'], '06:45'), 'en']],
  ['Chcę śledzić ile godzin śpię', ['tracker', 'sen', 'sleep', 'h', none, 'pl']],
  ['Śledź moją wagę w kilogramach co tydzień w poniedziałek', ['tracker', 'waga', 'weight', 'kg', weekly(['mon']), 'pl']],
  ['Please remind me to drink water every 2 hours', ['reminder', 'water', 'water', null, every(120), 'en']],
  ['Przypominaj mi o witaminach co 3 dni', ['reminder', 'witaminy', 'vitamins', null, every(3 * 1440), 'pl']],
  ['Chcę liczyć ile kaw wypijam dziennie', ['counter', 'kawa', 'coffee', 'filiżanki', none, 'pl']],
  ['track my reading in pages every evening', ['tracker', 'reading', 'reading', 'pages', daily(), 'en']],
  ['Przypomnij mi o rachunkach w piątki o 18', ['reminder', 'rachunki', 'bills', null, weekly(['fri'], '18:00'), 'pl']],
  ['Hey, can you track my screen time?', ['tracker', 'screen time', 'screen-time', 'h', none, 'en']],
  ['Załóż dziennik snów', ['journal', 'sny', 'dreams', null, none, 'pl']],
  ['Remind me to stand up every two hours', ['reminder', 'stand up', 'stand-up', null, every(120), 'en']],
  ['Track my spending in euros', ['tracker', 'spending', 'spending', 'EUR', none, 'en']],
  ['Przypominaj mi o jodze we wtorki i czwartki o 19:00', ['reminder', 'joga', 'yoga', null, weekly(['tue', 'thu'], '19:00'), 'pl']],
];

const NOT_REQUESTS: [string, RegExp][] = [
  ['', /empty/],
  ['   ', /empty/],
  ['!!! ???', /no words/],
  ["What's the weather like today?", /question/],
  ['Jak się masz?', /question/],
  ['Czy pamiętasz, co ci mówiłem o kawie?', /question/],
  ['Dzięki, to wszystko na dziś', /not a request/],
  ['Hello there!', /not a request/],
  ['send an email to Anna', /not a request/],
  ['Wyślij SMS do mamy, że się spóźnię', /not a request/],
  ['asdkjh qwpoeiru zxcmvn', /not a request/],
  ['list my skills', /not a request/],
  ['Show me my sleep tracker', /not a request/],
  ['Log in to my account', /not a request/],
  ['I love coffee', /not a request/],
  ['Często piję kawę', /not a request/],
  ["I can't keep track of time lately", /not to do something/],
  ['track', /does not say what to track/],
  ['Chcę śledzić', /does not say what to track/],
  ['Chcę śledzić X', /does not say what to track/],
  ['Chcę śledzić swoje nawyki', /which habit/],
  ['Przypominaj mi codziennie o 8', /what to remind you of/],
  ['Nie chcę śledzić wody', /not to do something/],
  ['Stop tracking my sleep', /not to do something/],
  ['Remind me at 25:00 to drink water', /not a valid time/],
  ['Chcę śledzić ile piję kawy i herbaty', /several things/],
  ['track asdfgh', /does not look like/],
  ['Remind me to drink water at 8 and at 20', /Several times/],
  ['Remind me every 2 hours on Mondays to stretch', /cannot be combined/],
  ['Przypominaj mi o lekach co miesiąc', /monthly/],
  ['remind me '.repeat(60), /too long/],
];

describe('request parser', () => {
  it.each(REQUESTS)('%s', (text, [kind, subject, subjectKey, unit, cadence, language]) => {
    const result = parseSkillRequest(text);
    if (!result.isRequest) throw new Error(`not parsed as a request: ${result.reason.en}`);
    // A need may carry more (fields, period, limit): those have tests of their own (request-shape.test.ts).
    expect(result.need).toMatchObject({ kind, subject, subjectKey, unit, cadence, language, source: 'request', text: text.trim() });
  });

  it.each(NOT_REQUESTS)('refuses %j with a reason in both languages', (text, reason) => {
    const result = parseSkillRequest(text);
    if (result.isRequest) throw new Error(`parsed as a request: ${JSON.stringify(result.need)}`);
    expect(result.reason.en).toMatch(reason);
    expect(result.reason.pl.length).toBeGreaterThan(10);
    expect(result.reason.pl).not.toBe(result.reason.en);
  });

  it('lemmatises a Polish subject whatever its case', () => {
    for (const text of ['Śledź wodę', 'Chcę śledzić ile piję wody', 'Przypominaj mi o wodzie', 'Zapisuj, ile wypiłam wody']) {
      const result = parseSkillRequest(text);
      expect(result.isRequest && result.need.subject, text).toBe('woda');
    }
  });

  it('keeps the original sentence, untouched, as the need’s text', () => {
    const result = parseSkillRequest('  Przypominaj mi o LEKACH codziennie o 8!  ');
    expect(result.isRequest && result.need.text).toBe('Przypominaj mi o LEKACH codziennie o 8!');
    expect(result.isRequest && result.need.subjectKey).toBe('medication');
  });
});

describe('language detection', () => {
  it('tells Polish from English by diacritics and function words', () => {
    expect(detectLanguage('Chcę śledzić wagę')).toBe('pl');
    expect(detectLanguage('Przypominaj mi o tym co rano')).toBe('pl');
    expect(detectLanguage('I want to track how much water I drink')).toBe('en');
    expect(detectLanguage('remind me about the meeting')).toBe('en');
  });

  it('does not pretend to know when the text gives no sign', () => {
    expect(detectLanguage('Licz kroki')).toBeNull();
    expect(detectLanguage('ok')).toBeNull();
  });
});
