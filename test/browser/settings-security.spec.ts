// Settings → Security, Generator and the assistant's API token against the real engine (secrets in
// a passphrase box, the test biometric provider): authenticator enrollment with the QR code and a
// first code computed from the key the page shows, the fallback passphrase, the token shown, copied
// and rotated, the generator's key set and cleared.
import type { Page } from '@playwright/test';
import { test, expect, screenshot, goTo } from './workbench-fixtures.ts';
import { codeForKey } from '../bridge/workbench-engine.ts';
import { enrollAuthenticator } from '../bridge/approval-engine.ts';
import type { ApprovalStatus } from '../../shared/contract/index.ts';

const security = (page: Page) => page.getByRole('region', { name: 'Security', exact: true });
const authenticator = (page: Page) => security(page).getByRole('region', { name: 'Authenticator app' });

async function approvalStatus(dispatch: (method: string, request: unknown) => Promise<unknown>): Promise<ApprovalStatus> {
  return ((await dispatch('approval.status', {})) as { value: ApprovalStatus }).value;
}

test('the authenticator is set up with the QR code, the key and a first code', async ({ page, secure, openApp }) => {
  await openApp('settings');
  const section = authenticator(page);
  await expect(section).toContainText('Not set up: approvals are not possible yet');
  // The check on this computer is the test provider here, and says so loudly.
  const check = security(page).getByRole('region', { name: 'Check on this computer' });
  await expect(check).toContainText('TEST: no real check');
  await expect(check).toContainText('TEST provider, no real check');

  await section.getByRole('button', { name: 'Set up the authenticator' }).click();
  await expect(section.getByRole('textbox', { name: 'Name shown in your authenticator app' })).toBeFocused();
  await section.getByRole('textbox', { name: 'Name shown in your authenticator app' }).fill('owner@laptop');
  await section.getByRole('button', { name: 'Show the QR code' }).click();

  const qr = section.getByRole('img', { name: 'QR code for adding “owner@laptop” to an authenticator app' });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  await expect(section.getByText(/^This QR code and key are valid until/)).toBeVisible();
  const key = (await section.locator('.secret-box').innerText()).trim();
  expect(key).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4})+$/);
  await screenshot(page, 'settings-totp-qr');

  // A wrong code is refused with main's message; the right one (from the key shown) sets it up.
  const code = section.getByRole('textbox', { name: '6-digit code from the app' });
  await code.fill('12345');
  await section.getByRole('button', { name: 'Confirm' }).click();
  await expect(section.getByRole('alert')).toHaveText('Enter the 6 digits your authenticator app shows.');
  await code.fill(String((Number(await codeForKey(key, secure.clock)) + 1) % 1_000_000).padStart(6, '0'));
  await section.getByRole('button', { name: 'Confirm' }).click();
  await expect(section.getByRole('alert')).toContainText('Wrong code.');
  await code.fill(await codeForKey(key, secure.clock));
  await section.getByRole('button', { name: 'Confirm' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'The authenticator for “owner@laptop” is set up' })).toBeVisible();
  await expect(section).toContainText('Set up for “owner@laptop”');
  expect((await approvalStatus(secure.engine.dispatch)).totp?.active?.account).toBe('owner@laptop');
  await screenshot(page, 'settings-totp-active');
});

test('replacing an active authenticator asks for a code from the current one', async ({ page, secure, openApp }) => {
  const current = await enrollAuthenticator(secure.engine, secure.clock, 'old phone');
  await openApp('settings');
  const section = authenticator(page);
  await expect(section).toContainText('Set up for “old phone”');
  await section.getByRole('button', { name: 'Replace the authenticator…' }).click();
  await section.getByRole('textbox', { name: 'Name shown in your authenticator app' }).fill('new phone');
  const currentCode = section.getByRole('textbox', { name: 'Code from the current authenticator' });

  await section.getByRole('button', { name: 'Show the QR code' }).click();
  await expect(section.getByRole('alert')).toHaveText('Enter the 6 digits your authenticator app shows.');
  await currentCode.fill('000000');
  await section.getByRole('button', { name: 'Show the QR code' }).click();
  await expect(section.getByRole('alert')).not.toBeEmpty();
  await expect(section.getByRole('img', { name: /QR code/ })).toHaveCount(0);

  await currentCode.fill(await current.nextCode());
  await section.getByRole('button', { name: 'Show the QR code' }).click();
  await expect(section.getByRole('img', { name: 'QR code for adding “new phone” to an authenticator app' })).toBeVisible();
});

