import type { Localized } from '../../../shared/i18n-types.ts';

/** Where a problem is in config.yaml, in both languages. */
export function at(line: number | null, column: number | null): Localized {
  return line === null ? { en: '', pl: '' } : { en: ` (line ${line}, column ${column})`, pl: ` (wiersz ${line}, kolumna ${column})` };
}

export const CONFIG_MESSAGES = {
  syntax: (where: Localized, reason: string): Localized => ({
    en: `config.yaml is not valid YAML${where.en}: ${reason}. Every key has its default until it is fixed.`,
    pl: `config.yaml nie jest poprawnym plikiem YAML${where.pl}: ${reason}. Do czasu poprawienia każdy klucz ma wartość domyślną.`,
  }),
  invalid: (key: string, where: Localized, reason: Localized): Localized => ({
    en: `${key}${where.en}: ${reason.en}.`,
    pl: `${key}${where.pl}: ${reason.pl}.`,
  }),
  unknownKey: (key: string, where: Localized): Localized => ({
    en: `${key}${where.en}: there is no such setting; it is ignored.`,
    pl: `${key}${where.pl}: nie ma takiego ustawienia; zostaje pominięte.`,
  }),
  unknownKeyToSet: (key: string, known: readonly string[]): Localized => ({
    en: `There is no setting “${key}”. The settings are: ${known.join(', ')}.`,
    pl: `Nie ma ustawienia „${key}”. Dostępne ustawienia: ${known.join(', ')}.`,
  }),
  usingSafeValue: (key: string, where: Localized, reason: Localized): Localized => ({
    en: `${key}${where.en}: ${reason.en} The file’s value is not used; the safe value is.`,
    pl: `${key}${where.pl}: ${reason.pl} Wartość z pliku nie jest używana; obowiązuje bezpieczna.`,
  }),
  fileBroken: (problem: Localized): Localized => ({
    en: `Nothing was changed: fix config.yaml first. ${problem.en}`,
    pl: `Nic nie zmieniono: najpierw popraw config.yaml. ${problem.pl}`,
  }),
  notWritten: (reason: string): Localized => ({
    en: `config.yaml could not be written (${reason}); nothing was changed.`,
    pl: `Nie udało się zapisać config.yaml (${reason}); nic nie zmieniono.`,
  }),
  shellOnlyInFile: {
    en: 'Shell actions can be turned on only by editing config.yaml yourself (skills.execution.shell: true), and then confirming it in the Skill Foundry window with both factors; nothing was changed. Turning them off is always allowed.',
    pl: 'Akcje powłoki można włączyć tylko, edytując samodzielnie config.yaml (skills.execution.shell: true), a potem potwierdzając to w oknie Skill Foundry dwoma składnikami; nic nie zmieniono. Wyłączyć je można zawsze.',
  },
  skillsDisabled: {
    en: 'Running custom skills is switched off in config.yaml (skills.enabled: false). Reviews and approvals still work; switch it on in Settings → Configuration to run them.',
    pl: 'Uruchamianie własnych skilli jest wyłączone w config.yaml (skills.enabled: false). Przeglądy i zatwierdzanie nadal działają; włącz je w Ustawieniach → Konfiguracja, aby je uruchamiać.',
  },
} as const;

/** Why each weakening value is refused: the safety it would take away. */
export const SAFETY_REASONS = {
  sandbox: {
    en: 'The sandbox cannot be turned off: skill code never runs outside its isolate.',
    pl: 'Piaskownicy nie da się wyłączyć: kod skilla nigdy nie działa poza swoim izolatem.',
  },
  requireApproval: {
    en: 'Approval cannot be turned off: every new skill waits for your consent with two factors.',
    pl: 'Zatwierdzania nie da się wyłączyć: każdy nowy skill czeka na Twoją zgodę potwierdzoną dwoma składnikami.',
  },
  autonomous: {
    en: 'Autonomous mode is off: the assistant may only propose new skills, never create them without you.',
    pl: 'Tryb autonomiczny jest wyłączony: asystent może tylko proponować nowe skille, nigdy tworzyć ich bez Ciebie.',
  },
} as const satisfies Record<string, Localized>;
