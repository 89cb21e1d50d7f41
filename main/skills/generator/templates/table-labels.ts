// What the built-in generator calls a skill's table in the person's words (`manifest.tableLabels`),
// so the disclosure says "read your water entries" / "Odczytywać Twoje wpisy o wypitej wodzie".
// Kinds whose rows mean the same for any subject (a list's items, a journal's entries) have one
// phrase; a tracker's or counter's rows are worded per subject, and only for subjects whose Polish
// phrase is known here (Polish needs the right case: "o wypitej wodzie"). Any other subject is left
// unlabelled, and the disclosure then speaks of the entries in the skill by its name.
import type { Localized } from '../../../../shared/i18n-types.ts';
import type { SkillKind, SkillNeed } from '../../../../shared/skills/need.ts';
import type { SkillManifest } from '../../../../shared/skills/manifest.ts';
import type { SkillTemplate } from './template.ts';

const BY_KIND: Partial<Record<SkillKind, Localized>> = {
  habit: { en: 'habit check-ins', pl: 'odhaczone dni nawyku' },
  journal: { en: 'journal entries', pl: 'wpisy w dzienniku' },
  checklist: { en: 'list items', pl: 'pozycje na liście' },
  reminder: { en: 'reminders', pl: 'przypomnienia' },
  'price-watch': { en: 'price checks', pl: 'sprawdzone ceny' },
};

const BY_SUBJECT: Record<string, Localized> = {
  water: { en: 'water entries', pl: 'wpisy o wypitej wodzie' },
  coffee: { en: 'coffee entries', pl: 'wpisy o wypitej kawie' },
  sleep: { en: 'sleep entries', pl: 'wpisy o śnie' },
  steps: { en: 'step counts', pl: 'wpisy o krokach' },
  weight: { en: 'weight readings', pl: 'pomiary wagi' },
  'blood-pressure': { en: 'blood pressure readings', pl: 'pomiary ciśnienia' },
  running: { en: 'runs', pl: 'wpisy o bieganiu' },
  cycling: { en: 'rides', pl: 'wpisy o jeździe na rowerze' },
  swimming: { en: 'swims', pl: 'wpisy o pływaniu' },
  walking: { en: 'walks', pl: 'wpisy o spacerach' },
  spending: { en: 'expenses', pl: 'wpisy o wydatkach' },
  calories: { en: 'calorie entries', pl: 'wpisy o kaloriach' },
  meditation: { en: 'meditation sessions', pl: 'wpisy o medytacji' },
  reading: { en: 'reading entries', pl: 'wpisy o czytaniu' },
  cigarettes: { en: 'cigarette counts', pl: 'wpisy o papierosach' },
  'screen-time': { en: 'screen time entries', pl: 'wpisy o czasie przed ekranem' },
};

function labelFor(need: SkillNeed): Localized | undefined {
  if (need.kind !== 'tracker' && need.kind !== 'counter') return BY_KIND[need.kind];
  // "Spending on coffee" is an expense like any other.
  return BY_SUBJECT[need.subjectKey.startsWith('spending-on-') ? 'spending' : need.subjectKey];
}

/** `{ tableLabels }` for a manifest when the template has one table and its words are known; else nothing. */
export function tableLabelsField(need: SkillNeed, template: Pick<SkillTemplate, 'capabilities'>): Pick<SkillManifest, 'tableLabels'> {
  const tables = [...new Set([...template.capabilities.reads, ...template.capabilities.writes])];
  const label = labelFor(need);
  return tables.length === 1 && label ? { tableLabels: { [tables[0]!]: label } } : {};
}
