import type { CustomModSlug } from '../../../../shared/skills/mod-types.ts';
import type { SkillKind, SkillNeed } from '../../../../shared/skills/need.ts';
import { GeneratorError } from '../generator-error.ts';

/** Keeps slugs, table and class names readable and well inside the 64-character SKILL.md name limit. */
const MAX_KEY_LENGTH = 32;

export interface SkillNames {
  /** The subject as `[a-z0-9_]`, starting with a letter: `water`, `morning_stretching`. */
  key: string;
  /** The key as English words for English texts: `morning stretching`. */
  subjectWords: string;
  slug: CustomModSlug;
  /** `WaterTrackerExecutor`, `LegoSetPriceWatchExecutor` */
  className: string;
  /** `Water Tracker`: shown in disclosures and the review window. */
  displayName: string;
  /** The skill's one table, e.g. `exo_water_entries`. */
  table: string;
}

const TABLE_SUFFIX: Record<SkillKind, string> = {
  tracker: 'entries',
  reminder: 'reminders',
  counter: 'counts',
  checklist: 'items',
  journal: 'entries',
  'price-watch': 'price_readings',
  webhook: 'posts',
  habit: 'days',
};

/** How a Polish name says what the skill is: "Przypomnienie: zadzwonić do mamy", "Licznik: kawa". */
const POLISH_KIND: Record<SkillKind, string> = {
  tracker: 'Śledzenie',
  reminder: 'Przypomnienie',
  counter: 'Licznik',
  checklist: 'Lista',
  journal: 'Dziennik',
  'price-watch': 'Obserwowanie ceny',
  webhook: 'Wysyłanie na webhook',
  habit: 'Nawyk',
};

/** Lowercase ASCII words joined by `_`; Polish letters lose their marks (ł has no decomposition). */
export function sanitiseKey(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let key = '';
  for (const word of words) {
    const next = key ? `${key}_${word}` : word;
    if (next.length > MAX_KEY_LENGTH) break;
    key = next;
  }
  if (key === '' && words[0]) key = words[0].slice(0, MAX_KEY_LENGTH);
  return /^[0-9]/.test(key) ? `n${key}`.slice(0, MAX_KEY_LENGTH) : key;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function skillNames(need: Pick<SkillNeed, 'kind' | 'subjectKey' | 'subject'> & Partial<Pick<SkillNeed, 'language'>>): SkillNames {
  const key = sanitiseKey(need.subjectKey) || sanitiseKey(need.subject);
  if (!key)
    throw new GeneratorError('generator/invalid-need', {
      en: 'The need has no subject a skill could be named after.',
      pl: 'Potrzeba nie ma tematu, od którego można nazwać skill.',
    });
  const words = [...key.split('_'), ...need.kind.split('-')];
  // A subject the lexicon has no English key for is named in its own words, Polish letters kept
  // ("Zadzwonił Do Mamy Reminder", not "Zadzwonil …"): the key's words are only its transliteration.
  const ownWords = need.subject.trim().split(/\s+/).slice(0, key.split('_').length);
  const displayWords = sanitiseKey(need.subject) === key ? [...ownWords, ...need.kind.split('-')] : words;
  return {
    key,
    subjectWords: key.replace(/_/g, ' '),
    slug: `custom-${words.join('-')}`,
    className: `${words.map(capitalise).join('')}Executor`,
    // A Polish name keeps the subject as said, diacritics and all; the slug stays ASCII.
    displayName: need.language === 'pl' ? `${POLISH_KIND[need.kind]}: ${need.subject.trim()}` : displayWords.map(capitalise).join(' '),
    table: `exo_${key}_${TABLE_SUFFIX[need.kind]}`,
  };
}
