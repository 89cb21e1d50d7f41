// What the window says about the sandbox: which Node runs skills, and when they cannot run.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, screenshot } from './fixtures.ts';
import { openEngine } from '../../main/engine.ts';

test('Settings names the Node that runs skills and shows the sandbox passed its start-up check', async ({ page, engine, openApp }) => {
  await engine.skills.sandbox.start();
  await openApp('settings');
  const sandbox = page.getByRole('region', { name: 'Sandbox' });
  await expect(sandbox.getByTestId('sandbox-state')).toHaveText(`Ready: Node ${process.versions.node} passed the start-up check.`);
  await expect(sandbox.getByText(process.execPath)).toBeVisible();
  await expect(sandbox.getByText('this process')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Skills cannot run right now' })).toHaveCount(0);
  await screenshot(page, 'settings-sandbox');
});

const withOldNode = test.extend({
  engine: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'skill-foundry-browser-'));
    const fakeNode = path.join(dataDir, 'node');
    writeFileSync(fakeNode, '#!/bin/sh\necho v20.11.1\n');
    chmodSync(fakeNode, 0o755);
    const engine = openEngine({ dataDir, env: { FOUNDRY_NODE: fakeNode }, log: { rejected: () => {}, failed: () => {} } });
    await engine.skills.sandbox.start();
    await use(engine);
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

withOldNode('with a Node older than 24, every view says skills cannot run and what to do, and reviews still work', async ({ page, openApp }) => {
  await openApp();
  const banner = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Skills cannot run right now' }) });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Skills need Node.js 24 or newer');
  await expect(banner).toContainText('set FOUNDRY_NODE');
  await expect(banner).toContainText('Reviews and approvals still work');
  await expect(page.getByRole('heading', { name: 'No skills wait for review' })).toBeVisible();
  await screenshot(page, 'sandbox-cannot-run');

  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('region', { name: 'Sandbox' }).getByTestId('sandbox-state')).toContainText('Skills cannot run.');
  await page.getByRole('radio', { name: 'Polski' }).check();
  const polish = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Skille nie mogą teraz działać' }) });
  await expect(polish).toContainText('Skille wymagają Node.js 24 lub nowszego');
  await screenshot(page, 'sandbox-cannot-run-pl');
});
