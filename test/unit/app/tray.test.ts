import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, NativeImage } from 'electron';
import { openFoundryStore } from '../../../main/store/index.ts';
import { createTray, readTrayState, trayMenuTemplate, TRAY_REFRESH_MS, type TrayState } from '../../../main/app/tray.ts';
import { resolveLocale } from '../../../main/app/texts.ts';
import { keepRunningInTray } from '../../../main/app/close-to-tray.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { addPendingVersions } from './pending-versions.ts';
import { app, BrowserWindow as FakeWindow, resetFakeElectron, Tray, type FakeMenuItem } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const tempDir = useTempDir();
beforeEach(() => resetFakeElectron());

const labels = (items: readonly Pick<FakeMenuItem, 'label' | 'type'>[]) => items.map((item) => item.type === 'separator' ? '—' : item.label);

describe('tray menu', () => {
  const actions = () => ({ open: vi.fn(), openNotifications: vi.fn(), openSkill: vi.fn(), quit: vi.fn() });
  const quiet = { waitingConsents: 0, unreadNotifications: 0, latestNotifications: [], nextRuns: [] };

  it('speaks English with the pending count', () => {
    expect(labels(trayMenuTemplate({ locale: 'en', pendingReviews: 3, ...quiet }, actions()))).toEqual([
      'Open Skill Foundry', 'Pending reviews: 3', 'Unread notifications: 0', '—', 'Quit',
    ]);
  });

  it('speaks Polish with the pending count', () => {
    expect(labels(trayMenuTemplate({ locale: 'pl', pendingReviews: 0, ...quiet }, actions()))).toEqual([
      'Otwórz Skill Foundry', 'Oczekujące przeglądy: 0', 'Nieprzeczytane powiadomienia: 0', '—', 'Zakończ',
    ]);
  });

  it('opens the window from "Open" and from the pending count, and quits from "Quit"', () => {
    const act = actions();
    const [open, pending, , , quit] = trayMenuTemplate({ locale: 'en', pendingReviews: 1, ...quiet }, act);
    open!.click!({} as never, undefined, {} as never);
    pending!.click!({} as never, undefined, {} as never);
    expect(act.open).toHaveBeenCalledTimes(2);
    quit!.click!({} as never, undefined, {} as never);
    expect(act.quit).toHaveBeenCalledTimes(1);
  });

  it('says when runs wait for consent, and that line opens the window', () => {
    const act = actions();
    const menu = trayMenuTemplate({ locale: 'pl', pendingReviews: 0, ...quiet, waitingConsents: 2 }, act);
    expect(labels(menu)).toEqual(['Otwórz Skill Foundry', 'Uruchomienia czekające na Twoją zgodę: 2', 'Oczekujące przeglądy: 0', 'Nieprzeczytane powiadomienia: 0', '—', 'Zakończ']);
    menu[1]!.click!({} as never, undefined, {} as never);
    expect(act.open).toHaveBeenCalledTimes(1);
  });

  it('lists the newest unread notifications; the count opens the Notifications view, a notification its skill', () => {
    const act = actions();
    const menu = trayMenuTemplate({
      locale: 'en', pendingReviews: 0, waitingConsents: 0, unreadNotifications: 5, latestNotifications: [{ skillSlug: 'custom-stretching-reminder', label: 'Stretching Reminder: Reminder' }], nextRuns: [],
    }, act);
    expect(labels(menu)).toEqual(['Open Skill Foundry', 'Pending reviews: 0', 'Unread notifications: 5', '  Stretching Reminder: Reminder', '—', 'Quit']);
    menu[2]!.click!({} as never, undefined, {} as never);
    expect(act.openNotifications).toHaveBeenCalledTimes(1);
    menu[3]!.click!({} as never, undefined, {} as never);
    expect(act.openSkill).toHaveBeenCalledWith('custom-stretching-reminder');
    expect(act.open).not.toHaveBeenCalled();
  });

  it('lists the next three scheduled runs the engine picked, each opening its skill', () => {
    const act = actions();
    const store = openFoundryStore(tempDir());
    const state = readTrayState(store, 'en-GB', [
      { scheduleId: 1, skillSlug: 'custom-meds-reminder', skillName: 'Meds Reminder', action: 'remind', at: '2026-12-08T08:00:00.000Z' },
    ]);
    store.close();
    expect(state.nextRuns).toHaveLength(1);
    expect(state.nextRuns[0]!.label).toMatch(/08:00 {2}Meds Reminder: remind$/);
    const menu = trayMenuTemplate({ locale: 'en', pendingReviews: 0, ...quiet, nextRuns: state.nextRuns }, act);
    expect(labels(menu).slice(3, 6)).toEqual(['—', 'Next scheduled runs:', `  ${state.nextRuns[0]!.label}`]);
    menu[5]!.click!({} as never, undefined, {} as never);
    expect(act.openSkill).toHaveBeenCalledWith('custom-meds-reminder');
  });

  it.each([
    ['system', 'pl-PL', 'pl'],
    ['system', 'pl', 'pl'],
    ['system', 'en-GB', 'en'],
    ['system', 'de-DE', 'en'],
    ['en', 'pl-PL', 'en'],
    ['pl', 'en-US', 'pl'],
  ] as const)('language setting %s with system locale %s → %s', (setting, system, expected) => {
    expect(resolveLocale(setting, system)).toBe(expected);
  });
});

