import { app, type BrowserWindow } from 'electron';

/** Closing the window only hides it (the app lives on in the tray); a real quit closes it. */
export function keepRunningInTray(window: BrowserWindow): void {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    window.hide();
  });
}
