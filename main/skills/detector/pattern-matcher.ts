import type { Locale } from '../../../shared/i18n-types.ts';
import type { NeedEvidence } from '../../../shared/skills/need.ts';
import { normalize, tokenize } from './text.ts';
import { findSubjects } from './subjects.ts';
import { recentUserMessages, type HistoryMessage } from './history.ts';
import { dominantLanguage } from './dominant-language.ts';
import { patternTitle, proposedNeed } from './needs.ts';
import { example, type SkillSuggestion } from './suggestion.ts';
import type { LexiconEntry } from './lexicon.ts';

export interface PatternOptions {
  /** Messages that must mention the subject (one message counts once, however often it says it). */
  minMentions?: number;
  /** Different days those messages must fall on, so one chatty evening is not a habit. */
  minDistinctDays?: number;
  windowDays?: number;
  /** End of the window; the newest message when not given. */
  now?: Date;
  /** Subjects an installed skill already covers: never proposed again. */
  installedSubjectKeys?: readonly string[];
}

export const PATTERN_DEFAULTS = { minMentions: 5, minDistinctDays: 3, windowDays: 30 } as const;
const MAX_EXAMPLES = 3;

interface Tally {
  entry: LexiconEntry;
  messages: HistoryMessage[];
  days: Set<string>;
  languages: Record<Locale, number>;
}

/** "Często wspominasz o kawie" — subjects the person keeps bringing up, with the messages that show it. */
export function findPatterns(history: readonly HistoryMessage[], options: PatternOptions = {}): SkillSuggestion[] {
  const minMentions = options.minMentions ?? PATTERN_DEFAULTS.minMentions;
  const minDistinctDays = options.minDistinctDays ?? PATTERN_DEFAULTS.minDistinctDays;
  const installed = new Set(options.installedSubjectKeys ?? []);
  const messages = recentUserMessages(history, options.windowDays ?? PATTERN_DEFAULTS.windowDays, options.now);
  const fallbackLanguage = dominantLanguage(messages);

  const tallies = new Map<string, Tally>();
  for (const message of messages) {
    const seen = new Set<string>();
    for (const mention of findSubjects(tokenize(normalize(message.text)))) {
      const tally = tallies.get(mention.entry.key) ?? { entry: mention.entry, messages: [], days: new Set(), languages: { pl: 0, en: 0 } };
      tallies.set(mention.entry.key, tally);
      if (mention.language) tally.languages[mention.language] += 1;
      if (seen.has(mention.entry.key)) continue;
      seen.add(mention.entry.key);
      tally.messages.push(message);
      tally.days.add(message.day);
    }
  }

  return [...tallies.values()]
    .filter((t) => t.messages.length >= minMentions && t.days.size >= minDistinctDays && !installed.has(t.entry.key))
    .sort((a, b) => b.messages.length - a.messages.length || b.days.size - a.days.size || a.entry.key.localeCompare(b.entry.key))
    .map((t) => {
      const language = t.languages.pl === t.languages.en ? fallbackLanguage : t.languages.pl > t.languages.en ? 'pl' : 'en';
      const newestFirst = [...t.messages].sort((a, b) => b.time - a.time);
      const evidence: NeedEvidence = {
        count: t.messages.length,
        distinctDays: t.days.size,
        examples: newestFirst.slice(0, MAX_EXAMPLES).map(example),
        domain: t.entry.domain,
      };
      const title = patternTitle(t.entry);
      return { source: 'pattern', subjectKey: t.entry.key, evidence, title, need: proposedNeed(t.entry, { language, source: 'pattern', title, evidence }) };
    });
}
