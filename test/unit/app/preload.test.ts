// The preload is the renderer's only door to main: exactly one object, made of the contract's methods.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannel } from '../../../shared/contract/methods.ts';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

type Exposed = Record<string, Record<string, (request?: unknown) => Promise<unknown>>>;
let foundry: Exposed;
let exposeCalls: number;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../preload/index.ts');
  foundry = contextBridge.exposed.foundry as Exposed;
  // Vitest clears mock calls before each test, so the count is taken here.
  exposeCalls = contextBridge.exposeInMainWorld.mock.calls.length;
});

describe('preload', () => {
  it('exposes exactly one key, foundry, once', () => {
    expect(exposeCalls).toBe(1);
    expect(Object.keys(contextBridge.exposed)).toEqual(['foundry']);
  });

  it("offers exactly the contract's methods, grouped as in the contract", () => {
    const offered = Object.entries(foundry).flatMap(([group, methods]) => Object.keys(methods).map((name) => `${group}.${name}`));
    expect(offered.sort()).toEqual([...API_METHODS].sort());
  });

  it.each(API_METHODS)('%s invokes its own channel with the request', async (method) => {
    const [group, name] = method.split('.') as [string, string];
    const request = { probe: method };
    await expect(foundry[group]![name]!(request)).resolves.toEqual({ ok: true, value: { channel: ipcChannel(method), request } });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel(method), request);
  });

  it('sends an empty request when called without one', async () => {
    await foundry.skills!.list!();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannel('skills.list'), {});
  });

  it('lets nothing but plain functions through: no ipcRenderer, no send/on, no Electron object', () => {
    for (const group of Object.values(foundry)) {
      expect(Object.getPrototypeOf(group)).toBe(Object.prototype);
      for (const value of Object.values(group)) {
        expect(typeof value).toBe('function');
        expect(value).not.toBe(ipcRenderer.invoke);
        expect(Object.keys(value)).toEqual([]);
      }
    }
    const everything = JSON.stringify(Object.keys(foundry)) + JSON.stringify(Object.values(foundry).map((group) => Object.keys(group)));
    expect(everything).not.toMatch(/ipcRenderer|invoke|send|\bon\b|require|process/);
  });
});
