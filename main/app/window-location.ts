import type { BrowserWindow } from 'electron';
import { revealWindow } from './window.ts';

/**
 * Brings the window forward showing `location` (shared/contract/window-location.ts): the page
 * follows its fragment without reloading, so nothing the owner was doing there is lost. Only
 * navigation: the fragment is data the renderer reads, and it can approve nothing.
 */
export function openWindowAt(window: BrowserWindow, location: string): void {
  if (window.isDestroyed()) return;
  revealWindow(window);
  window.webContents.executeJavaScript(`location.hash = ${JSON.stringify(location)};`).catch((error: unknown) => {
    console.error('[foundry] the window could not be shown at', location, error);
  });
}
