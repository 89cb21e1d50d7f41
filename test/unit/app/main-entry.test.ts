// The main entry (main/index.ts) as `electron .` runs it, on a fake Electron and a real store.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE, openFoundryStore } from '../../../main/store/index.ts';
import { ipcChannel } from '../../../shared/contract/methods.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { addPendingVersions } from './pending-versions.ts';
import { quitApp, startApp } from './start-app.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const tempDir = useTempDir();
let running: Awaited<ReturnType<typeof startApp>> | null = null;

afterEach(() => {
  if (running) quitApp(running);
  running = null;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function start(options: { dataDir?: string; locale?: string; hasLock?: boolean; prepare?: (electron: Awaited<ReturnType<typeof startApp>>) => void } = {}) {
  vi.stubEnv('FOUNDRY_DATA_DIR', '');
  const dataDir = options.dataDir ?? tempDir();
  const electron = await startApp((e) => {
    e.app.userData = dataDir;
    e.app.locale = options.locale ?? 'en-US';
    e.app.hasLock = options.hasLock ?? true;
    options.prepare?.(e);
  });
  running = electron;
  return { electron, dataDir, window: electron.BrowserWindow.created[0], tray: electron.Tray.created[0] };
}

const menuLabels = (tray: { menu: { items: { label?: string }[] } | null }) => tray.menu!.items.map((item) => item.label);

const fromWindow = (window: { webContents: { mainFrame: unknown } }) => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });

