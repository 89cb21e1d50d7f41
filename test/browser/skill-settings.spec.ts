// A skill's Settings tab against the real engine: the form built from its config_schema saves,
// a value the schema refuses is named at its field and saves nothing, a secret is entered but never
// shown back, and a local address is allowed with both factors and revoked.
import type { Page } from '@playwright/test';
import { test, expect, screenshot, goTo } from './workbench-fixtures.ts';
import { enrollAuthenticator } from '../bridge/approval-engine.ts';
import { insertSkill, runVersion, SLUG, weatherManifest } from '../unit/settings/settings-fixtures.ts';

const SECRET = 'owm-browser-secret-1234567890';

async function openSettingsTab(page: Page): Promise<void> {
  await goTo(page, 'Skills');
  await page.getByRole('button', { name: 'Weather check', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Weather check' })).toBeVisible();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: 'Form of version 1.0.0' })).toBeVisible();
}

test('the settings form saves, names a refused value at its field, and never shows a secret back', async ({ page, secure, openApp }) => {
  const { store } = secure.engine;
  runVersion(store, insertSkill(store), weatherManifest('1.0.0'));
  await openApp();
  await openSettingsTab(page);
  const form = page.getByRole('form', { name: 'Form of version 1.0.0' });

  await form.getByRole('textbox', { name: 'City (required)' }).fill('Kraków');
  await form.getByRole('textbox', { name: 'warnBelow' }).fill('99');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('alert')).toContainText('Nothing was saved: the skill’s schema refuses “warnBelow”.');
  await expect(form.getByRole('textbox', { name: 'warnBelow' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('must be <= 50')).toBeVisible();
  expect(secure.engine.service.getSettings('owner', SLUG).values).toEqual({});

  await form.getByRole('textbox', { name: 'warnBelow' }).fill('-5');
  await form.getByRole('combobox', { name: 'Units' }).selectOption('imperial');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  expect(secure.engine.skillSettings.forRun(SLUG, weatherManifest('1.0.0')).config).toEqual({ city: 'Kraków', warnBelow: -5, units: 'imperial', notify: true });

  const key = page.getByRole('group', { name: 'OpenWeather API key' });
  await expect(key.getByTestId('secret-state')).toHaveText('Not set');
  await expect(key).toContainText('Sent only to: api.openweathermap.org');
  await key.getByRole('button', { name: 'Enter' }).click();
  await key.getByLabel('New value of OPENWEATHER_KEY').fill(SECRET);
  await key.getByRole('button', { name: 'Save secret' }).click();
  await expect(key.getByTestId('secret-state')).toContainText('Set');
  await key.getByRole('button', { name: 'Replace' }).click();
  await expect(key.getByLabel('New value of OPENWEATHER_KEY')).toHaveValue('');
  expect(await page.content()).not.toContain(SECRET);
  await screenshot(page, 'skill-settings');
});

test('a local address is allowed with both factors, then revoked', async ({ page, secure, openApp }) => {
  const { engine, clock } = secure;
  runVersion(engine.store, insertSkill(engine.store), weatherManifest('1.0.0'));
  const authenticator = await enrollAuthenticator(engine, clock, 'owner@test');
  await openApp();
  await openSettingsTab(page);
  await expect(page.getByText('This skill may not reach any local address.')).toBeVisible();

  await page.getByRole('button', { name: 'Allow a local address…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Let Weather check reach a local address' });
  await dialog.getByLabel('IP address').fill('8.8.8.8');
  await dialog.getByLabel('Port').fill('8123');
  await dialog.getByLabel('Code from your authenticator app').fill(await authenticator.nextCode());
  await dialog.getByRole('button', { name: 'Allow' }).click();
  await expect(dialog.getByRole('alert')).toContainText('8.8.8.8 is a public address: it needs no allowance.');

  await dialog.getByLabel('IP address').fill('192.168.1.20');
  await dialog.getByLabel('Code from your authenticator app').fill(await authenticator.nextCode());
  await dialog.getByRole('button', { name: 'Allow' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('192.168.1.20:8123', { exact: true })).toBeVisible();
  expect(engine.skillSettings.forRun(SLUG, weatherManifest('1.0.0')).localAllowances).toEqual([{ address: '192.168.1.20', port: 8123 }]);

  await page.getByRole('button', { name: 'Revoke 192.168.1.20:8123' }).click();
  await expect(page.getByText('This skill may not reach any local address.')).toBeVisible();
  expect(engine.store.auditLog.page({ offset: 0, limit: 10 }).items.map((e) => e.event)).toEqual(expect.arrayContaining(['skill.allowance.added', 'skill.allowance.revoked']));
});