test.describe('on a computer without a keychain', () => {
  test.use({ secretStorage: false });

  test('the page explains why the authenticator cannot be set up', async ({ page, openApp }) => {
    await openApp('settings');
    const section = authenticator(page);
    await expect(section.getByRole('heading', { name: 'The authenticator cannot be set up on this computer' })).toBeVisible();
    await expect(section).toContainText('GNOME Keyring or KWallet');
    await expect(section.getByRole('button', { name: /Set up/ })).toHaveCount(0);
    // The token needs the same storage: main's own explanation is shown.
    await expect(page.getByRole('region', { name: 'Your assistant’s API token' })).toContainText('no protected storage for secrets');
    await screenshot(page, 'settings-no-keychain');
  });
});

test('the fallback passphrase is set up with a confirmation field, then no longer offered', async ({ page, secure, openApp }) => {
  await openApp('settings');
  const section = security(page).getByRole('region', { name: 'Approval passphrase' });
  const first = section.getByLabel('New approval passphrase');
  const repeat = section.getByLabel('Repeat the passphrase');
  await expect(first).toHaveAttribute('type', 'password');

  await first.fill('short');
  await repeat.fill('short');
  await section.getByRole('button', { name: 'Set the passphrase' }).click();
  await expect(section.getByRole('alert')).toHaveText('The passphrase must have at least 8 characters.');
  await first.fill('a long approval passphrase');
  await repeat.fill('a long approval passphrase!');
  await section.getByRole('button', { name: 'Set the passphrase' }).click();
  await expect(section.getByRole('alert')).toHaveText('The two passphrases differ.');
  expect((await approvalStatus(secure.engine.dispatch)).fallbackSetUp).toBe(false);

  await repeat.fill('a long approval passphrase');
  await section.getByRole('button', { name: 'Set the passphrase' }).click();
  await expect(section.getByRole('status')).toContainText('The approval passphrase is saved.');
  await expect(first).toHaveCount(0);
  expect((await approvalStatus(secure.engine.dispatch)).fallbackSetUp).toBe(true);
});

