// The browser fixtures with an engine that has the approval factors (test/bridge/workbench-engine.ts):
// a passphrase secret box, the test biometric provider, and a clock the test moves for fresh codes.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect, screenshot as fullPageScreenshot } from './fixtures.ts';
import { openWorkbenchEngine, type WorkbenchEngine } from '../bridge/workbench-engine.ts';

interface WorkbenchFixtures {
  /** False for a computer without a keychain: no secret box. */
  secretStorage: boolean;
  secure: WorkbenchEngine;
}

export const test = base.extend<WorkbenchFixtures>({
  secretStorage: [true, { option: true }],
  secure: async ({ secretStorage }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'skill-foundry-browser-'));
    const secure = openWorkbenchEngine(dataDir, { secretStorage });
    await use(secure);
    await secure.engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
  engine: async ({ secure }, use) => use(secure.engine),
});

export { expect };

/**
 * A screenshot of the whole view: the app scrolls inside its main area, so the window is made tall
 * enough to show all of it first, then put back.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => {
    const main = document.querySelector('.app-main');
    return main ? main.scrollHeight + (main.getBoundingClientRect().top || 0) : document.body.scrollHeight;
  });
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(Math.ceil(height) + 8, 6000) });
  await fullPageScreenshot(page, name);
  if (viewport) await page.setViewportSize(viewport);
}

/** Opens a view from the navigation, as a person would. */
export async function goTo(page: Page, name: 'Today' | 'Review queue' | 'New skill' | 'Skills' | 'Notifications' | 'Activity' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}
