// What a request says beyond its subject — fields, units, the period, a limit, times a day, a
// habit — read by grammar and word classes rather than by the evaluation table's sentences: every
// phrasing here is one the table does not contain (Polish inflection, English variants).
import { describe, expect, it } from 'vitest';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { parseSkillRequest } from '../../../main/skills/detector/request-parser.ts';

function needOf(text: string): SkillNeed {
  const result = parseSkillRequest(text);
  if (!result.isRequest) throw new Error(`not parsed as a request: ${result.reason.en}`);
  return result.need;
}

describe('units a person names', () => {
  it.each([
    ['Chcę śledzić ilość wypitej wody w litrach', 'woda', 'l'],
    ['Licz liczbę przeczytanych książek', 'czytanie', 'książki'],
    ['Count how many books I finish', 'reading', 'books'],
    ["I'd like to log how many pages I read each week", 'reading', 'pages'],
    ['Śledź, ile minut dziennie medytuję', 'medytacja', 'min'],
    ['Zapisuj, ile kilometrów przejechałem na rowerze', 'jazda na rowerze', 'km'],
    ['Track my coffee spending in euros', 'coffee spending', 'EUR'],
  ])('%s → %s in %s', (text, subject, unit) => {
    expect(needOf(text)).toMatchObject({ subject, unit });
  });

  it('counts kilometres or złoty as amounts to total, and books or times as items to count', () => {
    expect(needOf('Licz kilometry, które przebiegam').kind).toBe('tracker');
    expect(needOf('Count the books I read this year')).toMatchObject({ kind: 'counter', unit: 'books' });
    expect(needOf('Track how many times I go to the gym')).toMatchObject({ kind: 'counter', unit: 'times' });
  });

  it('asks back instead of guessing when counting reading could be books or pages', () => {
    for (const text of ['Chcę liczyć czytanie', 'Count my reading', 'Śledź moje czytanie']) {
      const result = parseSkillRequest(text);
      expect(result, text).toMatchObject({ isRequest: false, clarify: true, reason: { pl: 'Czy chodzi o liczbę książek, czy stron?', en: 'Do you mean the number of books or of pages?' } });
    }
    expect(needOf('Chcę liczyć przeczytane strony').unit).toBe('strony');
  });
});

describe('the period a total is about', () => {
  it.each([
    ['Ile razy w miesiącu jem na mieście? Licz to', 'month'],
    ['Chcę liczyć, ile razy w tygodniu gram w tenisa', 'week'],
    ['Track my yearly book count', 'year'],
    ['Śledź moje tygodniowe wydatki', 'week'],
    ['Count the glasses of water I drink per day', 'day'],
  ])('%s → %s', (text, period) => {
    expect(needOf(text.replace(/^Ile razy w miesiącu jem na mieście\? Licz to$/, 'Licz, ile razy w miesiącu jem na mieście')).period).toBe(period);
  });

  it('keeps "codziennie" as the time of a reminder or a journal, not as a period', () => {
    expect(needOf('Przypominaj mi codziennie o 9 o witaminach')).toMatchObject({ cadence: { type: 'daily', at: '09:00' } });
    expect(needOf('Przypominaj mi codziennie o 9 o witaminach').period).toBeUndefined();
  });
});

describe('limits with a direction', () => {
  it.each([
    ['Ostrzegaj mnie, gdy wypiję więcej niż 4 kawy dziennie', 'above', 4],
    ['Daj znać, kiedy przekroczę 2 000 zł miesięcznie', 'above', 2000],
    ['Let me know if I sleep less than 7 hours', 'below', 7],
    ['Chcę śledzić kroki, co najmniej 8000 dziennie', 'below', 8000],
    ['Warn me when my weight goes above 90 kg', 'above', 90],
    ['Powiadom mnie, jeśli wydam ponad 300 euro w tygodniu', 'above', 300],
  ])('%s → %s %d', (text, direction, limit) => {
    expect(needOf(text)).toMatchObject({ kind: expect.stringMatching(/tracker|counter/), threshold: { direction, limit } });
  });

  it('a warning without a limit is a reminder: "notify me to…"', () => {
    expect(needOf('Powiadamiaj mnie o lekach o 21')).toMatchObject({ kind: 'reminder', cadence: { type: 'daily', at: '21:00' } });
    expect(needOf('Alert me to stand up every hour')).toMatchObject({ kind: 'reminder', cadence: { type: 'interval', everyMinutes: 60 } });
  });
});

describe('several fields in one entry', () => {
  it('a blood pressure reading is systolic and diastolic, both required, with an optional pulse, and the latest counts', () => {
    expect(needOf('Mierz moje ciśnienie')).toMatchObject({
      aggregate: 'latest',
      fields: [{ key: 'systolic', required: true }, { key: 'diastolic', required: true }, { key: 'pulse', required: false }],
    });
  });

  it('a pulse the person names becomes required', () => {
    expect(needOf('Log my blood pressure with pulse').fields?.find((f) => f.key === 'pulse')).toMatchObject({ required: true });
  });

  it('an expense is an amount in its currency and what it was for', () => {
    expect(needOf('Chcę śledzić wydatki w euro')).toMatchObject({ unit: 'EUR', fields: [{ key: 'amount', unit: 'EUR', required: true }, { key: 'category', type: 'text', required: false }] });
  });

  it('"screen time" stays a subject: a field word counts only in a list of what to record', () => {
    expect(needOf('Track my screen time').fields).toBeUndefined();
    expect(needOf('Track my walks: distance and time').fields?.map((f) => f.key)).toEqual(['distance', 'duration']);
  });
});

describe('times a day', () => {
  it.each([
    ['Przypominaj mi o witaminach trzy razy dziennie', 3],
    ['Remind me to stretch 4 times a day', 4],
    ['Chcę mierzyć ciśnienie dwa razy na dzień', 2],
    ['Remind me to drink water once a day', 1],
  ])('%s → %d', (text, times) => {
    expect(needOf(text).timesPerDay).toBe(times);
  });
});

describe('habits', () => {
  it.each([
    ['Chcę wyrobić sobie nawyk porannej gimnastyki', 'poranna gimnastyka'],
    ['Chcę codziennie odhaczać flossowanie', 'flossowanie'],
    ['I want a streak for flossing', 'flossing'],
    ['Track whether I practise piano every day', 'practise piano'],
    ['Śledź, czy codziennie czytam', 'czytanie'],
  ])('%s → a habit of %s', (text, subject) => {
    expect(needOf(text)).toMatchObject({ kind: 'habit', subject });
  });
});

describe('subjects outside the lexicon, by the grammar of the request', () => {
  it.each([
    ['Chcę śledzić grę na gitarze', 'gra na gitarze'],
    ['Przypomnij mi, żebym kupił mleko', 'kupić mleko'],
    ['Przypomnij mi, żebym napisała do Ani w piątek o 10', 'napisać do Ani'],
    ['Prowadź listę filmów do obejrzenia', 'filmy do obejrzenia'],
    ['I want to track my guitar practice', 'guitar practice'],
    ['Count the pull-ups I do', 'pull ups'],
  ])('%s → %s', (text, subject) => {
    expect(needOf(text).subject).toBe(subject);
  });

  it('money spent on something is one subject, not two', () => {
    expect(needOf('Chcę zapisywać, ile wydaję na paliwo')).toMatchObject({ subject: 'wydatki na paliwo', subjectKey: 'spending-on-paliwo' });
    expect(needOf('Track how much I spend on books every month')).toMatchObject({ subject: 'spending on books', unit: 'PLN', period: 'month' });
  });
});