describe('main entry', () => {
  it("seals the owner's secrets with the OS keychain: the API token is never stored in plain text", async () => {
    const { electron, dataDir, window } = await start();
    const rotated = (await electron.ipcMain.invoke(ipcChannel('apiToken.rotate'), fromWindow(window!), {})) as { ok: boolean };
    expect(rotated).toMatchObject({ ok: true });
    const revealed = (await electron.ipcMain.invoke(ipcChannel('apiToken.reveal'), fromWindow(window!), {})) as { ok: true; value: { token: string } };
    const token = revealed.value.token;
    expect(token.length).toBeGreaterThan(20);
    expect(electron.safeStorage.encryptStringAsync).toHaveBeenCalledWith(token);
    quitApp(running!);
    running = null;
    expect(fs.readFileSync(path.join(dataDir, DATABASE_FILE)).includes(Buffer.from(token))).toBe(false);
  });

  it('keeps the key that seals approvals and the audit log sealed by the OS keychain, beside the store', async () => {
    const { dataDir } = await start();
    const keyFile = JSON.parse(fs.readFileSync(path.join(dataDir, 'integrity-key.json'), 'utf8')) as { kind: string; sealed: string };
    expect(keyFile.kind).toBe('electron-safe-storage');
    const sealed = Buffer.from(keyFile.sealed, 'base64');
    expect(sealed.toString('latin1')).not.toContain('keychain:');
  });

  it('on Linux without a keyring it runs, but refuses to store secrets and says why', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { electron, window } = await start({ prepare: (e) => (e.safeStorage.backend = 'basic_text') });
    const refused = (await electron.ipcMain.invoke(ipcChannel('apiToken.rotate'), fromWindow(window!), {})) as { ok: false; error: { message: { en: string } } };
    expect(refused.ok).toBe(false);
    expect(electron.safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    expect(window).toBeDefined();
  });

  it('files its notifications under the appId on Windows, so they show', async () => {
    vi.spyOn(process, 'platform', 'get').mockReturnValue('win32');
    const { electron } = await start();
    expect(electron.app.setAppUserModelId).toHaveBeenCalledExactlyOnceWith('dev.skillfoundry.app');
  });

  it('checks the sandbox runtime at start; when it cannot run skills the window still opens and says why', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { electron, window } = await start();
    // The fake app root has no built sandbox host, so its start-up check fails.
    await vi.waitFor(async () => {
      const info = (await electron.ipcMain.invoke(ipcChannel('app.info'), fromWindow(window!), {})) as { value: { sandbox: { state: string } } };
      expect(info.value.sandbox.state).toBe('failed');
    });
    const info = (await electron.ipcMain.invoke(ipcChannel('app.info'), fromWindow(window!), {})) as { value: { sandbox: { problem: { en: string; pl: string } } } };
    expect(info.value.sandbox.problem.en).toContain('The sandbox did not pass its start-up check');
    expect(info.value.sandbox.problem.pl).toContain('Piaskownica nie przeszła kontroli startowej');
    expect(window).toBeDefined();
  });

  it("opens the store in Electron's userData, the window and the tray", async () => {
    const { dataDir, window, tray } = await start();
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);
    expect(window).toBeDefined();
    expect(menuLabels(tray!)).toEqual(['Open Skill Foundry', 'Pending reviews: 0', 'Unread notifications: 0', undefined, 'Quit']);
  });

  it('prefers FOUNDRY_DATA_DIR over userData', async () => {
    const override = tempDir();
    const { dataDir } = await start();
    quitApp(running!);
    vi.stubEnv('FOUNDRY_DATA_DIR', override);
    running = await startApp((e) => {
      e.app.userData = dataDir;
    });
    expect(fs.existsSync(path.join(override, DATABASE_FILE))).toBe(true);
  });

  it('leaves at once when another instance holds the lock, touching nothing', async () => {
    const { electron, dataDir } = await start({ hasLock: false });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.created).toHaveLength(0);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    running = null;
  });

  it('brings the window forward when a second instance starts', async () => {
    const { electron, window } = await start();
    window!.minimized = true;
    window!.hide();
    electron.app.emit('second-instance');
    expect(window!.restore).toHaveBeenCalled();
    expect(window!.visible).toBe(true);
    expect(window!.focus).toHaveBeenCalled();
  });

  it('keeps running in the tray when the window is closed, and quits from the tray menu', async () => {
    const { electron, window, tray } = await start();
    window!.show();
    expect(window!.userClose()).toBe(false);
    expect(window!.visible).toBe(false);

    tray!.menu!.items[0]!.click!();
    expect(window!.visible).toBe(true);

    tray!.menu!.items[4]!.click!();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(window!.userClose()).toBe(true);
  });

  it('shows the pending count in the language of the settings, refreshed when the window gains focus', async () => {
    const dataDir = tempDir();
    const seeded = openFoundryStore(dataDir);
    addPendingVersions(seeded.db, 2);
    seeded.close();
    const { window, tray } = await start({ dataDir, locale: 'pl-PL' });
    expect(menuLabels(tray!)).toEqual(['Otwórz Skill Foundry', 'Oczekujące przeglądy: 2', 'Nieprzeczytane powiadomienia: 0', undefined, 'Zakończ']);

    const other = openFoundryStore(dataDir);
    other.settings.update({ language: 'en' });
    other.close();
    window!.emit('focus');
    expect(menuLabels(tray!)).toEqual(['Open Skill Foundry', 'Pending reviews: 2', 'Unread notifications: 0', undefined, 'Quit']);
  });

  it.each([
    ['pl-PL', 'pl', 'Plik bazy danych jest uszkodzony', 'Nie można uruchomić Skill Foundry'],
    ['en-US', 'en', 'The database file is damaged', 'Skill Foundry cannot start'],
  ])('explains a damaged store in the system language (%s) and quits without touching the file', async (locale, _lang, message, title) => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE);
    const garbage = Buffer.from('SQLite format 3\0'.padEnd(4096, 'x'), 'latin1');
    fs.writeFileSync(file, garbage);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { electron } = await start({ dataDir, locale });
    expect(logged).toHaveBeenCalled();
    running = null;

    expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [shownTitle, shownMessage] = electron.dialog.showErrorBox.mock.calls[0]!;
    expect(shownTitle).toBe(title);
    expect(shownMessage).toContain(message);
    expect(shownMessage).toContain(file);
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.BrowserWindow.created).toHaveLength(0);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    // Nothing beside it either, but the keychain-sealed integrity key, which belongs to the folder, not to the file.
    expect(fs.readdirSync(dataDir).sort()).toEqual([DATABASE_FILE, 'integrity-key.json']);
  });

  it('refuses a store written by a newer version, in Polish when the system speaks Polish', async () => {
    const dataDir = tempDir();
    const newer = openFoundryStore(dataDir);
    newer.db.pragma('user_version = 999');
    newer.close();
    const before = fs.readFileSync(path.join(dataDir, DATABASE_FILE));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { electron } = await start({ dataDir, locale: 'pl' });
    running = null;
    expect(electron.dialog.showErrorBox.mock.calls[0]![1]).toContain('Bazę zapisała nowsza wersja Skill Foundry');
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(fs.readFileSync(path.join(dataDir, DATABASE_FILE)).equals(before)).toBe(true);
  });

  it('explains a data folder that cannot even be created, and quits', async () => {
    const notAFolder = path.join(tempDir(), 'occupied');
    fs.writeFileSync(notAFolder, 'a file, not a folder');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { electron } = await start({ dataDir: notAFolder });
    running = null;
    expect(electron.dialog.showErrorBox.mock.calls[0]![1]).toMatch(/^The app could not open its data: .*occupied/);
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(fs.readFileSync(notAFolder, 'utf8')).toBe('a file, not a folder');
  });
});