test('the API token: created, shown, copied (or selected when the clipboard is unavailable), rotated after a confirmation', async ({ page, secure, openApp, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp('settings');
  const section = page.getByRole('region', { name: 'Your assistant’s API token' });
  await expect(section).toContainText('No token yet');

  await section.getByRole('button', { name: 'Create a token' }).click();
  const field = section.getByRole('textbox', { name: 'Token' });
  const first = await field.inputValue();
  expect(first.length).toBeGreaterThan(20);
  expect(((await secure.engine.dispatch('apiToken.reveal', {})) as { value: { token: string } }).value.token).toBe(first);
  await expect(section).toContainText('Active');

  await section.getByRole('button', { name: 'Copy' }).click();
  await expect(section.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

  await section.getByRole('button', { name: 'Hide' }).click();
  await expect(field).toHaveCount(0);
  await section.getByRole('button', { name: 'Show the token' }).click();
  await expect(field).toHaveValue(first);

  // Where the clipboard cannot be written, the token is selected for copying by hand.
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
  await section.getByRole('button', { name: 'Copy' }).click();
  await expect(section.getByRole('alert')).toContainText('It could not be copied automatically');
  expect(await field.evaluate((input) => {
    const element = input as HTMLInputElement;
    return element.value.slice(element.selectionStart ?? 0, element.selectionEnd ?? 0);
  })).toBe(first);

  await section.getByRole('button', { name: 'Replace the token…' }).click();
  const confirm = section.getByRole('group', { name: 'Replace the token?' });
  await expect(confirm).toContainText('The current token stops working at once');
  await expect(confirm.getByRole('button', { name: 'Replace the token' })).toBeFocused();
  await screenshot(page, 'settings-api-token-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(((await secure.engine.dispatch('apiToken.reveal', {})) as { value: { token: string } }).value.token).toBe(first);

  await section.getByRole('button', { name: 'Replace the token…' }).click();
  await section.getByRole('button', { name: 'Replace the token', exact: true }).click();
  await expect(section.getByRole('status')).toContainText('the old one no longer works');
  const second = await field.inputValue();
  expect(second).not.toBe(first);
  expect(((await secure.engine.dispatch('apiToken.reveal', {})) as { value: { token: string } }).value.token).toBe(second);
});

test('the generator: an API key makes it Claude, is never shown back, and is cleared; the model is saved', async ({ page, secure, openApp }) => {
  await openApp();
  await goTo(page, 'Settings');
  const section = page.getByRole('region', { name: 'Generator' });
  await expect(section.getByRole('status')).toContainText('Offline');
  const keyField = section.getByLabel('API key', { exact: true });
  await expect(keyField).toHaveAttribute('type', 'password');

  await keyField.fill('not a key');
  await section.getByRole('button', { name: 'Save the key' }).click();
  await expect(section.getByRole('alert').filter({ hasText: 'does not look like an Anthropic API key' })).toBeVisible();

  const apiKey = `sk-ant-api03-${'k'.repeat(48)}`;
  await keyField.fill(apiKey);
  await section.getByRole('button', { name: 'Save the key' }).click();
  await expect(section.getByRole('status')).toContainText('Claude');
  await expect(section.getByRole('status')).toContainText('The key is saved.');
  await expect(section).toContainText('A key is stored, sealed on this computer.');
  // Never displayed back: the field is emptied and the key is nowhere in the page.
  await expect(section.getByLabel('New API key (replaces the stored one)')).toHaveValue('');
  expect(await page.content()).not.toContain(apiKey);
  expect(((await secure.engine.dispatch('generator.status', {})) as { value: unknown }).value).toMatchObject({ mode: 'claude', keySource: 'stored' });
  await screenshot(page, 'settings-generator-claude');

  const model = section.getByRole('textbox', { name: 'Claude model' });
  await model.fill('Not A Model');
  await section.getByRole('button', { name: 'Save the model' }).click();
  await expect(section.getByRole('alert').filter({ hasText: 'Model names use lower-case letters' })).toBeVisible();
  await model.fill('claude-sonnet-4-5');
  await section.getByRole('button', { name: 'Save the model' }).click();
  await expect(section.getByRole('status')).toContainText('Claude (claude-sonnet-4-5)');

  await section.getByRole('button', { name: 'Remove the stored key' }).click();
  await expect(section.getByRole('status')).toContainText('Offline');
  await expect(section.getByRole('status')).toContainText('The stored key is removed.');
  expect(((await secure.engine.dispatch('generator.status', {})) as { value: unknown }).value).toMatchObject({
    mode: 'offline', keySource: null, model: 'claude-sonnet-4-5',
  });
  await screenshot(page, 'settings-security');
});

test('a lockout after wrong codes is shown with its end', async ({ page, secure, openApp }) => {
  await enrollAuthenticator(secure.engine, secure.clock, 'owner@laptop');
  for (let attempt = 0; attempt < 5; attempt++) {
    await secure.engine.dispatch('totp.startEnrollment', { account: 'again', currentCode: '000000' });
  }
  const status = await approvalStatus(secure.engine.dispatch);
  expect(status.totp?.lockedUntil).toEqual(expect.any(String));
  await openApp('settings');
  const section = authenticator(page);
  await expect(section).toContainText('Locked');
  await expect(section).toContainText('after too many wrong codes; approvals are possible again from');
  await screenshot(page, 'settings-totp-locked');
});
