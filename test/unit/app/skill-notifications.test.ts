// A skill's notification through the app layer, on the fake Electron and a real store and sandbox:
// it shows as a system notification, the tray counts it, and a click opens the window on the skill.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNodeLauncher } from '../../../main/skills/sandbox/process-launcher.ts';
import { loadIntegrityKey } from '../../../main/skills/approval/integrity-key-file.ts';
import { createSafeStorageBox } from '../../../main/app/safe-storage-box.ts';
import { ipcChannel } from '../../../shared/contract/methods.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openFlow } from '../registry/flow-fixtures.ts';
import { approvedReminder } from '../notifications/reminder-fixtures.ts';
import { quitApp, startApp } from './start-app.ts';

vi.mock('electron', () => import('./fake-electron.ts'));
// The fake app root has no built sandbox host: skills run in the host the engine forks from source.
vi.mock('../../../main/app/sandbox-launcher.ts', () => ({ createAppSandboxLauncher: () => createNodeLauncher() }));

const tempDir = useTempDir();
let running: Awaited<ReturnType<typeof startApp>> | null = null;
afterEach(() => {
  if (running) quitApp(running);
  running = null;
  vi.unstubAllEnvs();
});

async function start(dataDir: string) {
  vi.stubEnv('FOUNDRY_DATA_DIR', '');
  running = await startApp((e) => {
    e.app.userData = dataDir;
  });
  return running;
}

describe('a skill’s notification in the app', () => {
  it('shows as a system notification, is counted in the tray, and a click opens the window on the skill — approving nothing', async () => {
    const dataDir = tempDir();
    // First start: the app seals its integrity key with the keychain. The owner then approves a
    // reminder (both factors, sealed with that key) and adds one that is already due.
    await start(dataDir);
    quitApp(running!);
    running = null;
    const flow = await openFlow(dataDir, await loadIntegrityKey(dataDir, await createSafeStorageBox()));
    flow.clock.set(Date.now());
    const { slug, name } = await approvedReminder(flow);
    await flow.service.execute('owner', slug, 'add_reminder', { title: 'Stand up and stretch', due_at: new Date(Date.now() - 60_000).toISOString() });
    await flow.close();

    const electron = await start(dataDir);
    const window = electron.BrowserWindow.created[0]!;
    const tray = electron.Tray.created[0]!;
    const sender = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const ran = await electron.ipcMain.invoke(ipcChannel('skills.run'), sender, { slug, action: 'notify_due', params: {} });
    expect(ran).toMatchObject({ ok: true, value: { outcome: { result: { success: true, data: { notified: 1 } } } } });

    const shown = electron.Notification.shown.at(-1)!;
    expect(shown.options.body).toBe('Stand up and stretch');
    expect(tray.menu!.items.map((item) => item.label)).toContain('Unread notifications: 1');
    expect(tray.menu!.items.map((item) => item.label)).toContain(`  ${name}: ${shown.options.title}`);

    window.hide();
    const versionsBefore = await electron.ipcMain.invoke(ipcChannel('versions.list'), sender, { slug });
    shown.emit('click');
    expect(window.visible).toBe(true);
    expect(window.webContents.executeJavaScript).toHaveBeenCalledWith(`location.hash = "#skills/${slug}";`);
    expect(await electron.ipcMain.invoke(ipcChannel('versions.list'), sender, { slug })).toEqual(versionsBefore);
  });
});
