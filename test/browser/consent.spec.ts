// The consent prompt: a run that needs the owner's yes waits while the window asks, on whatever
// view is open; Allow once lets it finish, Deny stops it, "Always allow this exact action" lets
// the same run through next time without a prompt until revoked in Settings; several waiting runs
// are asked one after another; in Polish too.
import type { Page } from '@playwright/test';
import { test, expect, goTo, screenshot } from './workbench-fixtures.ts';
import { deployWaterTracker } from '../bridge/workbench-engine.ts';
import { logWaterAfterConsent } from '../bridge/consent-run.ts';

const prompt = (page: Page, name = 'A run needs your consent') => page.getByRole('dialog', { name });

test('a run waits for the prompt; Allow once lets it finish, Deny stops it', async ({ page, secure, openApp }) => {
  const { version } = await deployWaterTracker(secure);
  await openApp();
  await goTo(page, 'Activity');

  const allowed = logWaterAfterConsent(secure.engine, version, 250);
  const dialog = prompt(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(version.name);
  await expect(dialog).toContainText('log_water');
  await expect(dialog).toContainText('Your assistant');
  await expect(dialog).toContainText('Log 250 ml of water in your tracker.');
  await expect(dialog.locator('pre')).toHaveText('log_water {"amount_ml":250}');
  await expect(dialog).toContainText(/Time left to answer\s*1[12]\d s/);
  await expect(dialog.getByRole('button', { name: 'Deny' })).toBeFocused();
  await screenshot(page, 'consent-prompt');
  await dialog.getByRole('button', { name: 'Allow once' }).click();
  await expect(dialog).toBeHidden();
  const run = await allowed;
  expect(run.verdict).toBe('granted');
  expect(run.outcome?.record?.status).toBe('succeeded');
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();

  const executions = () => secure.engine.store.executions.page({ offset: 0, limit: 1 }).total;
  const executionsBefore = executions();
  const denied = logWaterAfterConsent(secure.engine, version, 500);
  await expect(prompt(page)).toContainText('Log 500 ml of water in your tracker.');
  await page.keyboard.press('Tab');
  await expect(prompt(page).getByRole('button', { name: 'Allow once' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  expect(await denied).toEqual({ verdict: 'denied', outcome: null });
  await expect(prompt(page)).toBeHidden();
  expect(executions()).toBe(executionsBefore);
  expect(secure.engine.store.auditLog.page({ offset: 0, limit: 1, event: 'consent.denied' }).items[0]).toMatchObject({ actor: 'owner', data: { action: 'log_water' } });
});

test('“Always allow this exact action” skips the next prompt until it is revoked in Settings', async ({ page, secure, openApp }) => {
  const { version } = await deployWaterTracker(secure);
  await openApp();
  const first = logWaterAfterConsent(secure.engine, version, 250);
  const dialog = prompt(page);
  const always = dialog.getByRole('checkbox', { name: 'Always allow this exact action' });
  await expect(always).toHaveAccessibleDescription(/runs? without asking you, whoever starts it/);
  await always.check();
  await dialog.getByRole('button', { name: 'Allow and remember' }).click();
  expect((await first).verdict).toBe('granted');

  expect((await logWaterAfterConsent(secure.engine, version, 250)).verdict).toBe('granted');
  await expect(dialog).toBeHidden();

  await goTo(page, 'Settings');
  const card = page.getByRole('region', { name: 'Actions allowed without asking' });
  await expect(card.getByRole('listitem')).toHaveCount(1);
  await expect(card.getByRole('listitem')).toContainText('log_water {"amount_ml":250}');
  await screenshot(page, 'consent-standing');
  await card.getByRole('button', { name: 'Revoke' }).click();
  await expect(card.getByRole('status')).toHaveText(`Revoked: “log_water” of ${version.name} v1.0.0 will ask you again.`);
  await expect(card).toContainText('None: every action that needs your consent asks you each time.');

  const afterRevoke = logWaterAfterConsent(secure.engine, version, 250);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Deny' }).click();
  expect((await afterRevoke).verdict).toBe('denied');
});

test('several waiting runs are asked one after another, in Polish; Escape denies', async ({ page, secure, openApp }) => {
  const { version } = await deployWaterTracker(secure);
  secure.engine.store.settings.update({ language: 'pl' });
  await openApp();
  const runs = [logWaterAfterConsent(secure.engine, version, 100), logWaterAfterConsent(secure.engine, version, 200)];
  const dialog = prompt(page, 'Uruchomienie wymaga Twojej zgody');
  await expect(dialog).toContainText('Prośba 1 z 2');
  await expect(dialog).toContainText('Zapisz 100 ml wody w Twoim dzienniczku.');
  await expect(dialog).toContainText('Twój asystent');
  await page.keyboard.press('Escape');
  await expect(dialog).toContainText('Zapisz 200 ml wody w Twoim dzienniczku.');
  await expect(dialog).not.toContainText('Prośba 1 z');
  await dialog.getByRole('button', { name: 'Pozwól raz' }).click();
  await expect(dialog).toBeHidden();
  expect((await Promise.all(runs)).map((r) => r.verdict)).toEqual(['denied', 'granted']);
});
