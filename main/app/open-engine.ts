import { app, dialog } from 'electron';
import { openEngine, type Engine } from '../engine.ts';
import { resolveDataDir } from '../store/data-dir.ts';
import { StoreError } from '../store/index.ts';
import { resolveLocale, TEXTS } from './texts.ts';
import type { AppFiles } from './paths.ts';
import type { OwnerNotice } from '../skills/service.ts';
import type { Locale } from '../../shared/i18n-types.ts';
import { createTouchIdProvider } from './biometric-touch-id.ts';
import { createSafeStorageBox } from './safe-storage-box.ts';
import { createAppSandboxLauncher } from './sandbox-launcher.ts';
import type { SecretBox } from '../skills/approval/secret-box.ts';
import { loadIntegrityKey } from '../skills/approval/integrity-key-file.ts';
import type { IntegrityKey } from '../store/integrity/integrity-key.ts';

/** The language the owner chose in Settings, or the system's. */
export function ownerLocale(engine: Engine): Locale {
  return resolveLocale(engine.store.settings.get().language, app.getLocale());
}

/**
 * The OS keychain seals secrets. Where it cannot (e.g. Linux with no keyring: plain text), the
 * app still runs, but refuses to store secrets, saying why when the owner tries.
 */
async function secretBoxOrNone(): Promise<SecretBox | null> {
  try {
    return await createSafeStorageBox();
  } catch (error) {
    console.warn('[foundry] no protected storage for secrets:', error instanceof Error ? error.message : error);
    return null;
  }
}

/**
 * The key that seals approvals and the audit log, kept sealed by the keychain beside the store.
 * Without it the app still opens (reviews work), but no generated skill runs and nothing can be
 * approved; the window says why.
 */
async function integrityKeyOrNone(dataDir: string, box: SecretBox | null): Promise<IntegrityKey | null> {
  if (!box) return null;
  try {
    return await loadIntegrityKey(dataDir, box);
  } catch (error) {
    console.warn('[foundry] the integrity key could not be opened:', error instanceof Error ? error.message : error);
    return null;
  }
}

/**
 * Opens the engine on the owner's store. When the store cannot be opened (damaged, written by a
 * newer version, not ours), the owner is told why in their system language and null comes back;
 * the store refuses before writing anything, so the file stays exactly as it was.
 */
export async function openEngineOrExplain(
  files: AppFiles,
  notifyOwner: (notice: OwnerNotice) => void,
  ownerWindow: () => string | null,
): Promise<Engine | null> {
  const dataDir = resolveDataDir(process.env, app.getPath('userData'));
  const secretBox = await secretBoxOrNone();
  try {
    let engine: Engine | null = null;
    const locale = () => (engine ? ownerLocale(engine) : resolveLocale('system', app.getLocale()));
    engine = openEngine({
      dataDir,
      secretBox,
      integrityKey: await integrityKeyOrNone(dataDir, secretBox),
      launcher: createAppSandboxLauncher(files, {
        env: process.env,
        packaged: app.isPackaged,
        resourcesPath: process.resourcesPath,
        onStderr: (text) => console.error('[foundry] the sandbox host said:', text),
      }),
      approval: {
        providers: { 'touch-id': createTouchIdProvider({ locale }) },
        // FOUNDRY_TEST_BIOMETRIC is honoured only when running from source, never once installed.
        allowTestProvider: !app.isPackaged,
        locale,
        ownerWindow,
      },
      notifyOwner,
      // Consent prompts are answered in the window; once it exists (shown or in the tray), a notice brings it forward.
      canAskOwner: () => ownerWindow() !== null,
    });
    return engine;
  } catch (error) {
    const locale = resolveLocale('system', app.getLocale());
    const message = error instanceof StoreError
      ? `${error.userMessage[locale]}\n\n${error.file}`
      : TEXTS.storeUnavailable(error)[locale];
    console.error('[foundry] the store could not be opened:', error);
    dialog.showErrorBox(TEXTS.startupFailedTitle[locale], message);
    return null;
  }
}
