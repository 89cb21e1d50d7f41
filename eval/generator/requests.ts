// The generator evaluation's table (issue 15 §1): 80 requests, half Polish and half English, eight
// per category, phrased as people phrase them. Each row says what a correct skill must do; the
// offline generator's figure on this table is the project's measure of generator fidelity.
import type { Check, EvalRequest } from './table.ts';

const pl = (category: EvalRequest['category'], text: string, ...checks: Check[]): EvalRequest => ({ text, language: 'pl', category, checks });
const en = (category: EvalRequest['category'], text: string, ...checks: Check[]): EvalRequest => ({ text, language: 'en', category, checks });
const refused: Check = { check: 'refused' };
const habit: Check = { check: 'habit' };

export const REQUESTS: readonly EvalRequest[] = [
  // Several fields in one entry.
  pl('multi-field', 'Chcę zapisywać ciśnienie krwi dwa razy dziennie', { check: 'entry', fields: { systolic: 120, diastolic: 80 } }, { check: 'schedule', perDay: 2 }),
  pl('multi-field', 'Chcę śledzić ciśnienie i puls', { check: 'entry', fields: { systolic: 125, diastolic: 82, pulse: 70 } }),
  pl('multi-field', 'Zapisuj moje wydatki: kwotę i kategorię', { check: 'entry', fields: { amount: 45.5, category: 'jedzenie' } }),
  pl('multi-field', 'Chcę śledzić bieganie: dystans i czas', { check: 'entry', fields: { distance: 5, duration: 30 } }),
  en('multi-field', 'Log my blood pressure twice a day', { check: 'entry', fields: { systolic: 120, diastolic: 80 } }, { check: 'schedule', perDay: 2 }),
  en('multi-field', 'Track my blood pressure and pulse', { check: 'entry', fields: { systolic: 125, diastolic: 82, pulse: 70 } }),
  en('multi-field', 'I want to track my expenses with amount and category', { check: 'entry', fields: { amount: 12.5, category: 'groceries' } }),
  en('multi-field', 'Track my runs: distance in km and time in minutes', { check: 'entry', fields: { distance: 5, duration: 28 } }),

  // The period a total is about.
  pl('period', 'Ile razy w tygodniu chodzę na basen', { check: 'total', period: 'week' }, { check: 'unit', unit: 'times', not: 'min' }),
  pl('period', 'Chcę śledzić moje wydatki w miesiącu', { check: 'total', period: 'month' }),
  pl('period', 'Licz, ile kilometrów przejeżdżam rowerem w tygodniu', { check: 'total', period: 'week' }, { check: 'unit', unit: 'km' }),
  pl('period', 'Śledź, ile wody piję dziennie', { check: 'total', period: 'day' }, { check: 'unit', unit: 'ml' }),
  en('period', 'Track how many times a week I go swimming', { check: 'total', period: 'week' }, { check: 'unit', unit: 'times', not: 'min' }),
  en('period', 'Track my monthly spending', { check: 'total', period: 'month' }),
  en('period', 'Count the kilometres I cycle each week', { check: 'total', period: 'week' }, { check: 'unit', unit: 'km' }),
  en('period', 'Track how much water I drink per day', { check: 'total', period: 'day' }, { check: 'unit', unit: 'ml' }),

  // Goals and limits with a direction.
  pl('threshold', 'Ostrzeż mnie, gdy wydam więcej niż 500 zł w tygodniu', { check: 'threshold', direction: 'above', limit: 500, period: 'week' }, { check: 'unit', unit: 'zł' }),
  pl('threshold', 'Daj znać, jeśli wypiję mniej niż 1500 ml wody dziennie', { check: 'threshold', direction: 'below', limit: 1500 }, { check: 'unit', unit: 'ml' }),
  pl('threshold', 'Chcę śledzić sen i ostrzegaj, gdy śpię mniej niż 6 godzin', { check: 'threshold', direction: 'below', limit: 6 }, { check: 'unit', unit: 'h' }),
  pl('threshold', 'Powiadom mnie, kiedy zjem więcej niż 2500 kalorii dziennie', { check: 'threshold', direction: 'above', limit: 2500 }),
  en('threshold', 'Warn me when I spend more than 500 zł a week', { check: 'threshold', direction: 'above', limit: 500, period: 'week' }, { check: 'unit', unit: 'zł' }),
  en('threshold', 'Tell me if I drink less than 1500 ml of water a day', { check: 'threshold', direction: 'below', limit: 1500 }, { check: 'unit', unit: 'ml' }),
  en('threshold', 'Track my sleep and warn me if I get under 6 hours', { check: 'threshold', direction: 'below', limit: 6 }, { check: 'unit', unit: 'h' }),
  en('threshold', 'Alert me when my screen time goes over 3 hours a day', { check: 'threshold', direction: 'above', limit: 3 }, { check: 'unit', unit: 'h' }),

  // Units and currencies.
  pl('units', 'Chcę śledzić swoją wagę w kilogramach', { check: 'unit', unit: 'kg' }),
  pl('units', 'Zapisuj, ile wydaję na kawę, w złotówkach', { check: 'unit', unit: 'zł' }, { check: 'total', period: 'day' }),
  pl('units', 'Śledź, ile kilometrów przebiegłem', { check: 'unit', unit: 'km' }),
  pl('units', 'Chcę śledzić wydatki w euro podczas wyjazdu', { check: 'unit', unit: '€' }),
  en('units', 'Track my weight in kg', { check: 'unit', unit: 'kg' }),
  en('units', 'Track what I spend on lunch in dollars', { check: 'unit', unit: '$' }, { check: 'total', period: 'day' }),
  en('units', 'Track how many minutes I meditate', { check: 'unit', unit: 'min' }),
  en('units', 'Log my water intake in litres', { check: 'unit', unit: 'l' }),

  // Counts of items, not of their parts.
  pl('item-count', 'Chcę liczyć przeczytane książki', { check: 'unit', unit: 'books', not: 'pages' }),
  pl('item-count', 'Licz strony, które czytam', { check: 'unit', unit: 'pages' }, { check: 'total', period: 'day' }),
  pl('item-count', 'Chcę liczyć wypite kawy', { check: 'unit', unit: 'cups' }, { check: 'total', period: 'day' }),
  pl('item-count', 'Licz moje kroki', { check: 'unit', unit: 'steps' }),
  en('item-count', 'I want to count the books I read', { check: 'unit', unit: 'books', not: 'pages' }),
  en('item-count', 'Count the pages I read every day', { check: 'unit', unit: 'pages' }, { check: 'total', period: 'day' }),
  en('item-count', 'Count my cigarettes', { check: 'kind', kind: 'counter' }, { check: 'total', period: 'day' }),
  en('item-count', 'Count how many steps I walk', { check: 'unit', unit: 'steps' }),

  // Habits: done or not, per day, with a streak.
  pl('habit', 'Chcę budować nawyk codziennego czytania', habit),
  pl('habit', 'Śledź, czy codziennie medytuję', habit),
  pl('habit', 'Chcę odhaczać codzienny spacer', habit),
  pl('habit', 'Pomóż mi wyrobić nawyk rozciągania się', habit),
  en('habit', 'I want a habit tracker for reading', habit),
  en('habit', 'Track whether I meditate every day', habit),
  en('habit', 'Help me build a daily stretching habit', habit),
  en('habit', 'Track my no-sugar streak', habit),

  // Schedules and reminders with a cadence.
  pl('schedule', 'Przypominaj mi o lekach codziennie o 8', { check: 'kind', kind: 'reminder' }, { check: 'schedule', at: ['08:00'] }),
  pl('schedule', 'Przypomnij mi, żebym zadzwonił do mamy w niedzielę o 18', { check: 'schedule', days: ['sun'], at: ['18:00'] }),
  pl('schedule', 'Przypominaj mi o piciu wody co godzinę', { check: 'schedule', everyMinutes: 60 }),
  pl('schedule', 'Przypominaj mi o podlewaniu kwiatów w poniedziałki i czwartki', { check: 'schedule', days: ['mon', 'thu'] }),
  en('schedule', 'Remind me to take my pills every day at 8', { check: 'kind', kind: 'reminder' }, { check: 'schedule', at: ['08:00'] }),
  en('schedule', 'Notify me to stretch every 90 minutes', { check: 'schedule', everyMinutes: 90 }),
  en('schedule', 'Remind me to call my mom on Sundays at 6 pm', { check: 'schedule', days: ['sun'], at: ['18:00'] }),
  en('schedule', 'Remind me to take vitamins twice a day', { check: 'schedule', perDay: 2 }),

  // Lists.
  pl('list', 'Zrób mi listę zakupów', { check: 'list', items: ['mleko', 'chleb'] }),
  pl('list', 'Potrzebuję listy rzeczy do spakowania na wyjazd', { check: 'list', items: ['paszport', 'ładowarka'] }),
  pl('list', 'Prowadź listę filmów do obejrzenia', { check: 'list', items: ['Rejs', 'Miś'] }),
  pl('list', 'Chcę mieć listę prezentów na święta', { check: 'list', items: ['szalik dla taty'] }),
  en('list', 'Make me a shopping list', { check: 'list', items: ['milk', 'bread'] }),
  en('list', 'Keep a packing list for my trip', { check: 'list', items: ['passport', 'charger'] }),
  en('list', 'I need a list of books to read', { check: 'list', items: ['Solaris'] }),
  en('list', 'Keep a to-do list for the garden', { check: 'list', items: ['prune the roses'] }),

  // Conditional mood and polite forms.
  pl('conditional', 'Chciałbym śledzić, ile piję wody', { check: 'kind', kind: 'tracker' }, { check: 'unit', unit: 'ml' }, { check: 'total', period: 'day' }),
  pl('conditional', 'Chciałbym zapisywać swoje wydatki na jedzenie w złotówkach', { check: 'unit', unit: 'zł' }, { check: 'entry', fields: { amount: 32 } }),
  pl('conditional', 'Chciałabym, żebyś przypominał mi o lekach o 9', { check: 'schedule', at: ['09:00'] }),
  pl('conditional', 'Chciałbym prowadzić dziennik nastroju', { check: 'kind', kind: 'journal' }, { check: 'entry', fields: { text: 'Dobry dzień' } }),
  en('conditional', "I'd like to track my sleep", { check: 'kind', kind: 'tracker' }, { check: 'unit', unit: 'h' }),
  en('conditional', 'I would like to count my coffees', { check: 'kind', kind: 'counter' }, { check: 'total', period: 'day' }),
  en('conditional', "I'd like you to remind me to drink water every 2 hours", { check: 'schedule', everyMinutes: 120 }),
  en('conditional', "I'd like to keep a gratitude journal", { check: 'kind', kind: 'journal' }, { check: 'entry', fields: { text: 'A good day' } }),

  // Not requests: questions, refusals, small talk, statements.
  pl('non-request', 'Jaka jest dziś pogoda?', refused),
  pl('non-request', 'Nie chcę już śledzić wody', refused),
  pl('non-request', 'Dzięki, to wszystko', refused),
  pl('non-request', 'Wczoraj wypiłem dużo kawy', refused),
  en('non-request', "What's the weather like today?", refused),
  en('non-request', "Don't track my water any more", refused),
  en('non-request', "Thanks, that's all", refused),
  en('non-request', 'I drank a lot of coffee yesterday', refused),
];
