import type { Localized } from '../../../shared/i18n-types.ts';
import type { Cadence } from '../../../shared/skills/need.ts';
import { blankOut } from './text.ts';

export interface Span {
  start: number;
  end: number;
}

export type CadenceParse =
  | { ok: true; cadence: Cadence; spans: Span[] }
  | { ok: false; reason: Localized };

type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WORKWEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WEEKEND: readonly Weekday[] = ['sat', 'sun'];
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

const NUMBER_WORDS: Record<string, number> = {
  jeden: 1, jedna: 1, jedną: 1, dwa: 2, dwie: 2, trzy: 3, cztery: 4, pięć: 5, sześć: 6, siedem: 7, osiem: 8,
  dziewięć: 9, dziesięć: 10, dwanaście: 12, piętnaście: 15, dwadzieścia: 20, trzydzieści: 30, czterdzieści: 40,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40,
};
const NUMBER_ALT = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');

// "o ósmej" = at eight: the genitive feminine ordinals of the hours.
const ORDINAL_HOURS: Record<string, number> = {
  pierwszej: 1, drugiej: 2, trzeciej: 3, czwartej: 4, piątej: 5, szóstej: 6, siódmej: 7, ósmej: 8, dziewiątej: 9,
  dziesiątej: 10, jedenastej: 11, dwunastej: 12, trzynastej: 13, czternastej: 14, piętnastej: 15, szesnastej: 16,
  siedemnastej: 17, osiemnastej: 18, dziewiętnastej: 19, dwudziestej: 20, 'dwudziestej pierwszej': 21,
  'dwudziestej drugiej': 22, 'dwudziestej trzeciej': 23,
};
const ORDINAL_ALT = Object.keys(ORDINAL_HOURS).sort((a, b) => b.length - a.length).map((w) => w.replace(' ', '\\s+')).join('|');

const PL_DAYS: [Weekday, string][] = [
  ['mon', 'poniedziałek|poniedziałki|poniedziałku'],
  ['tue', 'wtorek|wtorki|wtorku'],
  ['wed', 'środa|środy|środę|środzie'],
  ['thu', 'czwartek|czwartki|czwartku'],
  ['fri', 'piątek|piątki|piątku'],
  ['sat', 'sobota|soboty|sobotę|sobocie'],
  ['sun', 'niedziela|niedziele|niedzielę|niedzieli'],
];
const EN_DAYS: [Weekday, string][] = WEEK.map((day, i) => [day, ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][i]!]);

/** A whole-word, case-insensitive (the text is normalised), Unicode-aware pattern. */
function rx(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu');
}

type Found =
  | { type: 'unsupported' }
  | { type: 'interval'; minutes: number }
  | { type: 'days'; days: readonly Weekday[] }
  | { type: 'daily' }
  | { type: 'time'; hour: number; minute: number; period?: string };

interface Rule {
  pattern: RegExp;
  read: (m: RegExpMatchArray) => Found;
}

const EVENING = /^(?:wieczorem|po\s+południu|in\s+the\s+evening|in\s+the\s+afternoon|tonight)$/;
const NIGHT = /^(?:w\s+nocy|at\s+night)$/;

function unitMinutes(unit: string): number {
  if (/^(?:min|minut)/.test(unit)) return 1;
  if (/^(?:godz|h|hour|hr)/.test(unit)) return 60;
  if (/^(?:dni|dzień|day)/.test(unit)) return MINUTES_PER_DAY;
  return MINUTES_PER_WEEK;
}

function count(digits: string | undefined, word: string | undefined): number {
  if (digits !== undefined) return Number(digits);
  if (word !== undefined) return NUMBER_WORDS[word.replace(/\s+/g, ' ')] ?? 1;
  return 1;
}

const interval = (minutes: number) => (): Found => ({ type: 'interval', minutes });
const days = (list: readonly Weekday[]) => (): Found => ({ type: 'days', days: list });
const daily = (): Found => ({ type: 'daily' });
const time = (hour: number, minute = 0) => (): Found => ({ type: 'time', hour, minute });
const clock = (h: string | undefined, m: string | undefined, period: string | undefined): Found => ({
  type: 'time', hour: Number(h), minute: m === undefined ? 0 : Number(m), ...(period ? { period: period.replace(/\s+/g, ' ') } : {}),
});

const INTERVAL_UNITS_PL = 'minut[ęy]?|min|godzin[ęy]?|godz\\.?|h|dni|dzień|tygodnie|tygodni|tydzień';
const INTERVAL_UNITS_EN = 'minutes?|mins?|hours?|hrs?|h|days?|weeks?';
const PL_PERIOD = 'rano|wieczorem|w\\s+nocy|po\\s+południu|nad\\s+ranem';
const EN_PERIOD = "in\\s+the\\s+morning|in\\s+the\\s+afternoon|in\\s+the\\s+evening|at\\s+night|tonight";

