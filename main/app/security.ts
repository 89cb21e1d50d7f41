import { app, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';

/** The one browser permission the app uses: "Copy token" in Settings writes to the clipboard. */
const APP_PAGE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Every permission request and check is answered "no" (camera, notifications, clipboard reads,
 * USB, …), except a sanitized clipboard write asked for by the app's own page in its main frame.
 */
export function applyPermissionPolicy(session: Session, isAppPage: (url: string) => boolean): void {
  const allowed = (permission: string, details: { requestingUrl?: string; isMainFrame?: boolean }) =>
    APP_PAGE_PERMISSIONS.has(permission) && details.isMainFrame === true && isAppPage(details.requestingUrl ?? '');
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details)));
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => allowed(permission, details));
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
