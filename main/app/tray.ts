import { Menu, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { Locale } from '../../shared/i18n-types.ts';
import type { FoundryStore } from '../store/index.ts';
import { resolveLocale, TEXTS } from './texts.ts';

export interface TrayState {
  locale: Locale;
  pendingReviews: number;
}

export interface TrayActions {
  open(): void;
  quit(): void;
}

/** What the tray shows now: the owner's language and the number of versions waiting for review. */
export function readTrayState(store: Pick<FoundryStore, 'settings' | 'skills'>, systemLocale: string): TrayState {
  return {
    locale: resolveLocale(store.settings.get().language, systemLocale),
    pendingReviews: store.skills.counts().pendingReviews,
  };
}

export function trayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: TEXTS.trayOpen[state.locale], click: () => actions.open() },
    { label: TEXTS.trayPendingReviews(state.pendingReviews)[state.locale], click: () => actions.open() },
    { type: 'separator' },
    { label: TEXTS.trayQuit[state.locale], click: () => actions.quit() },
  ];
}

export const TRAY_REFRESH_MS = 30_000;

/**
 * The tray icon with its menu. The count is re-read every 30 s and whenever `refresh` is called
 * (the app calls it when the window gains focus); the menu is rebuilt only when what it shows changed.
 */
export function createTray(icon: NativeImage, readState: () => TrayState, actions: TrayActions) {
  const tray = new Tray(icon);
  tray.on('click', () => actions.open());
  let shown = '';
  const refresh = () => {
    const state = readState();
    const key = JSON.stringify(state);
    if (key === shown) return;
    shown = key;
    tray.setToolTip(TEXTS.trayTooltip(state.pendingReviews)[state.locale]);
    // The count beside the icon (macOS menu bar; Linux desktops that show tray titles).
    tray.setTitle(state.pendingReviews > 0 ? String(state.pendingReviews) : '');
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, actions)));
  };
  refresh();
  const timer = setInterval(refresh, TRAY_REFRESH_MS);
  return {
    refresh,
    destroy: () => {
      clearInterval(timer);
      tray.destroy();
    },
  };
}
