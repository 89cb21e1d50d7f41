import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir, APP_NAME } from '../../../main/store/data-dir.ts';

describe('data directory', () => {
  it('uses FOUNDRY_DATA_DIR when set, resolved to an absolute path', () => {
    expect(resolveDataDir({ FOUNDRY_DATA_DIR: 'rel/data' }, '/electron/userData')).toBe(path.resolve('rel/data'));
  });
  it('uses Electron’s userData in the app', () => {
    expect(resolveDataDir({}, '/electron/userData')).toBe('/electron/userData');
  });
  it('gives the CLI the same folder the app uses on this platform', () => {
    const dir = resolveDataDir({ XDG_CONFIG_HOME: '/home/u/.config', APPDATA: 'C:\\Users\\u\\AppData\\Roaming' });
    expect(path.basename(dir)).toBe(APP_NAME);
    if (process.platform === 'linux') expect(dir).toBe(path.join('/home/u/.config', APP_NAME));
  });
});
