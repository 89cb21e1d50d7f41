import { app, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';

/**
 * Nothing in the app needs a browser permission (camera, notifications, clipboard, USB, …), so
 * every request and check is answered "no".
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Adds the app's CSP to every response the session receives, replacing any the response brought.
 * Chromium fires no header event for file:// pages, which is why the renderer's index.html also
 * carries the same policy as a <meta>.
 */
export function enforceContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
}

/**
 * Keeps a web contents on the app's own page: navigations and redirects elsewhere are cancelled,
 * webviews are never attached, and no new window ever opens. Links are not handed to the OS
 * browser either: the page shows generated, untrusted text, and a link in it must not become a
 * way to launch things outside the app.
 */
export function guardWebContents(contents: WebContents, isAppPage: (url: string) => boolean): void {
  const stayOnAppPage = (event: { url: string; preventDefault(): void }) => {
    if (!isAppPage(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnAppPage);
  contents.on('will-frame-navigate', stayOnAppPage);
  contents.on('will-redirect', stayOnAppPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Guards every web contents the app ever creates, the review window's included. Call before creating windows. */
export function guardAllWebContents(isAppPage: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isAppPage));
}
