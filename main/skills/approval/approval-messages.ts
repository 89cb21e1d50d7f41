import type { Localized } from '../../../shared/i18n-types.ts';
import type { VersionStatus } from '../../../shared/contract/records.ts';

const STATUS: Record<VersionStatus, Localized> = {
  failed: { en: 'a failed candidate', pl: 'nieudanym kandydatem' },
  pending: { en: 'waiting for approval', pl: 'oczekująca na zatwierdzenie' },
  approved: { en: 'already approved', pl: 'już zatwierdzona' },
  rejected: { en: 'rejected', pl: 'odrzucona' },
  expired: { en: 'expired', pl: 'wygasła' },
};

/** What the owner is told when an approval, rejection or rollback does not go through. */
export const APPROVAL_MESSAGES = {
  notFound: { en: 'There is no such skill version.', pl: 'Nie ma takiej wersji skilla.' },
  notPending: (status: VersionStatus): Localized => ({
    en: `This version is no longer waiting for approval (it is ${STATUS[status].en}).`,
    pl: status === 'failed'
      ? `Ta wersja nie czeka na zatwierdzenie (jest ${STATUS[status].pl}).`
      : `Ta wersja nie czeka już na zatwierdzenie (jest ${STATUS[status].pl}).`,
  }),
  superseded: (version: string, running: string): Localized => ({
    en: `Version ${version} is older than version ${running}, which runs now, so approving it would bring back what you already replaced. Nothing was deployed. To go back, roll back to a version you approved before; to change the skill, ask for it again.`,
    pl: `Wersja ${version} jest starsza niż działająca teraz wersja ${running}, więc jej zatwierdzenie przywróciłoby to, co już zastąpiono. Nic nie wdrożono. Aby wrócić, przywróć wcześniej zatwierdzoną wersję; aby zmienić skill, poproś o niego ponownie.`,
  }),
  expired: {
    en: 'This version waited more than 24 hours and was rejected automatically. Generate it again to review it.',
    pl: 'Ta wersja czekała dłużej niż 24 godziny i została automatycznie odrzucona. Wygeneruj ją ponownie, aby ją przejrzeć.',
  },
  contentChanged: {
    en: 'This version changed after it was shown to you, so the approval does not apply to it. Nothing was deployed; open it again and review what is shown now.',
    pl: 'Ta wersja zmieniła się po tym, jak została Ci pokazana, więc zatwierdzenie jej nie dotyczy. Nic nie wdrożono; otwórz ją ponownie i przejrzyj to, co jest pokazane teraz.',
  },
  totpRequired: {
    en: 'Enter the code from your authenticator app: approving needs it besides the check on this computer.',
    pl: 'Wpisz kod z aplikacji uwierzytelniającej: zatwierdzenie wymaga go oprócz potwierdzenia na tym komputerze.',
  },
  factorsUnavailable: {
    en: 'Approving needs the Skill Foundry app on this computer: the check on this computer and the authenticator code are both asked there.',
    pl: 'Zatwierdzanie wymaga aplikacji Skill Foundry na tym komputerze: tam pytamy zarówno o potwierdzenie na tym komputerze, jak i o kod z aplikacji uwierzytelniającej.',
  },
  reasonRequired: {
    en: 'Say why you reject this version (1–500 characters).',
    pl: 'Podaj, dlaczego odrzucasz tę wersję (1–500 znaków).',
  },
  approvePrompt: (name: string, tag: string): Localized => ({
    en: `Approve and deploy the skill “${name}” (${tag})`,
    pl: `Zatwierdź i wdróż skill „${name}” (${tag})`,
  }),
} as const;
