// The Electron main process: one instance, the engine on the owner's store, the review window,
// the IPC router and the tray. Everything Electron-specific lives in main/app/.
import { app, dialog, session, type BrowserWindow } from 'electron';
import { appFiles, isRendererPage, type AppFiles } from './app/paths.ts';
import { applyPermissionPolicy, enforceContentSecurityPolicy, guardAllWebContents } from './app/security.ts';
import { createMainWindow, nativeWindowHandle, revealWindow } from './app/window.ts';
import { keepRunningInTray } from './app/close-to-tray.ts';
import { appPageSenderCheck, createIpcRoute, registerIpc } from './app/ipc.ts';
import { createTray, readTrayState } from './app/tray.ts';
import { trayIcon } from './app/tray-icon.ts';
import { openEngineOrExplain, ownerLocale } from './app/open-engine.ts';
import { createOwnerNotifier } from './app/owner-notifications.ts';
import { openWindowAt } from './app/window-location.ts';
import { NOTIFICATIONS_LOCATION, skillLocation } from '../shared/contract/window-location.ts';
import { startAppLocalApi } from './app/local-api.ts';
import type { OwnerNotice } from './skills/service.ts';
import { resolveLocale, TEXTS } from './app/texts.ts';
import { APP_USER_MODEL_ID } from './app/app-identity.ts';

app.enableSandbox();
// Windows shows a desktop app's notifications only under its AppUserModelID (the installer's appId).
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

if (app.requestSingleInstanceLock()) {
  const files = appFiles(app.getAppPath());
  const isAppPage = (url: string) => isRendererPage(url, files.rendererIndex);
  guardAllWebContents(isAppPage);
  app.whenReady()
    .then(() => start(files, isAppPage))
    .catch((error: unknown) => {
      console.error('[foundry] startup failed:', error);
      const locale = resolveLocale('system', app.getLocale());
      dialog.showErrorBox(TEXTS.startupFailedTitle[locale], TEXTS.startupFailed(error)[locale]);
      app.exit(1);
    });
} else {
  // Another instance is running: it brings its window forward ('second-instance') and this one leaves.
  app.quit();
}

async function start(files: AppFiles, isAppPage: (url: string) => boolean): Promise<void> {
  // Notices can only be shown once the window and tray exist; until then there is nothing to tell.
  let onOwnerNotice: (notice: OwnerNotice) => void = () => {};
  // The Windows Hello prompt belongs to the review window, which exists only after the engine opens.
  let ownerWindow: BrowserWindow | null = null;
  const engine = await openEngineOrExplain(files, (notice) => onOwnerNotice(notice), () => (ownerWindow ? nativeWindowHandle(ownerWindow) : null));
  if (!engine) {
    app.exit(1);
    return;
  }
  applyPermissionPolicy(session.defaultSession, isAppPage);
  enforceContentSecurityPolicy(session.defaultSession);

  const window = createMainWindow(files);
  ownerWindow = window;
  keepRunningInTray(window);
  registerIpc(createIpcRoute(engine.dispatch, appPageSenderCheck(window, isAppPage)));

  const show = () => revealWindow(window);
  const showSkill = (slug: string) => openWindowAt(window, skillLocation(slug));
  const tray = createTray(trayIcon(), () => readTrayState(engine.store, app.getLocale(), engine.service.upcomingRuns('owner', 3)), {
    open: show,
    openNotifications: () => openWindowAt(window, NOTIFICATIONS_LOCATION),
    openSkill: showSkill,
    quit: () => app.quit(),
  });
  window.on('focus', tray.refresh);
  const notify = createOwnerNotifier(() => ownerLocale(engine), { window: show, skill: showSkill });
  onOwnerNotice = (notice) => {
    tray.refresh();
    notify(notice);
  };
  // Pending versions expire after 24 h and idle skills are archived: now, and every minute.
  engine.startMaintenance();
  // Schedules fire from now on (the same engine code as `foundry serve`; one firing per due time).
  engine.startSchedules();
  // Revocations applied (and, with autoUpdate, new versions queued for review) while the app runs.
  engine.startMarketChecks();
  // The sandbox's runtime is checked and its host started now, so Settings and the window can say
  // at once whether skills can run; a failure refuses only running, never the app.
  void engine.skills.sandbox.start().then((status) => {
    if (status.state === 'failed') console.error('[foundry] skills cannot run:', status.problem?.en);
  });
  const api = await startAppLocalApi(engine, process.env);
  app.on('second-instance', show);
  app.on('activate', show);
  app.on('will-quit', () => {
    tray.destroy();
    void api?.close();
    void engine.close();
  });
}
