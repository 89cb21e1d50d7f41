// A skill that reaches the network, through the window: "check the price … and tell me when it
// drops" is generated and approved (the approval dialog has its own tests), then the owner lets it
// reach its shop — a box on the home network here, a local server — with both factors in its
// Settings tab, runs check_price by hand, sees the request in the run's record and in Activity, and
// hears of the drop in Notifications. Nothing is faked past the window: the real engine, sandbox and
// guarded HTTP client.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { test, expect, screenshot, goTo } from './workbench-fixtures.ts';
import { approveNow, enrollAuthenticator, generateFromText } from '../bridge/approval-engine.ts';

function startShop(): Promise<{ port: number; price: string; close(): Promise<void> }> {
  const shop = { port: 0, price: '€120.00', close: async () => {} };
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(`<html><h1>Kettle</h1><p class="price">${shop.price}</p></html>`);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      shop.port = (server.address() as AddressInfo).port;
      shop.close = () => new Promise<void>((done) => server.close(() => done()));
      resolve(shop);
    });
  });
}

async function runCheck(page: Page): Promise<void> {
  await goTo(page, 'Skills');
  await page.getByRole('row', { name: /Kettle Price Watch/ }).getByRole('button', { name: 'Run an action of Kettle Price Watch' }).click();
  const panel = page.getByRole('region', { name: 'Run Kettle Price Watch by hand' });
  await panel.getByRole('button', { name: 'Run check_price' }).click();
  await expect(panel.getByRole('region', { name: /Result/ }).getByRole('status')).toBeVisible();
}

test('a price watch reaches its shop once the owner allows it, shows the request, and notifies of the drop', async ({ page, secure, openApp }) => {
  const shop = await startShop();
  try {
    const { engine, clock } = secure;
    const authenticator = await enrollAuthenticator(engine, clock, 'owner@test');
    const pending = await generateFromText(engine, `Check the price of the kettle at http://127.0.0.1:${shop.port}/kettle and tell me when it drops below 100 EUR`);
    expect(pending.status).toBe('pending');
    await approveNow(engine, authenticator, pending);
    await openApp();

    // Before the owner allows the address, the guard refuses it and says why.
    await runCheck(page);
    const panel = page.getByRole('region', { name: 'Run Kettle Price Watch by hand' });
    await expect(panel).toContainText('a loopback address (this computer)');

    await goTo(page, 'Skills');
    await page.getByRole('button', { name: 'Kettle Price Watch', exact: true }).click();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Allow a local address…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Let Kettle Price Watch reach a local address' });
    await dialog.getByLabel('IP address').fill('127.0.0.1');
    await dialog.getByLabel('Port').fill(String(shop.port));
    await dialog.getByLabel('Code from your authenticator app').fill(await authenticator.nextCode());
    await dialog.getByRole('button', { name: 'Allow' }).click();
    await expect(dialog).toBeHidden();

    await runCheck(page);
    await expect(panel.getByLabel('Data the action returned')).toContainText('"price": 120');
    await expect(panel).toContainText(`GET http://127.0.0.1:${shop.port}/kettle → 200`);

    shop.price = '€89.99';
    await runCheck(page);
    await expect(panel.getByLabel('Data the action returned')).toContainText('"notified": true');
    await screenshot(page, 'price-watch-run');

    await goTo(page, 'Activity');
    await expect(page.getByRole('table', { name: 'Executions' }).getByRole('row').nth(1)).toContainText(`GET http://127.0.0.1:${shop.port}/kettle`);
    await goTo(page, 'Notifications');
    await expect(page.getByText('Now 89.99 EUR, under 100 EUR')).toBeVisible();
  } finally {
    await shop.close();
  }
});
