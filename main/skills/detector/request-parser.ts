import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { NeedParseResult, SkillNeed } from '../../../shared/skills/need.ts';
import { blankOut, normalize, slugify, tokenize, type Token } from './text.ts';
import { createPhraseIndex, type PhraseMatch } from './phrase-index.ts';
import { parseCadence } from './cadence.ts';
import { findUnits, type NamedUnit } from './units.ts';
import { findSubjects, type SubjectMention } from './subjects.ts';
import { findPeriod, findTimesPerDay } from './period.ts';
import { findThreshold } from './threshold.ts';
import { aggregateFor, entryFields, namedFields } from './fields.ts';
import { baseForm, type SubjectForm } from './base-form.ts';
import { detectLanguage } from './language.ts';
import { subjectName, unitFor } from './needs.ts';
import { parsePriceWatchRequest } from './price-watch-request.ts';
import { parseWebhookRequest } from './webhook-request.ts';
import {
  LEADING_FILLERS, NEGATIONS, PREAMBLE, QUESTION_WORDS, TRAILING_FILLERS, TRIGGERS, type AlertTrigger, type Trigger, type TriggerKind,
} from './request-vocabulary.ts';

export const MAX_REQUEST_LENGTH = 500;

const triggerIndex = createPhraseIndex(TRIGGERS);
/** Nouns that name the subject may stand just before a noun trigger: "grocery list", "packing list". */
const MAX_NOUN_MODIFIERS = 2;

const REASONS = {
  empty: {
    pl: 'Tekst jest pusty — napisz, co mam śledzić, np. „Chcę śledzić ile piję wody”.',
    en: 'The text is empty — say what to track, e.g. “I want to track my sleep”.',
  },
  noWords: { pl: 'W tekście nie ma żadnych słów.', en: 'There are no words in the text.' },
  question: {
    pl: 'To pytanie, a nie prośba o nową umiejętność (taka prośba brzmi np. „Przypominaj mi o lekach o 8”).',
    en: 'This is a question, not a request for a new skill (one sounds like “Remind me to take my pills at 8”).',
  },
  noTrigger: {
    pl: 'To nie jest prośba o nową umiejętność: nie prosi o śledzenie, przypominanie, liczenie, listę ani dziennik.',
    en: 'This is not a request for a new skill: it does not ask to track, remind, count, list or journal anything.',
  },
  negated: {
    pl: 'To prośba, żeby czegoś nie robić albo przestać — nie powstaje z niej nowa umiejętność.',
    en: 'This asks not to do something, or to stop — no new skill comes from it.',
  },
} satisfies Record<string, Localized>;

const MISSING_SUBJECT: Record<TriggerKind, Localized> = {
  tracker: { pl: 'Brakuje tego, co mam śledzić — np. „Chcę śledzić ile piję wody”.', en: 'It does not say what to track — e.g. “I want to track my sleep”.' },
  reminder: { pl: 'Brakuje tego, o czym mam przypominać — np. „Przypominaj mi o lekach codziennie o 8”.', en: 'It does not say what to remind you of — e.g. “Remind me to stretch every hour”.' },
  counter: { pl: 'Brakuje tego, co mam liczyć — np. „Licz moje kroki”.', en: 'It does not say what to count — e.g. “Count my cigarettes”.' },
  checklist: { pl: 'Brakuje tego, czego ma dotyczyć lista — np. „Zrób mi listę zakupów”.', en: 'It does not say what the checklist is for — e.g. “Make a packing checklist”.' },
  journal: { pl: 'Brakuje tego, o czym ma być dziennik — np. „Prowadź dziennik nastroju”.', en: 'It does not say what the journal is about — e.g. “Keep a journal of my mood”.' },
  habit: { pl: 'Brakuje nawyku, który mam śledzić — np. „Chcę budować nawyk codziennego czytania”.', en: 'It does not say which habit to track — e.g. “Help me build a daily stretching habit”.' },
};

const notRequest = (reason: Localized): NeedParseResult => ({ isRequest: false, reason });

