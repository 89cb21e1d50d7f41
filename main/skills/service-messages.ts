import type { Localized } from '../../shared/i18n-types.ts';

export const SERVICE_MESSAGES = {
  unknownPrincipal: { en: 'Unknown requester.', pl: 'Nieznany podmiot żądania.' },
  skillNotFound: { en: 'There is no such skill.', pl: 'Nie ma takiego skilla.' },
  badText: (what: string, max: number): Localized => ({
    en: `${what} must be text of 1 to ${max} characters.`,
    pl: `${what}: wymagany tekst o długości od 1 do ${max} znaków.`,
  }),
  badParams: { en: 'The params must be a JSON object.', pl: 'Parametry muszą być obiektem JSON.' },
  badNeed: { en: 'Describe the skill in words, or send a need from the detector.', pl: 'Opisz skill słowami albo prześlij potrzebę z detektora.' },
  noGenerator: {
    en: 'Generating skills is not available here. Use the Skill Foundry app or `foundry generate`.',
    pl: 'Generowanie skilli nie jest tu dostępne. Użyj aplikacji Skill Foundry albo `foundry generate`.',
  },
  alreadyArchived: { en: 'This skill is already archived.', pl: 'Ten skill jest już zarchiwizowany.' },
  notArchived: { en: 'This skill is not archived.', pl: 'Ten skill nie jest zarchiwizowany.' },
  notDeployed: {
    en: 'This skill has no approved version running. Approve a version first.',
    pl: 'Ten skill nie ma działającej zatwierdzonej wersji. Najpierw zatwierdź wersję.',
  },
  approvalUnproven: {
    en: 'This skill was not run: the approval of its running version cannot be proven (its seal is missing or forged, so it was changed outside Skill Foundry). Review the skill and approve a version again.',
    pl: 'Tego skilla nie uruchomiono: nie da się potwierdzić zatwierdzenia działającej wersji (brak jej pieczęci albo została sfałszowana, więc zmieniono ją poza Skill Foundry). Przejrzyj skill i ponownie zatwierdź wersję.',
  },
  changedSinceApproval: {
    en: 'The running version of this skill no longer matches what was approved, so it will not run. Roll back or approve a new version.',
    pl: 'Działająca wersja tego skilla nie zgadza się już z tym, co zostało zatwierdzone, więc nie zostanie uruchomiona. Wróć do innej wersji albo zatwierdź nową.',
  },
  decisionsOwnersOnly: {
    en: 'Only the owner rejects or rolls back a version.',
    pl: 'Tylko właściciel odrzuca wersję lub przywraca wcześniejszą.',
  },
  rejectPrompt: (slug: string, version: string): Localized => ({
    en: `Reject ${slug} ${version}`,
    pl: `Odrzuć ${slug} ${version}`,
  }),
  notificationsOwnersOnly: {
    en: 'Only the owner marks notifications read.',
    pl: 'Tylko właściciel oznacza powiadomienia jako przeczytane.',
  },
  badNotificationIds: (max: number): Localized => ({
    en: `Name 1 to ${max} notifications by their numbers, or all of them.`,
    pl: `Wskaż od 1 do ${max} powiadomień ich numerami albo wszystkie.`,
  }),
  notificationNotFound: { en: 'There is no such notification.', pl: 'Nie ma takiego powiadomienia.' },
  nothingToReview: { en: 'This skill has no version to review.', pl: 'Ten skill nie ma wersji do przejrzenia.' },
  requestNotFound: { en: 'There is no such open review request.', pl: 'Nie ma takiej otwartej prośby o przegląd.' },
  /** `who` as PRINCIPAL_NAMES words it: "the assistant", "asystent". */
  reviewNotice: (name: string, who: Localized): { title: Localized; body: Localized } => ({
    title: { en: `Review requested: ${name}`, pl: `Prośba o przegląd: ${name}` },
    body: { en: `Asked by ${who.en}: please review the skill “${name}”.`, pl: `Prośba od: ${who.pl}. Przejrzyj skill „${name}”.` },
  }),
  rollbackNotice: (name: string, version: string, who: Localized): { title: Localized; body: Localized } => ({
    title: { en: `Rollback requested: ${name}`, pl: `Prośba o przywrócenie wersji: ${name}` },
    body: {
      en: `Asked by ${who.en}: roll “${name}” back to version ${version}. Confirm it on this computer if you agree.`,
      pl: `Prośba od: ${who.pl}. Przywróć skill „${name}” do wersji ${version}; potwierdź to na tym komputerze, jeśli się zgadzasz.`,
    },
  }),
  pendingNotice: (name: string, tag: string): { title: Localized; body: Localized } => ({
    title: { en: `New skill to review: ${name}`, pl: `Nowy skill do przejrzenia: ${name}` },
    body: {
      en: `${tag} waits for your approval for 24 hours.`,
      pl: `${tag} czeka na Twoje zatwierdzenie przez 24 godziny.`,
    },
  }),
} as const;
