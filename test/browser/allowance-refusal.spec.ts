// After the allowance dialog is refused, the cursor is where the owner fixes it: in the address
// when the address was refused, in the emptied code field when the code was wrong.
import { test, expect, goTo } from './workbench-fixtures.ts';
import { enrollAuthenticator } from '../bridge/approval-engine.ts';
import { insertSkill, runVersion, SLUG, weatherManifest } from '../unit/settings/settings-fixtures.ts';

test('a refused allowance puts the cursor in the field to fix: the address, or the emptied code', async ({ page, secure, openApp }) => {
  const { engine, clock } = secure;
  runVersion(engine.store, insertSkill(engine.store), weatherManifest('1.0.0'));
  const authenticator = await enrollAuthenticator(engine, clock, 'owner@test');
  await openApp();
  await goTo(page, 'Skills');
  await page.getByRole('button', { name: 'Weather check', exact: true }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Allow a local address…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Let Weather check reach a local address' });
  const address = dialog.getByLabel('IP address');
  const code = dialog.getByLabel('Code from your authenticator app');
  await expect(address).toBeFocused();

  await address.fill('8.8.8.8');
  await dialog.getByLabel('Port').fill('8123');
  await code.fill(await authenticator.nextCode());
  await dialog.getByRole('button', { name: 'Allow' }).click();
  await expect(dialog.getByRole('alert')).toContainText('8.8.8.8 is a public address: it needs no allowance.');
  await expect(address).toBeFocused();

  await address.fill('192.168.1.20');
  await code.fill('000000');
  await dialog.getByRole('button', { name: 'Allow' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Wrong code');
  await expect(code).toHaveValue('');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toBeFocused();
  expect(engine.skillSettings.forRun(SLUG, weatherManifest('1.0.0')).localAllowances).toEqual([]);
});
