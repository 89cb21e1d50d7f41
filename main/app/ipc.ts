import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, IPC_PREFIX, ipcChannel } from '../../shared/contract/methods.ts';
import type { ApiResult } from '../../shared/contract/records.ts';
import type { Dispatch } from '../control/dispatcher.ts';
import { TEXTS } from './texts.ts';

/** Why a message's sender is refused, or null when it is the app's own page in the review window's top frame. */
export type SenderCheck = (event: IpcMainInvokeEvent) => string | null;

export function appPageSenderCheck(window: BrowserWindow, isAppPage: (url: string) => boolean): SenderCheck {
  return (event) => {
    if (window.isDestroyed() || event.sender.id !== window.webContents.id) return 'not the review window';
    const frame = event.senderFrame;
    if (!frame) return 'the sending frame is gone';
    const top = window.webContents.mainFrame;
    if (frame.parent !== null || frame.processId !== top.processId || frame.routingId !== top.routingId) {
      return 'not the top frame';
    }
    if (!isAppPage(frame.url)) return "not the app's own page";
    return null;
  };
}

export type IpcRoute = (event: IpcMainInvokeEvent, method: string, request: unknown) => Promise<ApiResult<unknown>>;

/**
 * Checks the sender, then hands the request to the dispatcher, which validates it against the
 * contract (an unknown method or malformed request is refused there). A refusal is logged by
 * channel and reason only: payloads can hold secrets.
 */
export function createIpcRoute(dispatch: Dispatch, checkSender: SenderCheck, log: (line: string) => void = console.warn): IpcRoute {
  return async (event, method, request) => {
    const problem = checkSender(event);
    if (problem) {
      log(`[foundry] refused IPC ${JSON.stringify(IPC_PREFIX + method.slice(0, 80))}: ${problem}`);
      return { ok: false, error: { code: 'forbidden', message: TEXTS.forbiddenSender } };
    }
    return dispatch(method, request);
  };
}

/**
 * One ipcMain.handle per contract method. Any other channel has no handler, so Electron itself
 * answers the renderer's invoke with an error and nothing in main runs.
 */
export function registerIpc(route: IpcRoute): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event, request: unknown) => route(event, method, request));
  }
}
