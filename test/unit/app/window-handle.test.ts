import { describe, expect, it, vi } from 'vitest';
import { nativeWindowHandle } from '../../../main/app/window.ts';
import type { BrowserWindow } from 'electron';

vi.mock('electron', () => import('./fake-electron.ts'));

const windowWith = (handle: Buffer, destroyed = false) =>
  ({ isDestroyed: () => destroyed, getNativeWindowHandle: () => handle }) as unknown as BrowserWindow;

describe("the review window's native handle (owner of the Windows Hello prompt)", () => {
  it('reads a 64-bit HWND as a decimal string', () => {
    const handle = Buffer.alloc(8);
    handle.writeBigUInt64LE(0x40a2en);
    expect(nativeWindowHandle(windowWith(handle))).toBe(String(0x40a2e));
  });

  it('reads a 32-bit handle, and answers null once the window is gone', () => {
    const handle = Buffer.alloc(4);
    handle.writeUInt32LE(77);
    expect(nativeWindowHandle(windowWith(handle))).toBe('77');
    expect(nativeWindowHandle(windowWith(handle, true))).toBeNull();
  });
});