/**
 * Turns one sentence, Polish or English, into the skill it asks for — or says plainly why it is
 * not a skill request. It never guesses: no trigger, no subject, two subjects, or a time that does
 * not exist all come back as "not a request" with a reason in both languages.
 */
export function parseSkillRequest(input: string): NeedParseResult {
  const text = input.trim();
  if (text === '') return notRequest(REASONS.empty);
  if (text.length > MAX_REQUEST_LENGTH) {
    return notRequest({
      pl: `Tekst jest za długi na jedną prośbę (${text.length} znaków, limit ${MAX_REQUEST_LENGTH}).`,
      en: `The text is too long for one request (${text.length} characters, the limit is ${MAX_REQUEST_LENGTH}).`,
    });
  }
  const normalized = normalize(text);
  const allTokens = tokenize(normalized);
  if (!allTokens.some((t) => !t.isBreak && /\p{L}/u.test(t.text))) return notRequest(REASONS.noWords);

  const webhook = parseWebhookRequest(text);
  if (webhook === 'negated') return notRequest(REASONS.negated);
  if (webhook) return webhook;

  const priceWatch = parsePriceWatchRequest(text);
  if (priceWatch === 'negated') return notRequest(REASONS.negated);
  if (priceWatch) return priceWatch;

  const times = findTimesPerDay(normalized);
  const withoutTimes = blankOut(normalized, times ? [times.span] : []);
  const threshold = findThreshold(withoutTimes);
  // The trigger as first seen, with periods out of the way ("Chcę codziennie odhaczać…"), only to tell what is measured.
  const first = findTrigger(tokenize(blankOut(withoutTimes, findPeriod(withoutTimes)?.spans ?? [])));
  // For what is measured "codziennie" is the period of a total; for a reminder or a journal it is when it comes.
  const measures = first !== null && first !== 'negated' && (['tracker', 'counter', 'habit'].includes(first.kind) || (first.kind === 'alert' && threshold !== null));
  const period = measures ? findPeriod(withoutTimes) : null;
  const cadence = parseCadence(blankOut(withoutTimes, period?.spans ?? []));
  if (!cadence.ok) return notRequest(cadence.reason);
  const scheduled = blankOut(withoutTimes, [...(period?.spans ?? []), ...cadence.spans]);
  const language = detectLanguage(text) ?? (first && first !== 'negated' ? first.trigger.language : 'en');
  const units = findUnits(scheduled, language);
  const tokens = tokenize(blankOut(scheduled, threshold ? [threshold.span] : []));
  const unitTokens = new Set(tokens.flatMap((t, i) => (units.some((u) => t.start >= u.span.start && t.end <= u.span.end) ? [i] : [])));

  const found = findTrigger(tokens);
  if (found === 'negated') return notRequest(REASONS.negated);
  if (!found) return notRequest(looksLikeQuestion(text, allTokens) ? REASONS.question : REASONS.noTrigger);
  const { match, trigger, clauseStart } = found;

  const later = triggerIndex.match(tokens.slice(match.end)).map((m) => ({ ...m, start: m.start + match.end, end: m.end + match.end }));
  const laterHabit = later.find((m) => m.values[0]!.kind === 'habit');
  const kind = resolveKind(found, tokens, later.map((m) => m.values[0]!.kind), units[0], Boolean(threshold), Boolean(laterHabit));

  // The subject is looked for from the request's clause on; trigger words and named fields are masked as breaks.
  const fields = namedFields(tokens);
  const masked = new Set([...fields.tokenIndices, ...(laterHabit ? range(laterHabit.start, laterHabit.end) : [])]);
  const region = tokens.map((t, i) => ((i >= match.start && i < match.end) || masked.has(i) ? { ...t, isBreak: true } : t)).slice(clauseStart);
  const mentions = findSubjects(region);
  // Money is counted in its currency: "what I spend on books" is spending on books, not a count of books.
  const aboutMoney = mentions.some((m) => m.entry.domain === 'finance');
  const counts = aboutMoney ? units.filter((u) => !u.counted) : units;
  const isUnitWord = (m: SubjectMention) => unitTokens.has(m.start + clauseStart) && !aboutMoney;
  // "the books I read", "ile kilometrów przejeżdżam rowerem": a unit word names the unit, the rest the subject.
  const ownSubjects = mentions.filter((m) => !isUnitWord(m));
  const subjects = resolvePurpose(ownSubjects.length ? ownSubjects : mentions, region, language);
  const entries = [...new Map(subjects.map((s) => [s.entry.key, s])).values()];
  if (entries.length > 1) {
    const names = entries.map((e) => subjectName(e.entry, language)).join(', ');
    return notRequest({
      pl: `Prośba dotyczy kilku rzeczy naraz (${names}) — poproś o każdą osobno.`,
      en: `The request names several things at once (${names}) — ask for each one separately.`,
    });
  }

  const countsTimes = [trigger, ...later.map((m) => m.values[0]!)].find((t) => t.unit && (t.kind === kind || kind === 'counter'));
  const namedUnit = counts[0]?.unit ?? countsTimes?.unit?.[language] ?? null;
  const measured = kind === 'tracker' || kind === 'counter';
  const shape = {
    ...(period && measured ? { period: period.period } : {}),
    ...(threshold && measured ? { threshold: threshold.threshold } : {}),
    ...(times ? { timesPerDay: times.times } : {}),
  };
  const base = { kind, language, cadence: cadence.cadence, source: 'request', text, ...shape } as const;
  const mention = entries[0];
  if (mention) {
    const { entry } = mention;
    if (measured && namedUnit === null && AMBIGUOUS_UNITS[entry.key]) return askBack(AMBIGUOUS_UNITS[entry.key]!);
    const unit = measured ? namedUnit ?? unitFor(entry, kind, language) : null;
    const entryFieldList = kind === 'tracker' ? entryFields(entry.key, fields.fields, unit) : undefined;
    return {
      isRequest: true,
      need: {
        ...base,
        subject: mention.subject ?? subjectName(entry, language),
        subjectKey: mention.key ?? entry.key,
        unit,
        ...(entryFieldList ? { fields: entryFieldList } : {}),
        ...(measured && aggregateFor(entry.key) === 'latest' ? { aggregate: 'latest' as const } : {}),
      },
    };
  }

  // Offsets of the normalised text are those of the original unless lower-casing changed a length.
  const original = text.normalize('NFC').length === normalized.length ? text.normalize('NFC') : normalized;
  const subject = unknownSubject(tokens, match, trigger, clauseStart, unitTokens, masked, language, original);
  if (subject === null) {
    if (trigger.self) return { isRequest: true, need: { ...base, subject: trigger.self.subject, subjectKey: trigger.self.key, unit: null } };
    return notRequest(MISSING_SUBJECT[kind]);
  }
  if (!subject.split(' ').some(isPlausibleWord)) {
    return notRequest({ pl: `„${subject}” nie wygląda na coś, co da się śledzić.`, en: `“${subject}” does not look like something that can be tracked.` });
  }
  const named = kind === 'tracker' ? entryFields('', fields.fields, namedUnit) : undefined;
  const need: SkillNeed = { ...base, subject, subjectKey: slugify(subject), unit: measured ? namedUnit : null, ...(named ? { fields: named } : {}) };
  return { isRequest: true, need };
}

