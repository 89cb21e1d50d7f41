import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';

/** Puts shared/csp.ts's policy into index.html as a <meta>, first in <head>, so the policy has one source. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'foundry-csp-meta',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

// The app loads the built page with loadFile (file://), hence relative asset URLs.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Electron's Chromium supports module preload natively: no polyfill code in the bundle.
    modulePreload: { polyfill: false },
  },
});
