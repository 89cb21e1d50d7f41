import type { Locale } from '../../../shared/i18n-types.ts';
import type { LanguageSetting } from '../../../shared/contract/index.ts';

/** Each language named in itself, so a person can find theirs whatever the UI shows now. */
export const LANGUAGE_NAMES: Record<Locale, string> = { pl: 'Polski', en: 'English' };

/** The UI's language: the saved choice, or for 'system' the browser's first preference (pl* → Polish, else English). */
export function resolveLocale(setting: LanguageSetting, preferred: readonly string[]): Locale {
  if (setting !== 'system') return setting;
  return preferred[0]?.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}
