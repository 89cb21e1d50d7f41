import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { Cadence, NeedEvidence, NeedSource, SkillKind, SkillNeed } from '../../../shared/skills/need.ts';
import type { LexiconEntry } from './lexicon.ts';

/** Only what is measured or counted has a unit; a reminder to stretch has none. */
export function unitFor(entry: LexiconEntry, kind: SkillKind, language: Locale): string | null {
  return kind === 'tracker' || kind === 'counter' ? (entry.unit?.[language] ?? null) : null;
}

export function subjectName(entry: LexiconEntry, language: Locale): string {
  return language === 'pl' ? entry.pl.lemma : entry.en.name;
}

const QUESTIONS: Record<SkillKind, Localized> = {
  tracker: { pl: 'śledzić?', en: 'track it?' },
  counter: { pl: 'liczyć?', en: 'count it?' },
  reminder: { pl: 'przypominać?', en: 'set a reminder?' },
  checklist: { pl: 'zrobić listę?', en: 'make a checklist?' },
  journal: { pl: 'prowadzić dziennik?', en: 'keep a journal?' },
  'price-watch': { pl: 'obserwować cenę?', en: 'watch its price?' },
  webhook: { pl: 'wysyłać na webhook?', en: 'post it to a webhook?' },
  habit: { pl: 'odhaczać jako nawyk?', en: 'track it as a habit?' },
};

/** The skill the detector would build for a lexicon subject it noticed on its own (pattern or gap). */
export function proposedNeed(
  entry: LexiconEntry,
  init: { language: Locale; source: Extract<NeedSource, 'pattern' | 'gap'>; title: Localized; evidence: NeedEvidence },
): SkillNeed {
  return {
    kind: entry.kind,
    subject: subjectName(entry, init.language),
    subjectKey: entry.key,
    unit: unitFor(entry, entry.kind, init.language),
    cadence: { type: 'none' } satisfies Cadence,
    language: init.language,
    source: init.source,
    text: init.title[init.language],
    evidence: init.evidence,
  };
}

export function patternTitle(entry: LexiconEntry): Localized {
  const question = QUESTIONS[entry.kind];
  return { pl: `Często wspominasz o ${entry.pl.locative} — ${question.pl}`, en: `You often mention ${entry.en.name} — ${question.en}` };
}

export function gapTitle(domain: { pl: { locative: string }; en: { name: string } }, kind: SkillKind): Localized {
  const question = QUESTIONS[kind];
  return { pl: `Nigdy nie mówisz o ${domain.pl.locative} — ${question.pl}`, en: `You never talk about ${domain.en.name} — ${question.en}` };
}
