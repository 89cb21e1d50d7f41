import type { Localized } from '../../../shared/i18n-types.ts';
import type { ConsentStatus } from '../../../shared/contract/consent-records.ts';
import type { Actor } from '../../../shared/contract/records.ts';
import { PRINCIPAL_NAMES } from '../rbac/roles.ts';

/** Who asked for a run, as the prompt and the notification name them. */
export const askerName = (actor: Actor): Localized => (actor === 'system' ? { en: 'the app', pl: 'aplikacja' } : PRINCIPAL_NAMES[actor]);

const ENDED: Record<Exclude<ConsentStatus, 'pending'>, Localized> = {
  granted: { en: 'it was already allowed', pl: 'już na nie pozwolono' },
  denied: { en: 'it was already denied', pl: 'już go odmówiono' },
  'timed-out': { en: 'its time ran out', pl: 'minął czas na odpowiedź' },
  cancelled: { en: 'the run stopped waiting for it', pl: 'uruchomienie przestało na nie czekać' },
};

export const CONSENT_MESSAGES = {
  notice: (skill: string, action: string, asker: Localized): { title: Localized; body: Localized } => ({
    title: { en: `${skill} asks to run “${action}”`, pl: `${skill} prosi o uruchomienie „${action}”` },
    body: {
      en: `Asked by ${asker.en}: this run waits for your consent. Open Skill Foundry to allow or deny it.`,
      pl: `Prośba od: ${asker.pl}. To uruchomienie czeka na Twoją zgodę. Otwórz Skill Foundry, aby pozwolić albo odmówić.`,
    },
  }),
  requestNotFound: { en: 'There is no such consent request.', pl: 'Nie ma takiej prośby o zgodę.' },
  standingNotFound: {
    en: 'There is no such standing consent (it may have been revoked already).',
    pl: 'Nie ma takiej stałej zgody (może już została cofnięta).',
  },
  alreadyEnded: (status: Exclude<ConsentStatus, 'pending'>): Localized => ({
    en: `This consent request can no longer be answered: ${ENDED[status].en}.`,
    pl: `Na tę prośbę o zgodę nie można już odpowiedzieć: ${ENDED[status].pl}.`,
  }),
  alwaysOnlyWithGrant: {
    en: '“Always allow this exact action” goes only with Allow.',
    pl: '„Zawsze pozwalaj na dokładnie tę akcję” można zaznaczyć tylko razem z „Pozwól”.',
  },
  cannotSealAlways: {
    en: 'A standing consent cannot be kept here: the key that seals approvals is not available. Allow this run once instead.',
    pl: 'Nie da się tu zapisać stałej zgody: brak klucza, którym pieczętowane są zatwierdzenia. Zamiast tego pozwól tylko na to uruchomienie.',
  },
  badId: { en: 'The id must be a positive whole number.', pl: 'Identyfikator musi być dodatnią liczbą całkowitą.' },
  badDecision: { en: 'The decision must be grant or deny.', pl: 'Decyzja musi brzmieć grant albo deny.' },
  onlyInWindow: {
    en: 'Only the owner answers consent requests, in the Skill Foundry desktop app.',
    pl: 'Na prośby o zgodę odpowiada tylko właściciel, w aplikacji Skill Foundry na komputerze.',
  },
} as const;
