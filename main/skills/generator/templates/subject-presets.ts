// What the built-in generator knows about common subjects: sensible limits and the words a
// person expects ("Pij więcej wody!"). Anything else gets neutral texts built from the subject.
import type { Localized } from '../../../../shared/i18n-types.ts';

export interface SubjectPreset {
  unit: string;
  /** Daily amount worth celebrating. */
  goal?: number;
  /** Warn while today's total is below this. */
  warnBelow?: number;
  /** Warn once today's total goes above this. */
  warnAbove?: number;
  /** Largest amount one entry may carry. */
  maxPerEntry: number;
  /** A typical single entry, used by the dry run. */
  sample: number;
  lowTitle?: Localized;
  highTitle?: Localized;
  logName?: Localized;
  logDescription?: Localized;
}

const PRESETS: Record<string, SubjectPreset> = {
  water: {
    unit: 'ml',
    goal: 2000,
    warnBelow: 1000,
    maxPerEntry: 5000,
    sample: 250,
    lowTitle: { pl: 'Pij więcej wody!', en: 'Drink more water!' },
    logName: { pl: 'Zapisz wypitą wodę', en: 'Log water' },
    logDescription: { pl: 'Zapisz ile wody wypiłeś', en: 'Record how much water you drank' },
  },
  sleep: {
    unit: 'h',
    goal: 8,
    warnBelow: 6,
    maxPerEntry: 24,
    sample: 7.5,
    lowTitle: { pl: 'Wyśpij się!', en: 'Get more sleep!' },
    logName: { pl: 'Zapisz sen', en: 'Log sleep' },
    logDescription: { pl: 'Zapisz ile godzin spałeś', en: 'Record how many hours you slept' },
  },
  steps: {
    unit: 'steps',
    goal: 10000,
    warnBelow: 5000,
    maxPerEntry: 100000,
    sample: 3000,
    lowTitle: { pl: 'Więcej ruchu!', en: 'Move more!' },
  },
  coffee: {
    unit: 'cups',
    warnAbove: 4,
    maxPerEntry: 10,
    sample: 1,
    highTitle: { pl: 'Dużo kawy dziś', en: 'Lots of coffee today' },
  },
};

const GENERIC: SubjectPreset = { unit: '', maxPerEntry: 1_000_000, sample: 1 };

/** The preset for a subject, if its unit agrees with the need's; otherwise neutral limits in the need's unit. */
export function subjectPreset(key: string, unit: string | null): SubjectPreset {
  const preset = PRESETS[key];
  if (preset && (unit === null || unit === preset.unit)) return preset;
  return { ...GENERIC, unit: unit ?? '' };
}

/** `250ml`, `3 cups`: short symbols stick to the number (as the seed writes `ml`), words get a space. */
export function unitSuffix(unit: string): string {
  if (unit === '') return '';
  return /^[a-zµ]{1,3}$/i.test(unit) ? unit : ` ${unit}`;
}
