// Playwright fixtures for the browser project: each test gets its own temporary store behind the
// real engine, and a page whose window.foundry reaches that engine through test/bridge.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { openEngine, type Engine } from '../../main/engine.ts';
import type { Dispatch } from '../../main/control/dispatcher.ts';
import { startRendererServer } from '../bridge/server.ts';
import { bundleBridgeScript, connectEngine } from '../bridge/connect.ts';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Console errors and uncaught exceptions in the page (CSP violations among them); a test may allow some it provokes. */
export interface PageProblems {
  seen: string[];
  allow(pattern: RegExp): void;
}

interface TestFixtures {
  engine: Engine;
  /** Every method the page called through window.foundry, in order. */
  calls: string[];
  /**
   * Opens the app once the store is seeded, at `view` — by default the review queue, where the specs
   * written before the home view ("Today", now the first view) start. `'first'`: no view named.
   */
  openApp: (view?: 'first' | 'today' | 'reviews' | 'skills' | 'marketplace' | 'notifications' | 'schedules' | 'activity' | 'settings') => Promise<void>;
  pageProblems: PageProblems;
}

interface WorkerFixtures {
  rendererUrl: string;
  bridgeScript: string;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  rendererUrl: [
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  bridgeScript: [async ({}, use) => use(await bundleBridgeScript()), { scope: 'worker' }],

  engine: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'skill-foundry-browser-'));
    const engine = openEngine({ dataDir, log: { rejected: () => {}, failed: () => {} } });
    await use(engine);
    engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  },

  calls: async ({}, use) => use([]),

  openApp: async ({ page, engine, calls, rendererUrl, bridgeScript }, use) => {
    const dispatch: Dispatch = (method, request) => {
      calls.push(method);
      return engine.dispatch(method, request);
    };
    await connectEngine(page, dispatch, bridgeScript);
    await use(async (view) => {
      await page.goto(view === 'first' ? rendererUrl : `${rendererUrl}#${view ?? 'reviews'}`);
      await expect(page.getByRole('navigation')).toBeVisible();
    });
  },

  pageProblems: [
    async ({ page }, use) => {
      const seen: string[] = [];
      const allowed: RegExp[] = [
        // Chromium notes that a <meta> policy cannot set frame-ancestors; the app also sends it as a header.
        /frame-ancestors' is ignored when delivered via a <meta> element/,
      ];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') seen.push(`console.${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
      await use({ seen, allow: (pattern) => allowed.push(pattern) });
      expect(seen.filter((text) => !allowed.some((pattern) => pattern.test(text))), 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Saves a full-page screenshot under test-results/screenshots/ and attaches it to the report. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}
