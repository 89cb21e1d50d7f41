import { defineConfig } from '@playwright/test';

// Playwright's own browser download does not work on these machines: Debian's Chromium is used
// (CHROMIUM_PATH overrides). The flags keep a headless Chromium quiet on a closed network.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  reporter: 'list',
  outputDir: 'test-results',
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  projects: [
    {
      // The real renderer bundle against the real engine, window.foundry bridged by test/bridge.
      name: 'browser',
      testDir: 'test/browser',
      use: {
        browserName: 'chromium',
        headless: true,
        locale: 'en-US',
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
      },
    },
    {
      // Drives the packaged app; its specs skip themselves where no Electron binary exists.
      name: 'electron',
      testDir: 'test/electron',
    },
  ],
});
