import { Menu, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { Locale } from '../../shared/i18n-types.ts';
import { notificationText } from '../../shared/contract/notification-records.ts';
import type { FoundryStore } from '../store/index.ts';
import type { UpcomingRun } from '../../shared/skills/schedules.ts';
import { resolveLocale, TEXTS } from './texts.ts';

/** The newest unread notifications the menu lists, each a line of at most LATEST_LABEL_CHARS. */
const LATEST_SHOWN = 3;
const LATEST_LABEL_CHARS = 60;

export interface TrayState {
  locale: Locale;
  pendingReviews: number;
  /** Runs waiting for the owner's consent (the window asks; the menu only says they wait). */
  waitingConsents: number;
  unreadNotifications: number;
  /** The newest unread notifications: which skill, and the line the menu shows. */
  latestNotifications: { skillSlug: string; label: string }[];
  /** The next three scheduled runs (the engine picks them: scheduler.upcoming), as menu lines. */
  nextRuns: { skillSlug: string; label: string }[];
}

export interface TrayActions {
  open(): void;
  openNotifications(): void;
  openSkill(slug: string): void;
  quit(): void;
}

const shortened = (text: string) => (text.length > LATEST_LABEL_CHARS ? `${text.slice(0, LATEST_LABEL_CHARS - 1)}…` : text);

/** What the tray shows now: the owner's language, the runs waiting for consent, the versions waiting for review, the unread notifications. */
export function readTrayState(
  store: Pick<FoundryStore, 'settings' | 'skills' | 'notifications' | 'consents'>,
  systemLocale: string,
  nextRuns: readonly UpcomingRun[] = [],
): TrayState {
  const locale = resolveLocale(store.settings.get().language, systemLocale);
  const at = new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const unread = store.notifications.list({ unreadOnly: true, limit: LATEST_SHOWN });
  return {
    locale,
    pendingReviews: store.skills.counts().pendingReviews,
    waitingConsents: store.consents.pending().filter((request) => request.timeLeftMs > 0).length,
    unreadNotifications: unread.unread,
    latestNotifications: unread.items.map((n) => ({ skillSlug: n.skillSlug, label: shortened(`${n.skillName}: ${notificationText(n).title[locale]}`) })),
    nextRuns: nextRuns.map((run) => ({ skillSlug: run.skillSlug, label: shortened(`${at.format(new Date(run.at))}  ${run.skillName ?? run.skillSlug}: ${run.action}`) })),
  };
}

export function trayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: TEXTS.trayOpen[state.locale], click: () => actions.open() },
    ...(state.waitingConsents > 0 ? [{ label: TEXTS.trayWaitingConsents(state.waitingConsents)[state.locale], click: () => actions.open() }] : []),
    { label: TEXTS.trayPendingReviews(state.pendingReviews)[state.locale], click: () => actions.open() },
    { label: TEXTS.trayUnreadNotifications(state.unreadNotifications)[state.locale], click: () => actions.openNotifications() },
    ...state.latestNotifications.map(({ skillSlug, label }): MenuItemConstructorOptions => ({ label: `  ${label}`, click: () => actions.openSkill(skillSlug) })),
    ...(state.nextRuns.length > 0
      ? [
        { type: 'separator' } as const,
        { label: TEXTS.trayNextRuns[state.locale], enabled: false },
        ...state.nextRuns.map(({ skillSlug, label }): MenuItemConstructorOptions => ({ label: `  ${label}`, click: () => actions.openSkill(skillSlug) })),
      ]
      : []),
    { type: 'separator' },
    { label: TEXTS.trayQuit[state.locale], click: () => actions.quit() },
  ];
}

export const TRAY_REFRESH_MS = 30_000;

/**
 * The tray icon with its menu. The counts are re-read every 30 s and whenever `refresh` is called
 * (the app calls it when the window gains focus and when a notice arrives); the menu is rebuilt
 * only when what it shows changed.
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
