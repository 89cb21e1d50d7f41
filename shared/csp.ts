/**
 * The renderer's Content Security Policy: only the app's own files, no network, no inline code,
 * no plugins, no frames. Main sends it as a response header and the renderer's index.html carries
 * it as a <meta>, so the page is covered however it is loaded.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
