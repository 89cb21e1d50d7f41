/** Every user-facing text exists in both languages. */
export type Locale = 'pl' | 'en';
export const LOCALES: readonly Locale[] = ['pl', 'en'];
export interface Localized {
  pl: string;
  en: string;
}
