import { useId } from 'react';
import type { LanguageSetting } from '../../../../shared/contract/index.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { LANGUAGE_NAMES, resolveLocale } from '../../i18n/locale.ts';

const CHOICES: LanguageSetting[] = ['system', 'pl', 'en'];

/** System / Polski / English, saved through foundry.settings.update; the whole UI follows at once. */
export function LanguagePicker({ current }: { current: LanguageSetting }) {
  const { t, localize } = useI18n();
  const hintId = useId();
  const save = useFoundryStore((state) => state.languageSave);
  const saveLanguage = useFoundryStore((state) => state.saveLanguage);
  const systemLanguage = LANGUAGE_NAMES[resolveLocale('system', navigator.languages)];

  return (
    <fieldset className="field-group" aria-describedby={hintId}>
      <legend className="field-group__legend">{t('settings.language')}</legend>
      {CHOICES.map((choice) => (
        <label key={choice} className="choice">
          <input
            type="radio"
            name="language"
            value={choice}
            checked={current === choice}
            onChange={() => void saveLanguage(choice)}
          />
          {choice === 'system' ? t('settings.language.system', { language: systemLanguage }) : <span lang={choice}>{LANGUAGE_NAMES[choice]}</span>}
        </label>
      ))}
      <p id={hintId} className="field-group__hint">{t('settings.language.hint')}</p>
      <p className="field-group__status" role="status">
        {save.saving ? t('settings.saving') : save.saved ? t('settings.saved') : ''}
      </p>
      {save.error && <p className="text-bad" role="alert">{localize(save.error)}</p>}
    </fieldset>
  );
}
