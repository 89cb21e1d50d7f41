// Settings → Configuration against the real engine: a value changed in the form is saved in
// config.yaml (comments kept) and audited; a value that would weaken safety is refused with the
// reason; a hand-edited problem is shown at its field with its line; and the card speaks Polish.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { screenshot } from './workbench-fixtures.ts';

const card = (page: Page, name = 'Configuration') => page.getByRole('region', { name, exact: true });

test('a changed value is saved in config.yaml; a weakening one is refused with the reason', async ({ page, engine, openApp }) => {
  await openApp('settings');
  const section = card(page);
  await expect(section).toContainText(engine.config.file);
  await expect(section).toContainText('Not written yet');

  const retries = section.getByRole('form', { name: 'Retries after a failed execution' });
  await retries.getByRole('spinbutton').fill('1');
  await retries.getByRole('button', { name: 'Save' }).click();
  await expect(retries.getByRole('status')).toHaveText('Saved in config.yaml.');
  expect(readFileSync(engine.config.file, 'utf8')).toMatch(/ {4}maxRetries: 1\n/);
  expect(readFileSync(engine.config.file, 'utf8')).toContain('# No autonomous yet');
  expect(engine.config.get('skills.execution.maxRetries')).toBe(1);

  const sandbox = section.getByRole('form', { name: 'Run skills in the sandbox' });
  await sandbox.getByRole('checkbox').uncheck();
  await sandbox.getByRole('button', { name: 'Save' }).click();
  await expect(sandbox.getByRole('alert')).toHaveText('The sandbox cannot be turned off: skill code never runs outside its isolate.');
  expect(readFileSync(engine.config.file, 'utf8')).toMatch(/ {4}sandbox: true\n/);

  const registries = section.getByRole('form', { name: 'Marketplace registries' });
  await expect(registries).toContainText('One or more https:// or file:// addresses, separated by spaces.');
  await expect(registries).not.toContainText('Used from a later version');
  expect(engine.store.auditLog.page({ offset: 0, limit: 10, event: 'config.changed' }).items.map((e) => e.data.key)).toEqual(['skills.execution.maxRetries']);
  await screenshot(page, 'settings-config');
});

test('a weakening value written by hand is shown at its field, with its line, and not used', async ({ page, engine, openApp }) => {
  writeFileSync(engine.config.file, 'skills:\n  learning:\n    requireApproval: false\n');
  await openApp('settings');
  const field = card(page).getByRole('form', { name: 'New skills wait for your approval' });
  await expect(field.getByRole('alert')).toContainText('skills.learning.requireApproval (line 3, column 22): Approval cannot be turned off');
  await expect(field.getByRole('checkbox')).toBeChecked();
});

test.describe('in Polish', () => {
  test.use({ locale: 'pl-PL' });

  test('the card, its saving and its refusals speak Polish', async ({ page, engine, openApp }) => {
    await openApp('settings');
    const section = card(page, 'Konfiguracja');
    const perDay = section.getByRole('form', { name: 'Propozycje asystenta na dzień' });
    await perDay.getByRole('spinbutton').fill('3');
    await perDay.getByRole('button', { name: 'Zapisz' }).click();
    await expect(perDay.getByRole('status')).toHaveText('Zapisano w config.yaml.');
    expect(engine.config.get('skills.learning.maxProposedPerDay')).toBe(3);

    const approval = section.getByRole('form', { name: 'Nowe skille czekają na Twoje zatwierdzenie' });
    await approval.getByRole('checkbox').uncheck();
    await approval.getByRole('button', { name: 'Zapisz' }).click();
    await expect(approval.getByRole('alert')).toContainText('Zatwierdzania nie da się wyłączyć');
    await expect(section.getByRole('form', { name: 'Rejestry marketplace' })).toContainText('Jeden lub więcej adresów https:// albo file://, oddzielonych spacjami.');
    await screenshot(page, 'settings-config-pl');
  });
});
