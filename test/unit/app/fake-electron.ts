// A stand-in for the `electron` module (no Electron binary exists here), behaving like Electron
// where the app relies on it: windows create web contents and announce them on `app`, ipcMain
// answers only registered channels, sessions keep the handlers they are given.
// Use: vi.mock('electron', () => import('./fake-electron.ts'))
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

export const APP_ROOT = '/Applications/Skill Foundry.app/Contents/Resources/app.asar';

/** An Electron event: listeners may cancel it; `url` and friends ride along as in Electron's Event<Params>. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(props: Record<string, unknown> = {}) {
    Object.assign(this, props);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: FakeFrame = { url: '', processId: 40 + this.id, routingId: 1, parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  /** Scripts main ran in the page, in order (e.g. following a notification to a skill). */
  executeJavaScript = vi.fn(async (_code: string) => undefined);

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** Fires `event` the way Chromium does before a navigation; answers whether it would go ahead. */
  attempt(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
    const details = new FakeEvent({ url });
    this.emit(event, details, url);
    return !details.defaultPrevented;
  }

  subframe(url: string): FakeFrame {
    return { url, processId: this.mainFrame.processId, routingId: 7, parent: this.mainFrame };
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  visible = false;
  minimized = false;
  destroyed = false;
  loadFile = vi.fn(async (file: string) => {
    this.webContents.mainFrame.url = pathToFileURL(file).href;
  });
  loadURL = vi.fn(async () => {});
  show = vi.fn(() => {
    this.visible = true;
  });
  hide = vi.fn(() => {
    this.visible = false;
  });
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.created.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  /** The user clicks the close button; answers whether the window really closed. */
  userClose(): boolean {
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroyed = true;
    return this.destroyed;
  }
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  locale: 'en-US',
  userData: '/tmp/skill-foundry-userdata',
  getLocale(): string {
    return app.locale;
  },
  getAppPath: () => APP_ROOT,
  getPath: (name: string) => (name === 'userData' ? app.userData : `/tmp/${name}`),
  hasLock: true,
  requestSingleInstanceLock: vi.fn(() => app.hasLock),
  whenReady: () => Promise.resolve(),
  enableSandbox: vi.fn(),
  setAppUserModelId: vi.fn(),
  quit: vi.fn(() => {
    app.emit('before-quit', new FakeEvent());
  }),
  exit: vi.fn(),
});

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
const invokeHandlers = new Map<string, InvokeHandler>();

export const ipcMain = {
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    invokeHandlers.set(channel, handler);
  }),
  channels: () => [...invokeHandlers.keys()],
  /** What the renderer's ipcRenderer.invoke gets back; Electron's own answer for an unregistered channel. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = invokeHandlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    return handler(event, ...args);
  },
};

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type DevicePermissionHandler = (details: unknown) => boolean;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: DevicePermissionHandler | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
    this.devicePermissionHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export interface FakeMenuItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
}

export const Menu = {
  buildFromTemplate: (template: FakeMenuItem[]) => ({ items: template }),
};

export class Tray extends EventEmitter {
  static created: Tray[] = [];
  tooltip = '';
  title = '';
  menu: { items: FakeMenuItem[] } | null = null;
  menuBuilds = 0;
  destroyed = false;
  readonly image: unknown;
  constructor(image: unknown) {
    super();
    this.image = image;
    Tray.created.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setTitle(text: string): void {
    this.title = text;
  }
  setContextMenu(menu: { items: FakeMenuItem[] }): void {
    this.menu = menu;
    this.menuBuilds++;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export const nativeImage = {
  createFromDataURL: (dataURL: string) => ({ dataURL, representations: [] as unknown[], addRepresentation(r: unknown) { this.representations.push(r); } }),
};

export const nativeTheme = { shouldUseDarkColors: false };

export const dialog = { showErrorBox: vi.fn() };

/**
 * The OS keychain: seals with a key only this fake knows (so sealed secrets never hold the plain
 * text), on the backend a test chooses; 'basic_text' is Linux without a keyring.
 */
const KEYCHAIN_KEY = 0x5a;
const seal = (text: string) => Buffer.from(Buffer.from(`keychain:${text}`, 'utf8').map((byte) => byte ^ KEYCHAIN_KEY));
export const safeStorage = {
  backend: 'gnome_libsecret' as string,
  available: true,
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  isAsyncEncryptionAvailable: vi.fn(async () => safeStorage.available),
  encryptStringAsync: vi.fn(async (plain: string) => seal(plain)),
  decryptStringAsync: vi.fn(async (data: Buffer) => {
    const text = Buffer.from(data.map((byte) => byte ^ KEYCHAIN_KEY)).toString('utf8');
    if (!text.startsWith('keychain:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: text.slice('keychain:'.length), shouldReEncrypt: false };
  }),
};

export const systemPreferences = {
  canPromptTouchID: vi.fn(() => false),
  promptTouchID: vi.fn(async (_reason: string) => {}),
};

/** Desktop notifications; `shown` lists every one the app showed, newest last. */
export class Notification extends EventEmitter {
  static supported = true;
  static shown: Notification[] = [];
  static isSupported(): boolean {
    return Notification.supported;
  }
  readonly options: { title: string; body: string };
  constructor(options: { title: string; body: string }) {
    super();
    this.options = options;
  }
  show(): void {
    Notification.shown.push(this);
  }
}
export const shell = { openExternal: vi.fn() };

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed[key] = api;
  }),
};

export const ipcRenderer = { invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })) };

/** Back to a freshly started Electron: no windows, listeners, handlers or recorded calls. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  app.removeAllListeners();
  app.isPackaged = false;
  app.hasLock = true;
  app.locale = 'en-US';
  nativeTheme.shouldUseDarkColors = false;
  invokeHandlers.clear();
  BrowserWindow.created = [];
  Tray.created = [];
  session.defaultSession = new FakeSession();
  contextBridge.exposed = {};
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.available = true;
  Notification.supported = true;
  Notification.shown = [];
}
