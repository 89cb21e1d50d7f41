// "Check the price of X at https://… and tell me when it drops under Y" / "Sprawdzaj cenę X pod
// adresem https://… i daj znać, gdy spadnie poniżej Y zł": a request that names a web address and a
// price is a price watch. It is recognised before the trigger words, since such sentences often
// hold one ("track the price…") that would otherwise make a tracker of the address.
import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import { httpCapabilityOf } from '../../../shared/skills/http-capability.ts';
import type { NeedParseResult, SkillNeed } from '../../../shared/skills/need.ts';
import { parseCadence, type Span } from './cadence.ts';
import { detectLanguage } from './language.ts';
import { LEADING_FILLERS, NEGATIONS, TRAILING_FILLERS } from './request-vocabulary.ts';
import { blankOut, normalize, slugify, tokenize } from './text.ts';

// Up to white space or a quotation mark; punctuation that ends the sentence is cut off below.
const URL_IN_TEXT = /https?:\/\/[^\s<>"'„”«»]+/giu;
const URL_TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/u;

const PRICE_WORDS: Record<Locale, ReadonlySet<string>> = {
  pl: new Set(['cena', 'ceny', 'cenę', 'cenie', 'ceną', 'cen', 'cenach', 'kosztuje', 'kosztują', 'koszt']),
  en: new Set(['price', 'prices', 'priced', 'cost', 'costs']),
};

/** What a currency is called in a request → how the skill writes it. */
const CURRENCIES: Record<string, string> = {
  'zł': 'zł', zl: 'zł', 'złotych': 'zł', 'złote': 'zł', 'złoty': 'zł', pln: 'zł',
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR',
  $: 'USD', usd: 'USD', dollars: 'USD', 'dolarów': 'USD', dolarow: 'USD',
  '£': 'GBP', gbp: 'GBP', pounds: 'GBP', 'funtów': 'GBP', funtow: 'GBP',
};
const CURRENCY_AFTER = Object.keys(CURRENCIES).sort((a, b) => b.length - a.length).map((c) => c.replace('$', '\\$')).join('|');
// "below 100 zł", "poniżej 1 299,99 zł", "under $80": the threshold, after the word that says "under".
// The request is at most MAX_REQUEST_LENGTH characters and the number at most 15, so this stays cheap.
const THRESHOLD = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:below|under|less than|lower than|cheaper than|poniżej|mniej niż|niżej niż|taniej niż|pod)\\s+(?:([$€£])\\s?)?(\\d[\\d.,\\s]{0,14})\\s*(${CURRENCY_AFTER})?(?![\\p{L}\\p{N}])`,
  'u',
);

/** Words around the subject that are not the subject: verbs of the request, and where the price is. */
const REQUEST_VERBS = new Set(
  'check, watch, track, monitor, follow, keep, eye, tell, notify, alert, know, sprawdzaj, sprawdź, sprawdzać, obserwuj, obserwować, śledź, śledzić, monitoruj, pilnuj, pilnować, daj, znać, powiadom, informuj'.split(', '),
);
const SUBJECT_ENDS = new Set('at, on, from, in, when, and, if, once, every, url, page, site, website, here, pod, na, w, ze, z, i, gdy, kiedy, jak, jeśli, jeżeli, co, adresem, stronie, sklepie'.split(', '));
const MAX_SUBJECT_WORDS = 4;

const REASONS = {
  noAddress: {
    pl: 'Brakuje adresu strony z ceną — np. „Sprawdzaj cenę roweru pod adresem https://sklep.example.pl/rower i daj znać, gdy spadnie poniżej 2000 zł”.',
    en: 'It does not give the address of the page with the price — e.g. “Check the price of the Lego set at https://shop.example.com/lego and tell me when it drops below $100”.',
  },
  severalAddresses: {
    pl: 'Prośba podaje kilka adresów naraz — poproś o każdą stronę osobno.',
    en: 'The request names several addresses at once — ask for each page separately.',
  },
  badAddress: (url: string): Localized => ({
    pl: `„${url}” nie jest adresem strony, który skill może odwiedzić (http lub https, z nazwą hosta, bez nazwy użytkownika i hasła).`,
    en: `“${url}” is not a web address a skill can visit (http or https, with a host name, without a user name or password).`,
  }),
  noThreshold: {
    pl: 'Brakuje ceny, poniżej której mam dać znać — np. „… i daj znać, gdy spadnie poniżej 100 zł”.',
    en: 'It does not say below what price to tell you — e.g. “… and tell me when it drops below $100”.',
  },
  badThreshold: (said: string): Localized => ({
    pl: `„${said}” nie jest ceną większą od zera.`,
    en: `“${said}” is not a price above zero.`,
  }),
} satisfies Record<string, Localized | ((value: string) => Localized)>;

const notRequest = (reason: Localized): NeedParseResult => ({ isRequest: false, reason });

/** "1 299,99" and "1,299.99" alike: the last separator followed by one or two digits is the decimal point. */
export function parseAmount(said: string): number | null {
  const compact = said.replace(/\s/gu, '').replace(/[.,]+$/u, '');
  const cut = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
  const decimal = cut >= 0 && compact.length - cut - 1 <= 2;
  const whole = (decimal ? compact.slice(0, cut) : compact).replace(/[.,]/g, '');
  const value = Number(decimal ? `${whole}.${compact.slice(cut + 1)}` : whole);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** The web addresses a request names, trailing punctuation cut off. */
export function addressesIn(text: string): { url: string; span: Span }[] {
  return [...text.matchAll(URL_IN_TEXT)].map((m) => {
    const url = m[0].replace(URL_TRAILING_PUNCTUATION, '');
    return { url, span: { start: m.index, end: m.index + url.length } };
  });
}

const isPriceWord = (word: string) => PRICE_WORDS.en.has(word) || PRICE_WORDS.pl.has(word);

/** The words that name what is watched: after the price word ("the price of the Lego set at …"), else just before it ("the Lego set price"). */
function subjectWords(words: readonly string[], priceAt: number): string[] {
  const after: string[] = [];
  for (const word of words.slice(priceAt + 1)) {
    if (SUBJECT_ENDS.has(word) || isPriceWord(word)) break;
    after.push(word);
  }
  let start = 0;
  let end = after.length;
  while (start < end && LEADING_FILLERS.has(after[start]!)) start += 1;
  while (end > start && TRAILING_FILLERS.has(after[end - 1]!)) end -= 1;
  if (end > start) return after.slice(start, end).slice(0, MAX_SUBJECT_WORDS);
  const before: string[] = [];
  for (let i = priceAt - 1; i >= 0 && before.length < MAX_SUBJECT_WORDS; i--) {
    const word = words[i]!;
    if (REQUEST_VERBS.has(word) || SUBJECT_ENDS.has(word) || LEADING_FILLERS.has(word)) break;
    before.unshift(word);
  }
  return before;
}

/**
 * The price-watch need a request asks for, a reason it cannot be one, `negated` when it asks not to
 * watch, or null when it is no price request at all (no word for a price; or no web address and no
 * threshold either): the other kinds are tried then.
 */
export function parsePriceWatchRequest(text: string): NeedParseResult | 'negated' | null {
  const addresses = addressesIn(text);
  // The addresses are blanked first: their letters are neither words of the request nor lower-cased.
  const normalized = normalize(blankOut(text, addresses.map((a) => a.span)));
  const tokens = tokenize(normalized);
  const priceAt = tokens.findIndex((t) => isPriceWord(t.text));
  if (priceAt < 0) return null;
  const threshold = THRESHOLD.exec(normalized);
  if (addresses.length === 0) return threshold ? notRequest(REASONS.noAddress) : null;

  let clauseStart = priceAt;
  while (clauseStart > 0 && !tokens[clauseStart - 1]!.isBreak) clauseStart -= 1;
  if (tokens.slice(clauseStart, priceAt).some((t) => NEGATIONS.has(t.text))) return 'negated';
  if (addresses.length > 1) return notRequest(REASONS.severalAddresses);
  const { url } = addresses[0]!;
  if (!URL.canParse(url) || httpCapabilityOf(new URL(url)) === null) return notRequest(REASONS.badAddress(url));

  if (!threshold) return notRequest(REASONS.noThreshold);
  const said = threshold[2]!.trim().replace(/[.,]+$/u, '');
  const below = parseAmount(said);
  if (below === null) return notRequest(REASONS.badThreshold(said));
  const currencyWord = threshold[1] ?? threshold[3];
  const thresholdSpan = { start: threshold.index, end: threshold.index + threshold[0].length };

  const cadence = parseCadence(blankOut(normalized, [thresholdSpan]));
  if (!cadence.ok) return notRequest(cadence.reason);
  const rest = tokenize(blankOut(normalized, [thresholdSpan, ...cadence.spans]));
  const words = rest.filter((t) => !t.isBreak).map((t) => t.text);
  const priceWord = words.findIndex(isPriceWord);
  const language = detectLanguage(normalized) ?? (PRICE_WORDS.pl.has(tokens[priceAt]!.text) ? 'pl' : 'en');
  const named = subjectWords(words, priceWord).join(' ');
  // Nothing names the thing: the site does ("shop.example.com").
  const subject = named || new URL(url).hostname.replace(/^www\./, '');
  const need: SkillNeed = {
    kind: 'price-watch',
    subject,
    subjectKey: slugify(subject),
    unit: currencyWord === undefined ? null : (CURRENCIES[currencyWord] ?? null),
    cadence: cadence.cadence,
    language,
    source: 'request',
    text,
    priceWatch: { url: new URL(url).href, below },
  };
  return { isRequest: true, need };
}
