import type { Locale } from '../../../shared/i18n-types.ts';
import { detectLanguage } from './language.ts';

/** The language most of these messages are written in; Polish when they give no sign. */
export function dominantLanguage(messages: readonly { text: string }[]): Locale {
  let pl = 0;
  let en = 0;
  for (const message of messages) {
    const language = detectLanguage(message.text);
    if (language === 'pl') pl += 1;
    else if (language === 'en') en += 1;
  }
  return en > pl ? 'en' : 'pl';
}
