import type { Localized } from '../../../shared/i18n-types.ts';

/** Why an action did not run, in both languages; each says that nothing ran. */
export const ACTION_MESSAGES = {
  consentDenied: (action: string): Localized => ({
    en: `The owner did not allow this run of “${action}”; nothing ran.`,
    pl: `Właściciel nie zgodził się na to uruchomienie akcji „${action}”; nic nie zostało uruchomione.`,
  }),
  consentTimedOut: (action: string): Localized => ({
    en: `Nobody answered the consent prompt for “${action}” in time; nothing ran.`,
    pl: `Nikt nie odpowiedział na czas na prośbę o zgodę na akcję „${action}”; nic nie zostało uruchomione.`,
  }),
  consentUnavailable: (action: string): Localized => ({
    en: `The action “${action}” asks the owner before each run, and only the desktop app's window can ask: it needs your consent in the desktop app (the command line and foundry serve cannot give it); nothing ran.`,
    pl: `Akcja „${action}” przed każdym uruchomieniem pyta właściciela, a zapytać może tylko okno aplikacji: wymaga Twojej zgody w aplikacji na komputerze (wiersz poleceń ani foundry serve jej nie udzielą); nic nie zostało uruchomione.`,
  }),
  codeActionMissing: (actions: readonly string[]): Localized => ({
    en: `The approved manifest sets rules for the code action(s) ${actions.join(', ')}, which the code does not offer. This version cannot run; approve a version whose code and manifest agree.`,
    pl: `Zatwierdzony manifest ustala zasady dla akcji kodu ${actions.join(', ')}, których kod nie udostępnia. Ta wersja nie może działać; zatwierdź wersję, w której kod i manifest się zgadzają.`,
  }),
} as const;
