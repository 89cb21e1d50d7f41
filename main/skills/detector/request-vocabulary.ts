import type { Locale } from '../../../shared/i18n-types.ts';
import type { SkillKind } from '../../../shared/skills/need.ts';

/** A price watch and a webhook are recognised by their web address (price-watch-request.ts, webhook-request.ts), not by a trigger word. */
export type TriggerKind = Exclude<SkillKind, 'price-watch' | 'webhook'>;

/**
 * "Warn me", "daj znać", "notify me": a limit the person names makes it a tracker that warns
 * ("…when I spend more than 500 zł"); without one it is a reminder ("notify me to stretch").
 */
export type AlertTrigger = 'alert';

export interface Trigger {
  /** null: a phrase that looks like a trigger but is not one ("log in", "count on"). */
  kind: TriggerKind | AlertTrigger | null;
  language: Locale;
  /** A noun ("lista", "journal"): the words just before it may name the subject ("shopping list"). */
  noun?: boolean;
  /** English "list" is a verb at the start of a sentence ("list my skills"), a noun after a word. */
  notFirst?: boolean;
  /** A journal names itself when nothing else is said ("Chcę prowadzić dziennik"). */
  self?: { subject: string; key: string };
  /** The unit the trigger itself says: "ile razy" counts times. */
  unit?: { pl: string; en: string };
}

const list = (text: string) => text.split(',').map((w) => w.trim()).filter(Boolean);

function triggers(kind: Trigger['kind'], language: Locale, phrases: string, extra: Omit<Trigger, 'kind' | 'language'> = {}) {
  return list(phrases).map((phrase) => [phrase, { kind, language, ...extra }] as const);
}

export const TRIGGERS: (readonly [string, Trigger])[] = [
  ...triggers('tracker', 'pl', 'śledź, śledzić, śledzenie, śledził, śledziła, śledziłbyś, śledziłabyś, monitoruj, monitorować, monitorowanie, mierz, mierzyć, zapisuj, zapisywać, notuj, notować, rejestruj, rejestrować, loguj, logować'),
  ...triggers('reminder', 'pl', 'przypominaj, przypomnij, przypominać, przypomnieć, przypomnienie, przypomnienia, przypominał, przypominała, przypomniał, przypomniała, nie pozwól mi zapomnieć'),
  ...triggers('counter', 'pl', 'licz, liczyć, zliczaj, zliczać, podliczaj, policz, policzyć'),
  ...triggers('counter', 'pl', 'ile razy', { unit: { pl: 'razy', en: 'times' } }),
  ...triggers('alert', 'pl', 'ostrzeż, ostrzegaj, ostrzegać, ostrzec, daj znać, dawaj znać, dawać znać, powiadom, powiadamiaj, powiadamiać, powiadomić, zaalarmuj, alarmuj'),
  ...triggers('habit', 'pl', 'nawyk, nawyku, nawyki, nawyków, nawykiem, seria, serię, serii', { noun: true }),
  ...triggers('habit', 'pl', 'odhaczaj, odhaczać, odhacz, odhaczyć, odznaczaj, odznaczać'),
  ...triggers('checklist', 'pl', 'lista, listę, listy, liście, listą, checklista, checklistę, checklisty, lista kontrolna, listę kontrolną', { noun: true }),
  ...triggers('journal', 'pl', 'dziennik, dziennika, dzienniku, dzienniczek, dzienniczka', { noun: true, self: { subject: 'dziennik', key: 'journal' } }),
  ...triggers('journal', 'pl', 'pamiętnik, pamiętnika', { noun: true, self: { subject: 'pamiętnik', key: 'diary' } }),
  ...triggers('tracker', 'en', 'track, tracking, keep track of, keep track, monitor, monitoring, log, logging, record, recording, measure, measuring'),
  ...triggers(null, 'en', 'log in, log into, log out, log off, count on, count me in, track down, record player'),
  ...triggers('reminder', 'en', "remind, reminder, reminders, don't let me forget"),
  ...triggers('counter', 'en', 'count, counting, tally'),
  ...triggers('counter', 'en', 'how many times', { unit: { pl: 'razy', en: 'times' } }),
  ...triggers('alert', 'en', 'warn, warning, alert, notify, tell me if, tell me when, let me know, ping me'),
  ...triggers('habit', 'en', 'habit, habits, streak, streaks', { noun: true }),
  ...triggers('habit', 'en', 'tick off, check off'),
  ...triggers('checklist', 'en', 'checklist, checklists, check list', { noun: true }),
  ...triggers('checklist', 'en', 'list, lists', { noun: true, notFirst: true }),
  ...triggers('journal', 'en', 'journal', { noun: true, self: { subject: 'journal', key: 'journal' } }),
  ...triggers('journal', 'en', 'diary', { noun: true, self: { subject: 'diary', key: 'diary' } }),
];

/** Words that may come before the request itself: politeness, "I want to", "can you", "make a". */
export const PREAMBLE = new Set(list(`
  chcę, chce, chciałbym, chciałabym, chciałam, chciałem, chcemy, czy, możesz, mógłbyś, mogłabyś, proszę, prosze, pomóż, pomóc,
  mi, mnie, zacznij, zacznę, zacząć, zacznijmy, hej, cześć, ok, okej, dobrze, teraz, od, jutra, dziś, dzisiaj, będę, potrzebuję,
  żeby, żebyś, aby, abyś, by, się, ja, budować, zbudować, wyrobić, wyrabiać, mieć, wyrobienie, zbudowanie, mogę, prowadź, prowadzić, załóż, założyć, utwórz, utworzyć, stwórz, stworzyć, zrób, zrobić, dodaj,
  dodać, daj, ustaw, ustawić, włącz, włączyć, nowy, nową, nowe, nowa, mój, moja, moje, własny, własną, własna, jakiś, jakąś,
  też, także, również, może, niech, no, to, a, i, więc, spróbuj,
  i'd, i'm, i'll, want, wanna, would, like, love, you, can, could, please, help, me, start, starting, hey, hi, hello, okay,
  let's, let, us, set, up, create, make, an, new, keep, my, need, begin, should, will, just, also, now, from, today, on, gotta,
  going, am, be, able, assistant, form, get, have, pls, plz, kindly, do, the, some, own, add, give, build, try, so, then
`));

export const NEGATIONS = new Set(list("nie, nigdy, przestań, przestan, stop, don't, dont, never, not, can't, cannot, won't, wouldn't, didn't, shouldn't"));

/** Stripped from the edges of a subject the lexicon does not know. */
export const LEADING_FILLERS = new Set(list(`
  mi, mnie, o, ile, jak, czy, że, żeby, żebym, żebyś, żebyśmy, aby, abym, abyś, abyśmy, by, bym, się, na, co, tym, tego, to, razy, często, dla, z,
  moje, moja, mój, moich, moim, moimi, moją, mojego, mojej, swoje, swoja, swój, swoich, swoim, swoimi, swoją, swojego, swojej,
  me, to, about, my, our, how, much, many, often, times, i, whether, if, the, a, an, of, for, that, when, what, on, in, with, please, also
`));
export const TRAILING_FILLERS = new Set(list('please, proszę, dla, mnie, for, me, thanks, dzięki, and, i, oraz, or, lub, albo, też, too, also, o, at, on, every, co, w, we, then'));

export const QUESTION_WORDS = new Set(list("what, what's, whats, how, why, when, where, who, which, is, are, does, did, czy, co, jak, jaka, jaki, jakie, dlaczego, czemu, kiedy, gdzie, kto, ile"));
