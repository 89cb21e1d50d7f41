// macOS: Touch ID through Electron's systemPreferences.promptTouchID. It evaluates
// LAPolicyDeviceOwnerAuthentication, so it is a yes/no "the owner is here" gate that also accepts
// the login password ("Use Password…", or after failed fingerprints). Nothing is unlocked by it:
// the app trusts the resolved promise, nothing more.
import { systemPreferences } from 'electron';
import type { Locale } from '../../shared/i18n-types.ts';
import type { BiometricProvider } from '../skills/approval/biometric.ts';

export interface TouchIdProviderOptions {
  /** The language of the reason macOS shows under "Skill Foundry is trying to …". */
  locale: () => Locale;
  platform?: NodeJS.Platform;
}

export function createTouchIdProvider(options: TouchIdProviderOptions): BiometricProvider {
  const platform = options.platform ?? process.platform;
  return {
    id: 'touch-id',
    label: { en: 'Touch ID', pl: 'Touch ID' },
    available: async () => platform === 'darwin' && systemPreferences.canPromptTouchID(),
    async verify(reason) {
      try {
        await systemPreferences.promptTouchID(reason[options.locale()]);
        return { ok: true };
      } catch (error) {
        // Electron rejects with LAError's localizedDescription: free text in the system's language.
        // English systems say "Canceled by user." / "Cancelled"; anything else counts as a failure.
        const text = error instanceof Error ? error.message : String(error);
        if (/cancel/i.test(text)) {
          return { ok: false, reason: 'cancelled', message: { en: 'The Touch ID prompt was cancelled.', pl: 'Monit Touch ID został anulowany.' } };
        }
        return { ok: false, reason: 'failed', message: { en: 'Touch ID did not confirm it is you.', pl: 'Nie udało się potwierdzić Twojej tożsamości przez Touch ID.' } };
      }
    },
  };
}
