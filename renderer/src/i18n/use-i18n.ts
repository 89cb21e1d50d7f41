import { useCallback } from 'react';
import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import { useFoundryStore } from '../store/app-store.ts';
import { resolveLocale } from './locale.ts';
import { translate, type Translate } from './translate.ts';

export interface I18n {
  locale: Locale;
  t: Translate;
  /** Picks the current language's text of a bilingual message (e.g. an API error). */
  localize: (message: Localized) => string;
}

/** The UI language (settings.language, 'system' following navigator.languages) and its translator. */
export function useI18n(): I18n {
  const setting = useFoundryStore((state) => state.settings.data?.language ?? 'system');
  const locale = resolveLocale(setting, navigator.languages);
  const t = useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
  const localize = useCallback((message: Localized) => message[locale], [locale]);
  return { locale, t, localize };
}