const range = (start: number, end: number) => Array.from({ length: end - start }, (_, i) => start + i);

/** Subjects whose unit cannot be guessed when counted: the person is asked instead. */
const AMBIGUOUS_UNITS: Record<string, Localized> = {
  reading: { pl: 'Czy chodzi o liczbę książek, czy stron?', en: 'Do you mean the number of books or of pages?' },
};

const askBack = (question: Localized): NeedParseResult => ({ isRequest: false, reason: question, clarify: true });

/**
 * The kind a request asks for, from its first trigger and what follows: "track … how many times"
 * counts, "track whether I…" or "…streak" is a habit, a warning with a limit tracks (one without
 * a limit reminds), and counting kilometres or złoty is tracking amounts, not counting items.
 */
function resolveKind(
  found: FoundTrigger, tokens: readonly Token[], later: Trigger['kind'][], unit: NamedUnit | undefined, hasThreshold: boolean, laterHabit: boolean,
): TriggerKind {
  const next = tokens.slice(found.match.end).find((t) => !t.isBreak)?.text;
  let kind: TriggerKind;
  if (found.kind === 'alert') kind = hasThreshold ? 'tracker' : 'reminder';
  else if (found.kind === 'tracker' && laterHabit) kind = 'habit';
  else if (found.kind === 'tracker' && next !== undefined && ['czy', 'whether'].includes(next)) kind = 'habit';
  else if (found.kind === 'tracker' && later.includes('counter')) kind = 'counter';
  else kind = found.kind;
  if (kind === 'counter' && unit && !unit.counted) return 'tracker';
  return kind;
}

