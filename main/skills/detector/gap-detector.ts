import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { NeedEvidence } from '../../../shared/skills/need.ts';
import { normalize, tokenize } from './text.ts';
import { createPhraseIndex } from './phrase-index.ts';
import { LIFE_DOMAINS, type LifeDomain, type LifeDomainKey } from './life-domains.ts';
import { LEXICON, LEXICON_BY_KEY } from './lexicon.ts';
import { recentUserMessages, type HistoryMessage } from './history.ts';
import { dominantLanguage } from './dominant-language.ts';
import { gapTitle, proposedNeed } from './needs.ts';
import type { SkillSuggestion } from './suggestion.ts';

export interface GapOptions {
  /** Fewer user messages than this and the history is too small to say anything is never talked about. */
  minMessages?: number;
  /** Likewise for the distinct days those messages fall on. */
  minDistinctDays?: number;
  windowDays?: number;
  now?: Date;
  /** Subject keys of installed skills; a skill on any subject of a domain covers the domain. */
  installedSubjectKeys?: readonly string[];
  /** Language of the proposed needs; by default the one most messages are written in. */
  language?: Locale;
}

export const GAP_DEFAULTS = { minMessages: 30, minDistinctDays: 7, windowDays: 30 } as const;

export interface GapReport {
  suggestions: SkillSuggestion[];
  scanned: { messages: number; days: number };
  /** Why no gaps were looked for, when the history is too small to judge. */
  tooSmall: Localized | null;
}

// A domain counts as talked about when any of its keywords or any form of any of its subjects comes up.
const domainIndex = createPhraseIndex<LifeDomainKey>([
  ...LIFE_DOMAINS.flatMap((d) => [...d.keywords.pl, ...d.keywords.en].map((k) => [k, d.key] as const)),
  ...LEXICON.flatMap((e) => [...e.pl.forms, ...e.en.forms].map((f) => [f, e.domain] as const)),
]);

/** "Nigdy nie mówisz o śnie" — areas of life absent from the conversation and from the installed skills. */
export function findGaps(history: readonly HistoryMessage[], options: GapOptions = {}): GapReport {
  const minMessages = options.minMessages ?? GAP_DEFAULTS.minMessages;
  const minDistinctDays = options.minDistinctDays ?? GAP_DEFAULTS.minDistinctDays;
  const messages = recentUserMessages(history, options.windowDays ?? GAP_DEFAULTS.windowDays, options.now);
  const scanned = { messages: messages.length, days: new Set(messages.map((m) => m.day)).size };

  if (scanned.messages < minMessages || scanned.days < minDistinctDays) {
    return {
      suggestions: [],
      scanned,
      tooSmall: {
        pl: `Za mało historii, by wskazać luki: ${scanned.messages} wiadomości z ${scanned.days} dni (potrzeba co najmniej ${minMessages} wiadomości z ${minDistinctDays} dni).`,
        en: `Too little history to point out gaps: ${scanned.messages} messages over ${scanned.days} days (at least ${minMessages} messages over ${minDistinctDays} days are needed).`,
      },
    };
  }

  const mentioned = new Set<LifeDomainKey>();
  for (const message of messages) {
    for (const match of domainIndex.match(tokenize(normalize(message.text)))) match.values.forEach((d) => mentioned.add(d));
  }
  const covered = new Set(
    (options.installedSubjectKeys ?? []).flatMap((key) => [key, LEXICON_BY_KEY.get(key)?.domain].filter((k) => k !== undefined)),
  );
  const language = options.language ?? dominantLanguage(messages);

  const suggestions = LIFE_DOMAINS.filter((d) => !mentioned.has(d.key) && !covered.has(d.key)).map((domain) => gapSuggestion(domain, scanned, language));
  return { suggestions, scanned, tooSmall: null };
}

function gapSuggestion(domain: LifeDomain, scanned: GapReport['scanned'], language: Locale): SkillSuggestion {
  const entry = LEXICON_BY_KEY.get(domain.suggest);
  if (!entry) throw new Error(`life domain ${domain.key} suggests ${domain.suggest}, which is not in the lexicon`);
  const evidence: NeedEvidence = { count: 0, domain: domain.key, scanned };
  const title = gapTitle(domain, entry.kind);
  return { source: 'gap', subjectKey: entry.key, evidence, title, need: proposedNeed(entry, { language, source: 'gap', title, evidence }) };
}
