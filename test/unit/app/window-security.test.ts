// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
// item by item, against the real main entry started on a fake Electron.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannel } from '../../../shared/contract/methods.ts';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp.ts';
import { appFiles } from '../../../main/app/paths.ts';
import { secureWindowOptions } from '../../../main/app/window.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { quitApp, startApp } from './start-app.ts';
import type { FakeWebContents } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const tempDir = useTempDir();
const projectRoot = path.resolve(import.meta.dirname, '../../..');

let electron: Awaited<ReturnType<typeof startApp>>;
let window: InstanceType<typeof electron.BrowserWindow>;
let contents: FakeWebContents;
const files = () => appFiles(electron.APP_ROOT);
const appUrl = () => pathToFileURL(files().rendererIndex).href;

beforeEach(async () => {
  vi.stubEnv('FOUNDRY_DATA_DIR', '');
  electron = await startApp((e) => {
    e.app.userData = tempDir();
  });
  expect(electron.BrowserWindow.created).toHaveLength(1);
  window = electron.BrowserWindow.created[0]!;
  contents = window.webContents;
});

afterEach(() => {
  quitApp(electron);
  vi.unstubAllEnvs();
});

const preferences = () => window.options.webPreferences as Record<string, unknown>;

describe("Electron's security checklist", () => {
  it('1 · only secure content: the window loads the packaged renderer file, never a URL', () => {
    expect(window.loadFile).toHaveBeenCalledExactlyOnceWith(path.join(electron.APP_ROOT, 'out', 'renderer', 'index.html'));
    expect(window.loadURL).not.toHaveBeenCalled();
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-/);
  });

  it('2 · no Node.js integration in the page, its workers or its frames', () => {
    expect(preferences()).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('3 · context isolation is on', () => {
    expect(preferences().contextIsolation).toBe(true);
  });

  it('4 · process sandboxing: the window and every other renderer are sandboxed', () => {
    expect(preferences().sandbox).toBe(true);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
  });

  it('5 · permission requests: every request, check and device request is refused', () => {
    const ses = electron.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const answer = vi.fn();
      ses.permissionRequestHandler!(contents, permission, answer, { requestingUrl: appUrl(), isMainFrame: true });
      expect(answer).toHaveBeenCalledExactlyOnceWith(false);
      expect(ses.permissionCheckHandler!(contents, permission, 'file:///', { requestingUrl: appUrl(), isMainFrame: true })).toBe(false);
    }
    expect(ses.devicePermissionHandler!({ deviceType: 'usb', origin: 'file:///' })).toBe(false);
  });

  it('5 · …except a sanitized clipboard write by the app page itself, so "Copy token" copies', () => {
    const ses = electron.session.defaultSession;
    const request = (details: Record<string, unknown>) => {
      const answer = vi.fn();
      ses.permissionRequestHandler!(contents, 'clipboard-sanitized-write', answer, details);
      return answer.mock.calls[0]?.[0] as boolean;
    };
    expect(request({ requestingUrl: `${appUrl()}#/settings`, isMainFrame: true })).toBe(true);
    expect(ses.permissionCheckHandler!(contents, 'clipboard-sanitized-write', 'file:///', { requestingUrl: appUrl(), isMainFrame: true })).toBe(true);
    expect(request({ requestingUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(request({ requestingUrl: appUrl(), isMainFrame: false })).toBe(false);
    expect(request({})).toBe(false);
    expect(ses.permissionCheckHandler!(contents, 'clipboard-sanitized-write', 'file:///', { requestingUrl: 'file:///etc/passwd', isMainFrame: true })).toBe(false);
  });

  it('6 · webSecurity is not disabled', () => {
    expect(preferences().webSecurity).toBe(true);
  });

  it('7 · a Content Security Policy: strict, and added to every response the session gets', () => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toEqual([
      "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
      "connect-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "object-src 'none'",
    ]);
    const answer = vi.fn();
    electron.session.defaultSession.headersListener!(
      { url: 'https://evil.example/', responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['kept'] } },
      answer,
    );
    expect(answer).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'X-Other': ['kept'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('8 · allowRunningInsecureContent is off', () => {
    expect(preferences().allowRunningInsecureContent).toBe(false);
  });

  it('9 · no experimental features', () => {
    expect(preferences().experimentalFeatures).toBe(false);
  });

  it('10 · no enableBlinkFeatures', () => {
    expect(preferences()).not.toHaveProperty('enableBlinkFeatures');
  });

  it('11 · no <webview>: the tag is off and any attach attempt is cancelled', () => {
    expect(preferences().webviewTag).toBe(false);
    const attach = new electron.FakeEvent();
    contents.emit('will-attach-webview', attach, {}, { src: appUrl() });
    expect(attach.defaultPrevented).toBe(true);
  });

  it('12 · navigation: only to the app page itself; elsewhere (web, other files, redirects) is cancelled', () => {
    expect(contents.attempt('will-navigate', appUrl())).toBe(true);
    expect(contents.attempt('will-navigate', `${appUrl()}#/skills`)).toBe(true);
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(false);
    expect(contents.attempt('will-frame-navigate', 'https://evil.example/')).toBe(false);
    expect(contents.attempt('will-redirect', 'http://evil.example/')).toBe(false);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(contents.attempt('will-navigate', pathToFileURL(path.join(electron.APP_ROOT, 'out', 'renderer', 'other.html')).href)).toBe(false);
    expect(preferences().navigateOnDragDrop).toBe(false);
  });

  it('12 · navigation is locked for any other web contents the app might create too', () => {
    const other = new electron.FakeWebContents();
    electron.app.emit('web-contents-created', new electron.FakeEvent(), other);
    expect(other.attempt('will-navigate', 'https://evil.example/')).toBe(false);
    expect(other.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('13 · new windows: every window.open is denied', () => {
    for (const url of ['https://evil.example/', 'http://example.com/', appUrl(), 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('14 · no shell.openExternal with untrusted content: links from the page open nothing outside', () => {
    contents.windowOpenHandler!({ url: 'https://evil.example/' });
    contents.attempt('will-navigate', 'https://evil.example/');
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('15 · a current Electron: an exact pin of a supported major (45 or newer)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const pinned = pkg.devDependencies.electron!;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('16 · the sender of every IPC message is validated', async () => {
    const channel = ipcChannel('settings.get');
    const fromApp = await electron.ipcMain.invoke(channel, { sender: contents, senderFrame: contents.mainFrame }, {});
    expect(fromApp).toMatchObject({ ok: true });
    const fromSubframe = await electron.ipcMain.invoke(channel, { sender: contents, senderFrame: contents.subframe(appUrl()) }, {});
    expect(fromSubframe).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(electron.ipcMain.channels().sort()).toEqual(API_METHODS.map(ipcChannel).sort());
  });

  it('17 · file:// — the app serves exactly one file page and nothing else under file:// may load', () => {
    // A custom protocol would remove file:// privileges altogether; the app keeps the default
    // file:// handling because its module scripts need it, and pins every navigation to one file.
    expect(window.loadFile).toHaveBeenCalledTimes(1);
    expect(contents.attempt('will-navigate', pathToFileURL(path.join(electron.APP_ROOT, 'package.json')).href)).toBe(false);
    expect(contents.attempt('will-navigate', 'file://remote-host/share/index.html')).toBe(false);
  });

  it('18 · fuses: electron-builder flips them when packaging, and its own validator accepts the config', async () => {
    const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = await import('builder-util');
    const config = await getConfig(projectRoot, path.join(projectRoot, 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('19 · no Electron APIs reach the page: the preload exposes only window.foundry, made of functions', async () => {
    await import('../../../preload/index.ts');
    expect(Object.keys(electron.contextBridge.exposed)).toEqual(['foundry']);
    const leaves = Object.values(electron.contextBridge.exposed.foundry as Record<string, Record<string, unknown>>)
      .flatMap((group) => Object.values(group));
    expect(leaves.length).toBe(API_METHODS.length);
    expect(leaves.every((leaf) => typeof leaf === 'function' && leaf !== electron.ipcRenderer.invoke)).toBe(true);
  });

  it('devtools only in development, and the window stays hidden until painted', () => {
    expect(preferences().devTools).toBe(true);
    electron.app.isPackaged = true;
    expect(secureWindowOptions('/preload.cjs').webPreferences!.devTools).toBe(false);
    expect(window.options).toMatchObject({ title: 'Skill Foundry', show: false });
    expect(preferences().preload).toBe(files().preload);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });
});