/** In order: each rule only sees what earlier rules left, so "co 2 godziny" is never read as "o 2". */
const RULES: Rule[] = [
  { pattern: rx('co\\s+miesiąc|każdego\\s+miesiąca|raz\\s+w\\s+miesiącu|every\\s+month|monthly|once\\s+a\\s+month'), read: () => ({ type: 'unsupported' }) },
  { pattern: rx('co\\s+kwadrans'), read: interval(15) },
  { pattern: rx('co\\s+pół\\s+godziny|every\\s+half\\s+(?:an\\s+)?hour'), read: interval(30) },
  { pattern: rx('co\\s+drugi\\s+dzień|every\\s+other\\s+day'), read: interval(2 * MINUTES_PER_DAY) },
  { pattern: rx('co\\s+drugi\\s+tydzień|every\\s+other\\s+week|fortnightly'), read: interval(2 * MINUTES_PER_WEEK) },
  { pattern: rx('raz\\s+w\\s+tygodniu|raz\\s+na\\s+tydzień|once\\s+a\\s+week|weekly'), read: interval(MINUTES_PER_WEEK) },
  { pattern: rx('hourly'), read: interval(60) },
  {
    pattern: rx(`co\\s+(?:(\\d{1,4})\\s*|(${NUMBER_ALT})\\s+)?(${INTERVAL_UNITS_PL})`),
    read: (m) => ({ type: 'interval', minutes: count(m[1], m[2]) * unitMinutes(m[3]!) }),
  },
  {
    pattern: rx(`every\\s+(?:(\\d{1,4})\\s*|(${NUMBER_ALT})\\s+)?(${INTERVAL_UNITS_EN})`),
    read: (m) => ({ type: 'interval', minutes: count(m[1], m[2]) * unitMinutes(m[3]!) }),
  },
  { pattern: rx('w\\s+weekendy?|w\\s+weekendzie|weekendami|w\\s+soboty\\s+i\\s+niedziele'), read: days(WEEKEND) },
  { pattern: rx('(?:w\\s+)?dni\\s+(?:robocze|powszednie|pracujące)|od\\s+poniedziałku\\s+do\\s+piątku'), read: days(WORKWEEK) },
  { pattern: rx('(?:(?:on|at|every|during)\\s+(?:the\\s+)?)?weekends?'), read: days(WEEKEND) },
  { pattern: rx('(?:(?:on|every)\\s+)?(?:weekdays?|workdays?)|(?:from\\s+)?monday\\s+(?:to|through|thru)\\s+friday'), read: days(WORKWEEK) },
  ...PL_DAYS.map(([day, forms]): Rule => ({
    pattern: rx(`(?:(?:w\\s+każdy|w\\s+każdą|każdego|każdej|każdy|każdą|we|w|co)\\s+)?(?:${forms})`),
    read: days([day]),
  })),
  ...EN_DAYS.map(([day, name]): Rule => ({ pattern: rx(`(?:(?:every|on|each)\\s+)?${name}s?`), read: days([day]) })),
  {
    pattern: rx('codziennie|każdego\\s+dnia|co\\s+dzień|dziennie|co\\s+rano|każdego\\s+ranka|co\\s+wieczór|każdego\\s+wieczor[ua]|na\\s+dzień|daily|every\\s*day|each\\s+day|(?:every|each)\\s+(?:morning|evening|night)|a\\s+day|per\\s+day'),
    read: daily,
  },
  { pattern: rx('w\\s+południe|(?:at\\s+)?(?:noon|midday)'), read: time(12) },
  { pattern: rx('o\\s+północy|(?:at\\s+)?midnight'), read: time(0) },
  {
    pattern: rx(`(?:at\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)`),
    read: (m) => clock(m[1], m[2], m[3]!.replace(/\./g, '')),
  },
  {
    pattern: rx(`(?:at\\s+(\\d{1,2})(?::(\\d{2}))?(?:\\s*o'clock)?|(\\d{1,2})\\s*o'clock)(?:\\s+(${EN_PERIOD}))?`),
    read: (m) => clock(m[1] ?? m[3], m[2], m[4]),
  },
  {
    pattern: rx(`o\\s+(?:godz(?:inie|\\.)?\\s*)?(\\d{1,2})(?:[:.](\\d{2}))?(?:\\s+(${PL_PERIOD}))?`),
    read: (m) => clock(m[1], m[2], m[3]),
  },
  {
    pattern: rx(`o\\s+(?:godzinie\\s+)?(${ORDINAL_ALT})(?:\\s+(${PL_PERIOD}))?`),
    read: (m) => clock(String(ORDINAL_HOURS[m[1]!.replace(/\s+/g, ' ')]), undefined, m[2]),
  },
  { pattern: rx('(\\d{1,2}):(\\d{2})'), read: (m) => clock(m[1], m[2], undefined) },
];

