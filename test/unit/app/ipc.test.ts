// The IPC router against a real engine on a temporary store: only the app's own page in the review
// window's top frame is heard, and every request still passes the contract's schema.
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, ipcChannel } from '../../../shared/contract/methods.ts';
import { openEngine, type Engine } from '../../../main/engine.ts';
import type { DispatchLog } from '../../../main/control/dispatcher.ts';
import { appFiles, isRendererPage } from '../../../main/app/paths.ts';
import { appPageSenderCheck, createIpcRoute, registerIpc } from '../../../main/app/ipc.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { APP_ROOT, BrowserWindow as FakeWindow, ipcMain, resetFakeElectron, type FakeFrame, type FakeWebContents } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const tempDir = useTempDir();
const files = appFiles(APP_ROOT);
const appUrl = pathToFileURL(files.rendererIndex).href;

let engine: Engine;
let window: FakeWindow;
let refusals: string[];
let dispatchLog: { [K in keyof DispatchLog]: Mock<DispatchLog[K]> };

beforeEach(async () => {
  resetFakeElectron();
  dispatchLog = { rejected: vi.fn<DispatchLog['rejected']>(), failed: vi.fn<DispatchLog['failed']>() };
  engine = openEngine({ dataDir: tempDir(), log: dispatchLog });
  window = new FakeWindow({});
  await window.loadFile(files.rendererIndex);
  refusals = [];
  const check = appPageSenderCheck(window as unknown as BrowserWindow, (url) => isRendererPage(url, files.rendererIndex));
  registerIpc(createIpcRoute(engine.dispatch, check, (line) => refusals.push(line)));
});

afterEach(() => engine.close());

function from(sender: FakeWebContents, senderFrame: FakeFrame | null): IpcMainInvokeEvent {
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent;
}
const fromApp = () => from(window.webContents, window.webContents.mainFrame);

/** What a caller could observe of the store: settings, the audit log and the counts. */
function storeState() {
  return {
    settings: engine.store.settings.get(),
    audit: engine.store.auditLog.page({ offset: 0, limit: 500 }).total,
    counts: engine.store.skills.counts(),
  };
}

describe('IPC router', () => {
  it('registers exactly one handler per contract method, on its channel', () => {
    expect(ipcMain.channels().sort()).toEqual(API_METHODS.map(ipcChannel).sort());
  });

  it('serves a valid call from the app page and it takes effect', async () => {
    const result = await ipcMain.invoke(ipcChannel('settings.update'), fromApp(), { language: 'pl' });
    expect(result).toEqual({ ok: true, value: { language: 'pl' } });
    expect(engine.store.settings.get().language).toBe('pl');
    const info = await ipcMain.invoke(ipcChannel('app.info'), fromApp(), {});
    expect(info).toMatchObject({ ok: true, value: { counts: { auditEntries: 1 } } });
  });

  it('serves the app page at any in-page route', async () => {
    window.webContents.mainFrame.url = `${appUrl}#/activity`;
    expect(await ipcMain.invoke(ipcChannel('settings.get'), fromApp(), {})).toMatchObject({ ok: true });
  });

  it.each([
    ['an unknown property', { language: 'pl', admin: true }],
    ['a value outside the contract', { language: 'de' }],
    ['an empty update', {}],
    ['no object at all', 'pl'],
    ['null', null],
  ])('refuses a malformed payload (%s) with bad-request and changes nothing', async (_case, payload) => {
    const before = storeState();
    const result = await ipcMain.invoke(ipcChannel('settings.update'), fromApp(), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(storeState()).toEqual(before);
    expect(dispatchLog.rejected).toHaveBeenCalledTimes(1);
  });

  const strangers: [string, () => IpcMainInvokeEvent][] = [
    ['a subframe of the app page', () => from(window.webContents, window.webContents.subframe(appUrl))],
    ['the top frame showing another page', () => {
      window.webContents.mainFrame.url = 'https://evil.example/';
      return fromApp();
    }],
    ['another file in the app', () => {
      window.webContents.mainFrame.url = pathToFileURL(`${APP_ROOT}/out/renderer/other.html`).href;
      return fromApp();
    }],
    ['another window showing the app page', () => {
      const other = new FakeWindow({});
      other.webContents.mainFrame.url = appUrl;
      return from(other.webContents, other.webContents.mainFrame);
    }],
    ['a frame that is already gone', () => from(window.webContents, null)],
  ];

  it.each(strangers)('refuses a message from %s with forbidden and changes nothing', async (_case, event) => {
    const before = storeState();
    const result = await ipcMain.invoke(ipcChannel('settings.update'), event(), { language: 'pl', secret: 'hunter2' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: {
          en: "Refused: the request did not come from the app's own window.",
          pl: 'Odmowa: żądanie nie pochodzi z okna aplikacji.',
        },
      },
    });
    expect(storeState()).toEqual(before);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain('foundry:settings.update');
    expect(refusals[0]).not.toContain('hunter2');
  });

  it('refuses everything once the window is gone', async () => {
    window.destroyed = true;
    expect(await ipcMain.invoke(ipcChannel('settings.get'), fromApp(), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers a method outside the contract with unknown-method, through the dispatcher', async () => {
    const route = createIpcRoute(engine.dispatch, () => null, () => {});
    const before = storeState();
    expect(await route(fromApp(), 'skills.delete', { slug: 'x' })).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await route(fromApp(), 'settings', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(storeState()).toEqual(before);
  });

  it('has no handler at all for a channel outside the contract, so Electron refuses the invoke itself', async () => {
    await expect(ipcMain.invoke('foundry:skills.delete', fromApp(), {})).rejects.toThrow(/No handler registered/);
  });
});
