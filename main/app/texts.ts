// Every text the Electron side shows by itself (tray, dialogs, refusals), in both languages.
import type { Locale, Localized } from '../../shared/i18n-types.ts';
import type { LanguageSetting } from '../../shared/contract/records.ts';
import { APP_NAME } from '../store/data-dir.ts';

/** The language to speak: the owner's setting, or the system's when it is 'system' (Polish only for pl*). */
export function resolveLocale(setting: LanguageSetting, systemLocale: string): Locale {
  if (setting !== 'system') return setting;
  return systemLocale.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}

export const TEXTS = {
  trayOpen: { en: `Open ${APP_NAME}`, pl: `Otwórz ${APP_NAME}` },
  trayPendingReviews: (count: number): Localized => ({
    en: `Pending reviews: ${count}`,
    pl: `Oczekujące przeglądy: ${count}`,
  }),
  trayWaitingConsents: (count: number): Localized => ({
    en: `Runs waiting for your consent: ${count}`,
    pl: `Uruchomienia czekające na Twoją zgodę: ${count}`,
  }),
  trayTooltip: (count: number): Localized => ({
    en: `${APP_NAME} — pending reviews: ${count}`,
    pl: `${APP_NAME} — oczekujące przeglądy: ${count}`,
  }),
  trayUnreadNotifications: (count: number): Localized => ({
    en: `Unread notifications: ${count}`,
    pl: `Nieprzeczytane powiadomienia: ${count}`,
  }),
  trayNextRuns: { en: 'Next scheduled runs:', pl: 'Najbliższe zaplanowane uruchomienia:' },
  trayQuit: { en: 'Quit', pl: 'Zakończ' },
  startupFailedTitle: { en: `${APP_NAME} cannot start`, pl: `Nie można uruchomić ${APP_NAME}` },
  storeUnavailable: (error: unknown): Localized => ({
    en: `The app could not open its data: ${detailOf(error)}`,
    pl: `Aplikacja nie mogła otworzyć swoich danych: ${detailOf(error)}`,
  }),
  startupFailed: (error: unknown): Localized => ({
    en: `The app failed while starting: ${detailOf(error)}`,
    pl: `Aplikacja napotkała błąd podczas uruchamiania: ${detailOf(error)}`,
  }),
  forbiddenSender: {
    en: "Refused: the request did not come from the app's own window.",
    pl: 'Odmowa: żądanie nie pochodzi z okna aplikacji.',
  },
} as const;

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