/** Hour and minute on a 24 h clock, or null when no such time exists. */
function to24h(found: Extract<Found, { type: 'time' }>): { hour: number; minute: number } | null {
  let { hour } = found;
  const { minute, period } = found;
  if (period === 'am' || period === 'pm') {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (period === 'pm' ? 12 : 0);
  } else if (period && EVENING.test(period)) {
    if (hour < 12) hour += 12;
  } else if (period && NIGHT.test(period)) {
    if (hour >= 6 && hour < 12) hour += 12;
    else if (hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads how often something should happen: "codziennie o 8", "every Monday at 9", "co 2 godziny",
 * "at 7:30 pm". Returns the matched spans so the caller can tell the schedule from the subject.
 * What it cannot represent exactly it refuses with a reason instead of guessing.
 */
export function parseCadence(normalized: string): CadenceParse {
  let rest = normalized;
  const spans: Span[] = [];
  const found: { what: Found; text: string }[] = [];
  for (const rule of RULES) {
    const matches = [...rest.matchAll(rule.pattern)];
    for (const m of matches) {
      found.push({ what: rule.read(m), text: m[0] });
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
    rest = blankOut(rest, spans);
  }

  if (found.some((f) => f.what.type === 'unsupported')) {
    return refuse({
      pl: 'Rytm miesięczny nie jest jeszcze obsługiwany — wybierz dni tygodnia albo odstęp w dniach (np. „co 30 dni”).',
      en: 'A monthly rhythm is not supported yet — choose days of the week or a gap in days (e.g. “every 30 days”).',
    });
  }

  const times = new Set<string>();
  for (const f of found) {
    if (f.what.type !== 'time') continue;
    const t = to24h(f.what);
    if (!t) return refuse({ pl: `Godzina „${f.text.trim()}” nie istnieje.`, en: `“${f.text.trim()}” is not a valid time of day.` });
    times.add(`${pad(t.hour)}:${pad(t.minute)}`);
  }
  if (times.size > 1) {
    const list = [...times].join(', ');
    return refuse({
      pl: `Podano kilka godzin (${list}) — jedna umiejętność ma jedną porę; poproś o każdą osobno.`,
      en: `Several times were given (${list}) — one skill has one time of day; ask for each separately.`,
    });
  }
  const at = [...times][0];

  const dayFinds = found.filter((f) => f.what.type === 'days');
  const daySet = new Set(dayFinds.flatMap((f) => (f.what.type === 'days' ? f.what.days : [])));
  const intervalFinds = found.filter((f) => f.what.type === 'interval');
  const intervals = new Set(intervalFinds.map((f) => (f.what.type === 'interval' ? f.what.minutes : 0)));
  if (intervals.has(0)) {
    return refuse({ pl: 'Odstęp „co 0” nic nie znaczy — podaj co ile minut, godzin albo dni.', en: 'An interval of zero means nothing — say every how many minutes, hours or days.' });
  }
  if (intervals.size > 1) return conflict(intervalFinds.map((f) => f.text));

  const everyMinutes = [...intervals][0];
  // "co tydzień w poniedziałki" is simply weekly on Mondays; "codziennie" is "every 1 day".
  const isWeekly = everyMinutes === MINUTES_PER_WEEK;
  const isDaily = everyMinutes === MINUTES_PER_DAY || found.some((f) => f.what.type === 'daily');

  if (daySet.size > 0) {
    if (everyMinutes !== undefined && !isWeekly && everyMinutes !== MINUTES_PER_DAY) {
      return conflict([...intervalFinds, ...dayFinds].map((f) => f.text));
    }
    const days = WEEK.filter((d) => daySet.has(d));
    return { ok: true, spans, cadence: at ? { type: 'weekly', days, at } : { type: 'weekly', days } };
  }
  if (everyMinutes !== undefined && everyMinutes !== MINUTES_PER_DAY) {
    if (at) return conflict([...intervalFinds.map((f) => f.text), at]);
    return { ok: true, spans, cadence: { type: 'interval', everyMinutes } };
  }
  if (isDaily || at) return { ok: true, spans, cadence: at ? { type: 'daily', at } : { type: 'daily' } };
  return { ok: true, spans, cadence: { type: 'none' } };
}

function refuse(reason: Localized): CadenceParse {
  return { ok: false, reason };
}

function conflict(parts: string[]): CadenceParse {
  const quoted = parts.map((p) => p.trim());
  return refuse({
    pl: `Nie umiem połączyć ${quoted.map((p) => `„${p}”`).join(' i ')} w jednym harmonogramie — wybierz jedno, np. „co 2 godziny” albo „w poniedziałki o 9”.`,
    en: `“${quoted.join('” and “')}” cannot be combined into one schedule — pick one, e.g. “every 2 hours” or “every Monday at 9”.`,
  });
}