interface SubjectChoice extends SubjectMention {
  /** Set when the subject is more than its lexicon entry: "wydatki na kawę". */
  subject?: string;
  key?: string;
}

const PURPOSE = new Set(['na', 'on', 'for']);
const MAX_PURPOSE_WORDS = 3;

/**
 * "wydatki na kawę", "what I spend on lunch", "ile wydaję na paliwo": money spent on a thing is one
 * subject, not two — the words after "na"/"on" up to the next break say what it is spent on.
 */
function resolvePurpose(mentions: SubjectMention[], region: readonly Token[], language: Locale): SubjectChoice[] {
  const money = mentions.find((m) => m.entry.domain === 'finance');
  if (!money) return mentions;
  const at = region.findIndex((t, i) => i >= money.end && PURPOSE.has(t.text));
  const words: string[] = [];
  for (let i = at + 1; at >= 0 && i < region.length && !region[i]!.isBreak && words.length < MAX_PURPOSE_WORDS; i++) words.push(region[i]!.text);
  const others = mentions.filter((m) => m.entry.key !== money.entry.key);
  // "coffee spending": a subject just before the money word is what it is spent on.
  const modifier = others.length === 1 && others[0]!.end === money.start ? others[0]! : null;
  if (modifier) {
    const said = region.slice(modifier.start, money.end).map((t) => t.text).join(' ');
    return [{ ...money, subject: said, key: `${money.entry.key}-on-${modifier.entry.key}` }];
  }
  // Another subject that is not what the money went on is a second subject: that stays a refusal.
  if (words.length === 0 || others.some((m) => m.start <= at || m.start > at + words.length)) return others.length ? mentions : [money];
  const moneyName = language === 'pl' ? money.entry.pl.lemma : money.entry.en.name;
  const on = others[0]?.entry.key ?? slugify(words.join(' '));
  return [{ ...money, subject: `${moneyName} ${region[at]!.text} ${words.join(' ')}`, key: `${money.entry.key}-on-${on}` }];
}

type FoundTrigger = { match: PhraseMatch<Trigger>; trigger: Trigger; kind: TriggerKind | AlertTrigger; clauseStart: number };

/** The first trigger preceded, within its clause, only by polite preamble ("Czy możesz…", "I'd like you to…"). */
function findTrigger(tokens: readonly Token[]): FoundTrigger | 'negated' | null {
  for (const match of triggerIndex.match(tokens)) {
    const trigger = match.values[0]!;
    const kind = trigger.kind;
    if (kind === null) continue;
    let clauseStart = match.start;
    while (clauseStart > 0 && !tokens[clauseStart - 1]!.isBreak) clauseStart -= 1;
    if (trigger.notFirst && clauseStart === match.start) continue;
    const before = tokens.slice(clauseStart, match.start).map((t) => t.text);
    if (before.some((w) => NEGATIONS.has(w))) return 'negated';
    const modifiers = trigger.noun ? trailingNonPreamble(before) : 0;
    if (modifiers <= MAX_NOUN_MODIFIERS && before.slice(0, before.length - modifiers).every((w) => PREAMBLE.has(w))) {
      return { match, trigger, kind, clauseStart };
    }
  }
  return null;
}

