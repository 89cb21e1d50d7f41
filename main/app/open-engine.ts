import { app, dialog } from 'electron';
import { openEngine, type Engine } from '../engine.ts';
import { resolveDataDir } from '../store/data-dir.ts';
import { StoreError } from '../store/index.ts';
import { resolveLocale, TEXTS } from './texts.ts';

/**
 * Opens the engine on the owner's store. When the store cannot be opened (damaged, written by a
 * newer version, not ours), the owner is told why in their system language and null comes back;
 * the store refuses before writing anything, so the file stays exactly as it was.
 */
export function openEngineOrExplain(): Engine | null {
  const dataDir = resolveDataDir(process.env, app.getPath('userData'));
  try {
    return openEngine({ dataDir });
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
