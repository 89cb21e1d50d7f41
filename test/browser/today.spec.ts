// The home view "Today", the window's first view: the water tracker's card from real executions
// (its warning, its headline, a uPlot chart on a canvas), a quick entry that updates the card and
// the chart, and the reads recorded as the dashboard's, not as use.
import type { Locator, Page } from '@playwright/test';
import { test, expect, screenshot } from './workbench-fixtures.ts';
import { deployWaterTracker } from '../bridge/workbench-engine.ts';

const waterCard = (page: Page) => page.getByRole('article', { name: 'Śledzenie: woda' });

/** How many pixels of the chart's canvas something was drawn on. */
async function drawnPixels(card: Locator): Promise<number> {
  return card.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn += 1;
    return drawn;
  });
}

test('opens on Today: the water tracker’s warning, today’s total and a chart drawn from its executions; quick entry updates them', async ({ page, secure, openApp }) => {
  const { version } = await deployWaterTracker(secure);
  for (const amount of [200, 300]) {
    expect(await secure.engine.dispatch('skills.run', { slug: version.slug, action: 'log_water', params: { amount_ml: amount } })).toMatchObject({ ok: true });
  }
  await openApp('first');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Today' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

  const card = waterCard(page);
  await expect(card.locator('.today-card__headline')).toHaveText('500 ml total');
  await expect(card.getByRole('listitem').filter({ hasText: 'Warning' })).toContainText('500ml');
  const chart = card.getByRole('img', { name: 'Śledzenie: woda: entries per day over the last 7 days' });
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(card.getByText('Today 500 ml; highest 500 ml')).toBeAttached();
  expect(await drawnPixels(card)).toBeGreaterThan(0);
  await screenshot(page, 'today-home');

  await card.getByRole('textbox', { name: 'amount_ml' }).fill('250');
  await card.getByRole('button', { name: 'Log water' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved. The card shows it.');
  await expect(card.locator('.today-card__headline')).toHaveText('750 ml total');
  await expect(card.getByText('Today 750 ml; highest 750 ml')).toBeAttached();

  await card.getByRole('radio', { name: '30 days' }).check();
  await expect(card.getByRole('img', { name: 'Śledzenie: woda: entries per day over the last 30 days' }).locator('canvas')).toHaveCount(1);

  // Three entries are three uses; the home view's reads are recorded, as the dashboard's, and are not use.
  const executions = secure.engine.store.executions.page({ offset: 0, limit: 100, skillSlug: version.slug }).items;
  expect(executions.filter((e) => e.trigger === 'dashboard').map((e) => e.action)).toEqual(expect.arrayContaining(['getData', 'getInsights']));
  expect(secure.engine.store.skills.list().find((s) => s.slug === version.slug)!.usageCount).toBe(3);
});

test('a refused quick entry says why beside the form and sends nothing', async ({ page, secure, calls, openApp }) => {
  await deployWaterTracker(secure);
  await openApp('today');
  const card = waterCard(page);
  await card.getByRole('textbox', { name: 'amount_ml' }).fill('-5');
  const runsBefore = calls.filter((method) => method === 'skills.run').length;
  await card.getByRole('button', { name: 'Log water' }).click();
  await expect(card.getByRole('alert').filter({ hasText: 'Nothing was sent' })).toHaveText('Nothing was sent: correct the fields marked below (1).');
  await expect(card.getByRole('textbox', { name: 'amount_ml' })).toHaveAttribute('aria-invalid', 'true');
  expect(calls.filter((method) => method === 'skills.run').length).toBe(runsBefore);
});

test('without active skills Today says how to get one, in Polish too', async ({ page, openApp, secure }) => {
  await openApp('first');
  await expect(page.getByRole('heading', { name: 'No active skills yet' })).toBeVisible();
  await expect(page.getByText('Nothing is scheduled.')).toBeVisible();
  secure.engine.store.settings.update({ language: 'pl' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dziś' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nie masz jeszcze aktywnych skilli' })).toBeVisible();
});