function trailingNonPreamble(words: readonly string[]): number {
  let n = 0;
  while (n < words.length && !PREAMBLE.has(words[words.length - 1 - n]!)) n += 1;
  return n;
}

/**
 * A subject outside the lexicon, from the grammar of the request: the words after the trigger (or
 * before a noun trigger: "packing list"), without fillers, unit words or named fields, in its base
 * form where a rule does it reliably (see base-form.ts), otherwise as said.
 */
function unknownSubject(
  tokens: readonly Token[], match: PhraseMatch<Trigger>, trigger: Trigger, clauseStart: number,
  unitTokens: ReadonlySet<number>, masked: ReadonlySet<number>, language: Locale, original: string,
): string | null {
  const after: Token[] = [];
  for (let i = match.end; i < tokens.length; i++) {
    const token = tokens[i]!;
    if ((token.isBreak && token.text !== ',') || masked.has(i)) break;
    if (!token.isBreak && !unitTokens.has(i)) after.push(token);
  }
  let words = stripFillers(after);
  // "the pull-ups I do", "the pages that I read": a relative clause says who does it, not what.
  const clause = language === 'en' ? words.findIndex((w, i) => i > 0 && RELATIVE.has(w.text)) : -1;
  if (clause > 0) words = words.slice(0, clause);
  const previous = after[after.indexOf(words[0]!) - 1]?.text ?? '';
  const form: SubjectForm = {
    subjunctive: SUBJUNCTIVE.has(previous),
    accusative: !trigger.noun && !PREPOSITIONS.has(previous) && !SUBJUNCTIVE.has(previous),
    genitive: Boolean(trigger.noun) && !PREPOSITIONS.has(previous),
  };
  if (words.length === 0 && trigger.noun) {
    const before = tokens.slice(clauseStart, match.start);
    words = stripFillers(before.slice(before.length - trailingNonPreamble(before.map((t) => t.text))));
    form.accusative = false;
    form.genitive = false;
  }
  if (!words.some((w) => /\p{L}{2}/u.test(w.text))) return null;
  // As written ("do Ani" keeps its capital), except a head word put back into its base form.
  const said = words.map((w) => original.slice(w.start, w.end));
  const lower = words.map((w) => w.text);
  const based = language === 'pl' ? baseForm(lower, form) : lower;
  return said.map((word, i) => (based[i] !== lower[i] ? based[i]! : word)).join(' ');
}

const RELATIVE = new Set(['i', 'we', 'that', 'which', 'who']);
const PREPOSITIONS = new Set(['o', 'na', 'w', 'we', 'z', 'ze', 'do', 'dla', 'po', 'od', 'przy', 'about', 'of', 'for', 'on', 'in', 'with']);

/** "żebym zadzwonił" is a wish: the verb after it is a past form that reads as an infinitive. */
const SUBJUNCTIVE = new Set(['żebym', 'żebyś', 'abym', 'abyś', 'bym', 'byś']);

function stripFillers<T extends { text: string }>(words: T[]): T[] {
  let start = 0;
  let end = words.length;
  while (start < end && LEADING_FILLERS.has(words[start]!.text)) start += 1;
  while (end > start && TRAILING_FILLERS.has(words[end - 1]!.text)) end -= 1;
  return words.slice(start, end);
}

function looksLikeQuestion(text: string, tokens: readonly Token[]): boolean {
  const first = tokens.find((t) => !t.isBreak);
  return text.endsWith('?') || (first !== undefined && QUESTION_WORDS.has(first.text));
}

const VOWELS = /[aeiouyąęó]/u;
/** Keyboard mash ("asdfgh", "xkcdq") has no vowel or long consonant runs; Polish digraphs count as one sound. */
function isPlausibleWord(word: string): boolean {
  if (/^\p{N}+$/u.test(word)) return false;
  const merged = word.replace(/ch|cz|dz|dż|dź|rz|sz/g, 'C');
  return VOWELS.test(merged) && !/[^aeiouyąęó\p{N}]{5,}/u.test(merged);
}
