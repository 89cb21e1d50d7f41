import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import { en, type Catalogue, type MessageKey } from './en.ts';
import { pl } from './pl.ts';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const CATALOGUES: Record<Locale, Catalogue> = { en, pl };

/** The message in `locale`, with each `{name}` replaced by params.name. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** A message in both languages, for texts that are stored before the language is known (e.g. errors). */
export function bilingual(key: MessageKey): Localized {
  return { en: translate('en', key), pl: translate('pl', key) };
}
