// Fixtures for the review and approval specs: the page's engine has usable approval factors (see
// test/bridge/approval-engine.ts). A spec chooses the test provider's answer with
// test.use({ biometric: 'cancel' }), or none (biometric: null) plus a platform without an OS check
// to get the fallback passphrase.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect, screenshot } from './fixtures.ts';
import { enrollAuthenticator, openApprovalEngine, type Authenticator, type TestBiometric } from '../bridge/approval-engine.ts';
import type { Clock } from '../unit/approval/security-fixtures.ts';
import type { Engine } from '../../main/engine.ts';

interface ReviewFixtures {
  biometric: TestBiometric | null;
  platform: NodeJS.Platform | undefined;
  approvalEngine: { engine: Engine; clock: Clock };
  clock: Clock;
  /** The authenticator enrolled through totp.startEnrollment/confirmEnrollment; requesting it enrolls it. */
  authenticator: Authenticator;
}

export const test = base.extend<ReviewFixtures>({
  biometric: ['approve', { option: true }],
  platform: [undefined, { option: true }],
  approvalEngine: async ({ biometric, platform }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'skill-foundry-review-'));
    const opened = openApprovalEngine(dataDir, { biometric, ...(platform ? { platform } : {}) });
    await use(opened);
    await opened.engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
  engine: async ({ approvalEngine }, use) => use(approvalEngine.engine),
  clock: async ({ approvalEngine }, use) => use(approvalEngine.clock),
  authenticator: async ({ approvalEngine }, use) => use(await enrollAuthenticator(approvalEngine.engine, approvalEngine.clock)),
});

/** Each test runs the real pipeline (sandbox dry runs included) once or a few times. */
export const REVIEW_TEST_TIMEOUT = 90_000;

export { expect, screenshot };

export const nav = (page: Page) => page.getByRole('navigation', { name: /^(Sections|Sekcje)$/ });

/** The review queue's row of a pending version. */
export const pendingRow = (page: Page, name: string) => page.getByRole('table', { name: /^(Review queue|Kolejka przeglądu)$/ }).getByRole('row', { name: new RegExp(name) });

/** Opens the pending version of `name` from the review queue. */
export async function openFromQueue(page: Page, name: string): Promise<void> {
  await pendingRow(page, name).getByRole('button', { name: /^(Review|Przejrzyj)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export const tab = (page: Page, name: string | RegExp) => page.getByRole('tab', { name });

/**
 * A screenshot of the whole view: the window scrolls inside <main>, so for the moment of the
 * screenshot the layout lets the document grow instead (through CSSOM, which the page's CSP allows).
 */
export async function screenshotView(page: Page, name: string): Promise<void> {
  const unroll = (on: boolean) => page.evaluate((value) => {
    for (const selector of ['html', 'body', '#root', '.app']) {
      const element = document.querySelector<HTMLElement>(selector);
      if (element) element.style.height = value ? 'auto' : '';
    }
    const main = document.querySelector<HTMLElement>('.app-main');
    if (main) main.style.overflow = value ? 'visible' : '';
  }, on);
  const scrolls = await page.evaluate(() => {
    const main = document.querySelector('.app-main');
    return main !== null && main.scrollHeight > main.clientHeight;
  });
  if (scrolls) await unroll(true);
  await screenshot(page, name);
  if (scrolls) await unroll(false);
}