describe('tray state from the store', () => {
  it('counts pending reviews and follows the language setting', () => {
    const store = openFoundryStore(tempDir());
    try {
      expect(readTrayState(store, 'pl-PL')).toEqual({ locale: 'pl', pendingReviews: 0, waitingConsents: 0, unreadNotifications: 0, latestNotifications: [], nextRuns: [] });
      addPendingVersions(store.db, 2);
      store.settings.update({ language: 'en' });
      expect(readTrayState(store, 'pl-PL')).toEqual({ locale: 'en', pendingReviews: 2, waitingConsents: 0, unreadNotifications: 0, latestNotifications: [], nextRuns: [] });
    } finally {
      store.close();
    }
  });
});

describe('tray icon', () => {
  let state: TrayState;
  const icon = {} as NativeImage;
  beforeEach(() => {
    vi.useFakeTimers();
    state = { locale: 'en', pendingReviews: 1, waitingConsents: 0, unreadNotifications: 0, latestNotifications: [], nextRuns: [] };
  });
  afterEach(() => vi.useRealTimers());

  it('shows the count in its menu and tooltip, refreshes every 30 s and on demand', () => {
    const tray = createTray(icon, () => state, { open: vi.fn(), openNotifications: vi.fn(), openSkill: vi.fn(), quit: vi.fn() });
    const shown = Tray.created[0]!;
    expect(shown.tooltip).toBe('Skill Foundry — pending reviews: 1');
    expect(shown.title).toBe('1');
    expect(labels(shown.menu!.items)[1]).toBe('Pending reviews: 1');

    state = { ...state, locale: 'en', pendingReviews: 4 };
    vi.advanceTimersByTime(TRAY_REFRESH_MS);
    expect(labels(shown.menu!.items)[1]).toBe('Pending reviews: 4');

    state = { ...state, locale: 'pl', pendingReviews: 4 };
    tray.refresh();
    expect(shown.tooltip).toBe('Skill Foundry — oczekujące przeglądy: 4');
    expect(labels(shown.menu!.items)[0]).toBe('Otwórz Skill Foundry');
    tray.destroy();
  });

  it('rebuilds the menu only when what it shows changed', () => {
    const tray = createTray(icon, () => state, { open: vi.fn(), openNotifications: vi.fn(), openSkill: vi.fn(), quit: vi.fn() });
    vi.advanceTimersByTime(TRAY_REFRESH_MS * 3);
    tray.refresh();
    expect(Tray.created[0]!.menuBuilds).toBe(1);
    tray.destroy();
  });

  it('opens the window on click and stops refreshing once destroyed', () => {
    const open = vi.fn();
    const readState = vi.fn(() => state);
    const tray = createTray(icon, readState, { open, openNotifications: vi.fn(), openSkill: vi.fn(), quit: vi.fn() });
    Tray.created[0]!.emit('click');
    expect(open).toHaveBeenCalledTimes(1);
    tray.destroy();
    expect(Tray.created[0]!.destroyed).toBe(true);
    readState.mockClear();
    vi.advanceTimersByTime(TRAY_REFRESH_MS * 2);
    expect(readState).not.toHaveBeenCalled();
  });
});

describe('closing the window', () => {
  it('hides it and keeps the app in the tray', () => {
    const window = new FakeWindow({});
    window.visible = true;
    keepRunningInTray(window as unknown as BrowserWindow);
    expect(window.userClose()).toBe(false);
    expect(window.hide).toHaveBeenCalled();
    expect(window.visible).toBe(false);
  });

  it('really closes it when the app is quitting', () => {
    const window = new FakeWindow({});
    keepRunningInTray(window as unknown as BrowserWindow);
    app.quit();
    expect(window.userClose()).toBe(true);
    expect(window.hide).not.toHaveBeenCalled();
  });
});
