// What the marketplace client tells people, in both languages.
import type { Localized } from '../../../shared/i18n-types.ts';

export const MARKET_MESSAGES = {
  disabled: {
    en: 'The marketplace is off. Turn it on with `foundry config set skills.marketplace.enabled true` (or in Settings → Configuration).',
    pl: 'Marketplace jest wyłączony. Włącz go poleceniem `foundry config set skills.marketplace.enabled true` (albo w Ustawieniach → Konfiguracja).',
  },
  noRegistry: {
    en: 'No registry is configured: set skills.marketplace.registryUrl to one or more https:// or file:// addresses.',
    pl: 'Nie ustawiono rejestru: wpisz w skills.marketplace.registryUrl jeden lub więcej adresów https:// albo file://.',
  },
  notFound: (what: string): Localized => ({
    en: `No registry lists "${what}".`,
    pl: `Żaden rejestr nie ma wpisu „${what}”.`,
  }),
  revoked: (id: string): Localized => ({
    en: `${id} is revoked by its registry (the bundle or its publisher's key); it cannot be installed.`,
    pl: `${id} został unieważniony przez rejestr (paczka albo klucz wydawcy); nie można go zainstalować.`,
  }),
  keyChanged: (name: string, pinned: string, now: string): Localized => ({
    en: `Warning: "${name}" signed this bundle with a different key (${now}) than the one pinned when you first installed from them (${pinned}). Someone else may be publishing under their name. Nothing was installed; if they really changed keys, remove the pin first (foundry market publishers).`,
    pl: `Uwaga: „${name}” podpisał tę paczkę innym kluczem (${now}) niż przypięty przy pierwszej instalacji (${pinned}). Ktoś inny może publikować pod tą nazwą. Niczego nie zainstalowano; jeśli wydawca naprawdę zmienił klucz, najpierw usuń przypięcie (foundry market publishers).`,
  }),
  hashMismatch: (file: string): Localized => ({
    en: `The downloaded ${file} is not the bundle the index lists (its SHA-256 differs); nothing was installed.`,
    pl: `Pobrany ${file} nie jest paczką z indeksu (inny SHA-256); niczego nie zainstalowano.`,
  }),
  listingMismatch: (id: string, got: string): Localized => ({
    en: `The index lists ${id}, but the bundle holds ${got}; nothing was installed.`,
    pl: `Indeks podaje ${id}, a paczka zawiera ${got}; niczego nie zainstalowano.`,
  }),
  publisherNotFound: (name: string): Localized => ({
    en: `No publisher named "${name}" is pinned.`,
    pl: `Nie przypięto wydawcy o nazwie „${name}”.`,
  }),
  installNotice: (name: string, tag: string, who: Localized, registry: string): { title: Localized; body: Localized } => ({
    title: { en: `From the marketplace, to review: ${name}`, pl: `Z marketplace, do przejrzenia: ${name}` },
    body: {
      en: `${tag} from ${registry}, requested by ${who.en}, waits for your approval for 24 hours. It was verified, audited and dry-run here; nothing runs before you approve.`,
      pl: `${tag} z ${registry}, na prośbę: ${who.pl}, czeka na Twoje zatwierdzenie przez 24 godziny. Sprawdzono podpis, audyt i próbne uruchomienie tutaj; nic nie działa przed zatwierdzeniem.`,
    },
  }),
  assistantNote: (registry: string): string => `Install from the marketplace (${registry}), requested by your assistant`.slice(0, 500),
  revokedNotice: (name: string, registry: string): { title: Localized; body: Localized } => ({
    title: { en: `Revoked by its registry: ${name}`, pl: `Unieważniony przez rejestr: ${name}` },
    body: {
      en: `${registry} revoked this skill's bundle or its publisher's key. It was disabled (archived) and no longer runs; a version waiting for review was rejected.`,
      pl: `${registry} unieważnił paczkę tego skilla albo klucz wydawcy. Skill wyłączono (zarchiwizowano) i już nie działa; wersję czekającą na przegląd odrzucono.`,
    },
  }),
} as const;
