import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures.ts';
import { execution, insertExecutions, seedWaterTracker } from '../bridge/seed.ts';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

test.describe('with a seeded store', () => {
  test('the header shows the store counts from app.info', async ({ page, engine, openApp }) => {
    seedWaterTracker(engine.store);
    await openApp();
    const counts = page.getByRole('definition');
    await expect(page.getByText('Skill Foundry', { exact: true })).toBeVisible();
    await expect(counts).toHaveText(['1', '1', '2', '2']);
    await expect(nav(page).getByRole('button', { name: 'Review queue (1 awaiting review)' })).toHaveAttribute('aria-current', 'page');
  });

  test('the review queue shows the pending version: name, version, hash, time left and audit verdict', async ({ page, engine, openApp }) => {
    const seed = seedWaterTracker(engine.store);
    await openApp();
    await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(seed.skillName) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(0)).toHaveText(seed.pendingVersion);
    await expect(row.getByRole('cell').nth(1)).toHaveText(seed.pendingSha256.slice(0, 12));
    await expect(row.getByRole('cell').nth(3)).toHaveText(/^in (19|20) hours$/);
    await expect(row.getByRole('cell').nth(4)).toHaveText('Passed with warningsFindings: 1');
    await screenshot(page, 'review-queue');
  });

  test('the skills view lists the skill with status, active version, runs and last run', async ({ page, engine, openApp }) => {
    const seed = seedWaterTracker(engine.store);
    await openApp();
    await nav(page).getByRole('button', { name: 'Skills' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Skills' })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(seed.skillName) });
    await expect(row.getByRole('cell')).toHaveText([seed.slug, 'Active', seed.activeVersion, '2', /\d/, 'Run…Archive']);
    await screenshot(page, 'skills');
  });

  test('the activity view shows executions and the audit log', async ({ page, engine, openApp }) => {
    const seed = seedWaterTracker(engine.store);
    await openApp();
    await nav(page).getByRole('button', { name: 'Activity' }).click();
    const executions = page.getByRole('table', { name: 'Executions' });
    await expect(page.getByText('Total: 2')).toBeVisible();
    // Newest first: the failed daily summary ran after the logged intake.
    await expect(executions.getByRole('row').nth(1)).toContainText(seed.executionActions[1]!);
    await expect(executions.getByRole('row').nth(1)).toContainText('Failed');
    await expect(executions.getByRole('row').nth(2)).toContainText(seed.executionActions[0]!);
    await expect(executions.getByRole('row').nth(2)).toContainText('Succeeded');
    await screenshot(page, 'activity-executions');

    await page.getByRole('button', { name: 'Audit log' }).click();
    await expect(page.getByRole('button', { name: 'Audit log' })).toHaveAttribute('aria-pressed', 'true');
    const audit = page.getByRole('table', { name: 'Audit log' });
    await expect(audit.getByRole('row').nth(1)).toContainText(seed.auditEvents[1]!);
    await expect(audit.getByRole('row').nth(2)).toContainText(seed.auditEvents[0]!);
    await expect(audit.getByRole('row').nth(2)).toContainText('Assistant');
    await screenshot(page, 'activity-audit');
  });

  test('the settings view shows the data directory, database file and schema version', async ({ page, engine, openApp }) => {
    await openApp();
    await nav(page).getByRole('button', { name: 'Settings' }).click();
    const facts = page.getByRole('region', { name: 'About this installation' });
    await expect(facts.getByRole('definition')).toHaveText(['0.1.0', engine.store.dataDir, engine.store.file, String(engine.store.schemaVersion())]);
    await expect(page.getByRole('radio', { name: 'Same as the system (English)' })).toBeChecked();
    await screenshot(page, 'settings');
  });
});

test('an empty store: every view says what will appear there and how', async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByRole('heading', { name: 'No skills wait for review' })).toBeVisible();
  await expect(page.getByText('When your assistant proposes a new skill, it appears here for you to inspect and approve.')).toBeVisible();
  await screenshot(page, 'empty-review-queue');

  await nav(page).getByRole('button', { name: 'Skills' }).click();
  await expect(page.getByRole('heading', { name: 'No skills yet' })).toBeVisible();
  await screenshot(page, 'empty-skills');

  await nav(page).getByRole('button', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'No executions yet' })).toBeVisible();
  await screenshot(page, 'empty-activity');
  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'The audit log is empty' })).toBeVisible();
});

