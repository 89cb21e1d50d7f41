import type { Localized } from '../../../shared/i18n-types.ts';
import type { FoundryStore } from '../../store/index.ts';

/**
 * How new skills may come about (seed 004, skills.learning): written/asked for by the owner, or
 * proposed by the assistant. "autonomous" (learning without asking) is deliberately not a mode
 * here, and approval cannot be switched off.
 */
export const LEARNING_MODES = ['user_authored', 'ai_proposed'] as const;
export type LearningMode = (typeof LEARNING_MODES)[number];

export interface LearningSettings {
  modes: LearningMode[];
  requireApproval: true;
  maxProposedPerDay: number;
}

export const DEFAULT_LEARNING_SETTINGS: LearningSettings = { modes: ['user_authored', 'ai_proposed'], requireApproval: true, maxProposedPerDay: 5 };
export const MAX_PROPOSED_PER_DAY_LIMIT = 100;
const SETTINGS_KEY = 'learning';

export class LearningSettingsError extends Error {
  readonly userMessage: Localized;
  constructor(userMessage: Localized) {
    super(userMessage.en);
    this.name = 'LearningSettingsError';
    this.userMessage = userMessage;
  }
}

/** The whole settings object, checked; anything unexpected is refused rather than ignored. */
export function validateLearningSettings(value: unknown): LearningSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LearningSettingsError({ pl: 'Ustawienia uczenia muszą być obiektem.', en: 'Learning settings must be an object.' });
  }
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !['modes', 'requireApproval', 'maxProposedPerDay'].includes(k));
  if (unknown.length > 0) {
    throw new LearningSettingsError({ pl: `Nieznane ustawienia uczenia: ${unknown.join(', ')}.`, en: `Unknown learning settings: ${unknown.join(', ')}.` });
  }
  const { modes, requireApproval, maxProposedPerDay } = record;
  if (!Array.isArray(modes) || modes.some((m) => typeof m !== 'string')) {
    throw new LearningSettingsError({ pl: '„modes” musi być listą trybów.', en: '“modes” must be a list of modes.' });
  }
  if (modes.includes('autonomous')) {
    throw new LearningSettingsError({
      pl: 'Tryb autonomiczny jest wyłączony: asystent może tylko proponować nowe umiejętności, nigdy tworzyć ich bez Ciebie.',
      en: 'Autonomous mode is off: the assistant may only propose new skills, never create them without you.',
    });
  }
  const unknownModes = modes.filter((m) => !(LEARNING_MODES as readonly string[]).includes(m));
  if (unknownModes.length > 0) {
    throw new LearningSettingsError({
      pl: `Nieznany tryb uczenia: ${unknownModes.join(', ')} (dozwolone: ${LEARNING_MODES.join(', ')}).`,
      en: `Unknown learning mode: ${unknownModes.join(', ')} (allowed: ${LEARNING_MODES.join(', ')}).`,
    });
  }
  if (requireApproval !== true) {
    throw new LearningSettingsError({
      pl: 'Zatwierdzania nie da się wyłączyć: każda nowa umiejętność czeka na Twoją zgodę.',
      en: 'Approval cannot be turned off: every new skill waits for your consent.',
    });
  }
  if (typeof maxProposedPerDay !== 'number' || !Number.isInteger(maxProposedPerDay) || maxProposedPerDay < 0 || maxProposedPerDay > MAX_PROPOSED_PER_DAY_LIMIT) {
    throw new LearningSettingsError({
      pl: `„maxProposedPerDay” musi być liczbą całkowitą od 0 do ${MAX_PROPOSED_PER_DAY_LIMIT}.`,
      en: `“maxProposedPerDay” must be a whole number from 0 to ${MAX_PROPOSED_PER_DAY_LIMIT}.`,
    });
  }
  return { modes: [...new Set(modes as LearningMode[])], requireApproval: true, maxProposedPerDay };
}

type SettingsStore = Pick<FoundryStore, 'settings'>;

/** The stored settings, or the defaults; a stored value that is no longer valid is an error, not a fallback. */
export function readLearningSettings(store: SettingsStore): LearningSettings {
  const text = store.settings.readValue(SETTINGS_KEY);
  if (text === null) return DEFAULT_LEARNING_SETTINGS;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    throw new LearningSettingsError({ pl: 'Zapisane ustawienia uczenia są uszkodzone.', en: 'The stored learning settings are damaged.' });
  }
  return validateLearningSettings(stored);
}

/** Applies a partial change; the result is checked as a whole before anything is written. */
export function updateLearningSettings(store: SettingsStore, patch: unknown): LearningSettings {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new LearningSettingsError({ pl: 'Zmiana ustawień musi być obiektem.', en: 'A settings change must be an object.' });
  }
  const next = validateLearningSettings({ ...readLearningSettings(store), ...patch });
  store.settings.writeValue(SETTINGS_KEY, next);
  return next;
}
