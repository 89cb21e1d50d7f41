import type { Localized } from '../../../shared/i18n-types.ts';
import type { NeedParseResult, SkillNeed } from '../../../shared/skills/need.ts';
import { blankOut, normalize, slugify, tokenize, type Token } from './text.ts';
import { createPhraseIndex, type PhraseMatch } from './phrase-index.ts';
import { parseCadence } from './cadence.ts';
import { findExplicitUnit } from './units.ts';
import { findSubjects } from './subjects.ts';
import { detectLanguage } from './language.ts';
import { subjectName, unitFor } from './needs.ts';
import { parsePriceWatchRequest } from './price-watch-request.ts';
import { parseWebhookRequest } from './webhook-request.ts';
import {
  LEADING_FILLERS, NEGATIONS, PREAMBLE, QUESTION_WORDS, TRAILING_FILLERS, TRIGGERS, type Trigger, type TriggerKind,
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

  const cadence = parseCadence(normalized);
  if (!cadence.ok) return notRequest(cadence.reason);
  const unit = findExplicitUnit(normalized);
  const rest = blankOut(normalized, unit ? [...cadence.spans, unit.span] : cadence.spans);
  const tokens = tokenize(rest);

  const found = findTrigger(tokens);
  if (found === 'negated') return notRequest(REASONS.negated);
  if (!found) return notRequest(looksLikeQuestion(text, allTokens) ? REASONS.question : REASONS.noTrigger);
  const { match, trigger, clauseStart } = found;

  const laterTriggers = triggerIndex.match(tokens.slice(match.end)).map((m) => m.values[0]!.kind);
  const kind: TriggerKind = found.kind === 'tracker' && laterTriggers.includes('counter') ? 'counter' : found.kind;
  const language = detectLanguage(text) ?? trigger.language;

  // The subject is looked for from the request's clause on; the trigger's own words are masked as breaks.
  const region = tokens.map((t, i) => (i >= match.start && i < match.end ? { ...t, isBreak: true } : t)).slice(clauseStart);
  const entries = [...new Map(findSubjects(region).map((s) => [s.entry.key, s.entry])).values()];
  if (entries.length > 1) {
    const names = entries.map((e) => subjectName(e, language)).join(', ');
    return notRequest({
      pl: `Prośba dotyczy kilku rzeczy naraz (${names}) — poproś o każdą osobno.`,
      en: `The request names several things at once (${names}) — ask for each one separately.`,
    });
  }

  const base = { kind, language, cadence: cadence.cadence, source: 'request', text } as const;
  const entry = entries[0];
  if (entry) {
    return { isRequest: true, need: { ...base, subject: subjectName(entry, language), subjectKey: entry.key, unit: unit?.unit ?? unitFor(entry, kind, language) } };
  }

  const subject = unknownSubject(tokens, match, trigger, clauseStart);
  if (subject === null) {
    if (trigger.self) return { isRequest: true, need: { ...base, subject: trigger.self.subject, subjectKey: trigger.self.key, unit: null } };
    return notRequest(MISSING_SUBJECT[kind]);
  }
  if (!subject.split(' ').some(isPlausibleWord)) {
    return notRequest({ pl: `„${subject}” nie wygląda na coś, co da się śledzić.`, en: `“${subject}” does not look like something that can be tracked.` });
  }
  const need: SkillNeed = { ...base, subject, subjectKey: slugify(subject), unit: unit?.unit ?? null };
  return { isRequest: true, need };
}

type FoundTrigger = { match: PhraseMatch<Trigger>; trigger: Trigger; kind: TriggerKind; clauseStart: number };

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

/** A subject outside the lexicon, as said (not lemmatised: there is no dictionary to do it honestly). */
function unknownSubject(tokens: readonly Token[], match: PhraseMatch<Trigger>, trigger: Trigger, clauseStart: number): string | null {
  const after: string[] = [];
  for (const token of tokens.slice(match.end)) {
    if (token.isBreak && token.text !== ',') break;
    if (!token.isBreak) after.push(token.text);
  }
  let words = stripFillers(after);
  if (words.length === 0 && trigger.noun) {
    const before = tokens.slice(clauseStart, match.start).map((t) => t.text);
    words = stripFillers(before.slice(before.length - trailingNonPreamble(before)));
  }
  return words.some((w) => /\p{L}{2}/u.test(w)) ? words.join(' ') : null;
}

function stripFillers(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && LEADING_FILLERS.has(words[start]!)) start += 1;
  while (end > start && TRAILING_FILLERS.has(words[end - 1]!)) end -= 1;
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
