import { vi } from 'vitest';
import type * as FakeElectronModule from './fake-electron.ts';

type FakeElectron = typeof FakeElectronModule;

/**
 * Starts the real main entry (main/index.ts) against a fresh fake Electron, as `electron .` would.
 * The calling test file must mock 'electron' with fake-electron.ts. `prepare` runs before the
 * entry, e.g. to pick the store folder or the system language.
 */
export async function startApp(prepare: (electron: FakeElectron) => void = () => {}): Promise<FakeElectron> {
  vi.resetModules();
  // The mocked module outlives resetModules, so its state is reset instead.
  const electron = (await import('electron')) as unknown as FakeElectron;
  electron.resetFakeElectron();
  prepare(electron);
  await import('../../../main/index.ts');
  await new Promise((resolve) => setImmediate(resolve));
  return electron;
}

/** Quits the started app so its store closes (emits what Electron emits on quit). */
export function quitApp(electron: FakeElectron): void {
  electron.app.quit();
  electron.app.emit('will-quit', new electron.FakeEvent());
}
