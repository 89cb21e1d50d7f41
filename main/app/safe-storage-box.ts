// The app's SecretBox: Electron's safeStorage (macOS Keychain, Windows DPAPI, Linux libsecret or
// KWallet), through the async API — the sync calls are deprecated since Electron 45.
import { safeStorage } from 'electron';
import { damagedSecret, type SecretBox } from '../skills/approval/secret-box.ts';
import { SecurityError } from '../skills/approval/security-error.ts';

export const SAFE_STORAGE_BOX_KIND = 'electron-safe-storage';

/**
 * Checks the keychain before handing out the box, so a missing or insecure one is reported when
 * the app starts, not in the middle of an approval. Call it after the app's `ready` event.
 */
export async function createSafeStorageBox(platform: NodeJS.Platform = process.platform): Promise<SecretBox> {
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    // basic_text encrypts with a password hard-coded in Chromium: as good as plain text.
    if (backend === 'basic_text') {
      throw new SecurityError('insecure-backend', {
        en: 'No system keychain (GNOME Keyring / libsecret or KWallet) is running, so secrets would be stored practically in plain text. Skill Foundry refuses to store them this way: start a keychain service and restart the app.',
        pl: 'Nie działa żaden systemowy pęk kluczy (GNOME Keyring / libsecret lub KWallet), więc sekrety zostałyby zapisane praktycznie jawnym tekstem. Skill Foundry odmawia takiego zapisu: uruchom usługę pęku kluczy i uruchom aplikację ponownie.',
      });
    }
    if (backend === 'unknown') throw unavailable();
  }
  if (!(await safeStorage.isAsyncEncryptionAvailable())) throw unavailable();
  return {
    kind: SAFE_STORAGE_BOX_KIND,
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(data) {
      try {
        // shouldReEncrypt only signals a newer key is available; the old ciphertext stays readable.
        return (await safeStorage.decryptStringAsync(data)).result;
      } catch (cause) {
        throw damagedSecret(cause);
      }
    },
  };
}

const unavailable = () =>
  new SecurityError('encryption-unavailable', {
    en: 'The system keychain cannot encrypt right now, so no secret can be stored or read. Unlock your keychain (or sign in again) and restart the app.',
    pl: 'Systemowy pęk kluczy nie może teraz szyfrować, więc nie da się zapisać ani odczytać sekretów. Odblokuj pęk kluczy (lub zaloguj się ponownie) i uruchom aplikację ponownie.',
  });
