import { app, BrowserWindow, nativeTheme, type BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME } from '../store/data-dir.ts';
import type { AppFiles } from './paths.ts';

/**
 * The review window's options, following Electron's security checklist: a sandboxed,
 * context-isolated page with no Node, no webviews, no experimental or Blink features, and no
 * insecure content. `enableBlinkFeatures` stays unset on purpose.
 */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: APP_NAME,
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    show: false,
    // The renderer's page background (styles.css --bg), so no other colour shows before it paints.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#12151b' : '#f5f6f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  };
}

/** The review window, showing the packaged renderer file and nothing else; shown once painted. */
export function createMainWindow(files: AppFiles): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(files.preload));
  window.once('ready-to-show', () => window.show());
  window.loadFile(files.rendererIndex).catch((error: unknown) => {
    console.error(`[foundry] the window could not load ${files.rendererIndex}:`, error);
  });
  return window;
}

/** Brings the window back from the tray, the dock or behind other windows. */
export function revealWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** The window's HWND (Windows) or its platform handle, as a decimal string; null once destroyed. */
export function nativeWindowHandle(window: BrowserWindow): string | null {
  if (window.isDestroyed()) return null;
  const handle = window.getNativeWindowHandle();
  return handle.length >= 8 ? handle.readBigUInt64LE(0).toString() : handle.readUInt32LE(0).toString();
}