test('switching to Polish translates the whole UI at once and survives a reload', async ({ page, engine, openApp }) => {
  seedWaterTracker(engine.store);
  await openApp('settings');
  await page.getByRole('radio', { name: 'Polski' }).check();

  await expect(page.getByRole('heading', { level: 1, name: 'Ustawienia' })).toBeVisible();
  const sections = page.getByRole('navigation', { name: 'Sekcje' });
  for (const name of ['Kolejka przeglądu (do przejrzenia: 1)', 'Umiejętności', 'Aktywność', 'Ustawienia']) {
    await expect(sections.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('status').filter({ hasText: 'Zapisano.' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  expect(engine.store.settings.get().language).toBe('pl');
  await screenshot(page, 'settings-pl');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Ustawienia' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Polski' })).toBeChecked();
  await page.getByRole('navigation', { name: 'Sekcje' }).getByRole('button', { name: 'Kolejka przeglądu' }).click();
  await expect(page.getByRole('row', { name: /Water tracker/ })).toContainText('Zaliczony z ostrzeżeniami');
  await expect(page.getByRole('row', { name: /Water tracker/ })).toContainText(/za (19|20) godzin/);
  await screenshot(page, 'review-queue-pl');

  await page.getByRole('navigation', { name: 'Sekcje' }).getByRole('button', { name: 'Ustawienia' }).click();
  await page.getByRole('radio', { name: 'English', exact: true }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(engine.store.settings.get().language).toBe('en');
});

test.describe('on a system set to Polish', () => {
  test.use({ locale: 'pl-PL' });

  test('"system" language follows navigator.languages', async ({ page, engine, openApp }) => {
    expect(engine.store.settings.get().language).toBe('system');
    await openApp();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await expect(page.getByRole('heading', { name: 'Żadna umiejętność nie czeka na przegląd' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Sekcje' }).getByRole('button', { name: 'Ustawienia' }).click();
    await expect(page.getByRole('radio', { name: 'Taki jak w systemie (Polski)' })).toBeChecked();
  });
});

test.describe('in a dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });

  test('the review queue follows the system theme', async ({ page, engine, openApp }) => {
    seedWaterTracker(engine.store);
    await openApp();
    await expect(page.getByRole('row', { name: /Water tracker/ })).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(18, 21, 27)');
    await screenshot(page, 'review-queue-dark');
  });
});

test('an engine error is shown with its own message and a way to retry', async ({ page, engine, openApp, calls }) => {
  seedWaterTracker(engine.store);
  await openApp();
  engine.store.db.exec('ALTER TABLE exo_generated_skills RENAME TO exo_generated_skills_away');
  await nav(page).getByRole('button', { name: 'Skills' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('“skills.list” failed inside the app.');
  await screenshot(page, 'error-state');

  engine.store.db.exec('ALTER TABLE exo_generated_skills_away RENAME TO exo_generated_skills');
  const before = calls.length;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('row', { name: /Water tracker/ })).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(calls.slice(before)).toContain('skills.list');
});

test('the activity list reads 100,000 executions page by page and keeps only visible rows in the page', async ({ page, engine, openApp, calls }) => {
  const start = Date.parse('2026-01-01T00:00:00Z');
  insertExecutions(engine.store, (function* () {
    for (let i = 0; i < 100_000; i++) yield execution('custom-load-test', '1.0.0', `run-${i}`, 'succeeded', new Date(start + i * 1000).toISOString());
  })());
  await openApp('activity');
  await expect(page.getByText('Total: 100,000')).toBeVisible();
  const table = page.getByRole('table', { name: 'Executions' });
  await expect(table).toHaveAttribute('aria-rowcount', '100001');
  await expect(table.getByRole('row').nth(1)).toContainText('run-99999');
  expect(await table.getByRole('row').count()).toBeLessThan(60);

  await table.locator('.vtable__scroll').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(table.getByRole('row', { name: /run-0\b/ })).toBeVisible();
  await expect(table.getByRole('row').last()).toHaveAttribute('aria-rowindex', '100001');
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  // The first page, then the page(s) at the end: never the whole table.
  expect(calls.filter((method) => method === 'activity.executions').length).toBeLessThanOrEqual(4);
  await screenshot(page, 'activity-100k-end');
});

test('the navigation works from the keyboard', async ({ page, openApp }) => {
  await openApp();
  for (let step = 0; step < 12; step++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.textContent === 'Activity')) break;
  }
  await expect(page.getByRole('button', { name: 'Activity' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Activity' })).toHaveAttribute('aria-current', 'page');
});
