// Running a skill's action by hand from the Skills view, through a form generated from the action's
// params_schema: the water tracker is generated, approved with both factors (a real TOTP code and
// the test provider, in setup: the approval dialog has its own tests) and deployed; log_water runs
// in the sandbox, its result and execution record are shown, and the execution appears in Activity.
import type { Page } from '@playwright/test';
import { test, expect, screenshot, goTo } from './workbench-fixtures.ts';
import { deployWaterTracker } from '../bridge/workbench-engine.ts';

const runPanel = (page: Page) => page.getByRole('region', { name: 'Run Śledzenie: woda by hand' });

async function openRunPanel(page: Page): Promise<void> {
  await goTo(page, 'Skills');
  const row = page.getByRole('row', { name: /Śledzenie: woda/ });
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: 'Run an action of Śledzenie: woda' }).click();
  await expect(runPanel(page).getByRole('heading', { name: 'Run Śledzenie: woda by hand' })).toBeFocused();
  // A skill written from a Polish request, seen in English: its action goes by its English label.
  await expect(runPanel(page).getByRole('heading', { name: /Log water/ })).toBeVisible();
}

test('log_water runs from a generated form; the result, the execution record and then Activity show it', async ({ page, secure, openApp }) => {
  await deployWaterTracker(secure);
  await openApp();
  await openRunPanel(page);

  const panel = runPanel(page);
  const amount = panel.getByRole('textbox', { name: 'amount_ml' });
  const note = panel.getByRole('textbox', { name: 'note' });
  await expect(amount).toHaveAttribute('aria-required', 'true');
  await expect(note).not.toHaveAttribute('aria-required', 'true');
  // The schema's constraints, in words.
  await expect(panel.getByText('A number, greater than 0, at most 5,000')).toBeVisible();
  await expect(panel.getByText('Up to 200 characters')).toBeVisible();

  await amount.fill('250');
  await note.fill('after the run');
  await panel.getByRole('button', { name: 'Run log_water' }).click();

  const result = panel.getByRole('region', { name: /Result/ });
  await expect(result.getByRole('status')).toHaveText('Succeeded Result');
  const data = JSON.parse(await result.getByLabel('Data the action returned').innerText()) as Record<string, unknown>;
  expect(data).toMatchObject({ amount_ml: 250, note: 'after the run', tenant_id: 'local' });

  const [record] = secure.engine.store.executions.page({ offset: 0, limit: 1, skillSlug: 'custom-water-tracker' }).items;
  expect(record).toMatchObject({ action: 'log_water', status: 'succeeded' });
  const facts = result.locator('dl');
  await expect(facts.getByRole('definition')).toContainText([`#${record!.id}`, 'Succeeded', 'log_water', /\d/, /ms$/, record!.inputSha256, record!.outputSha256!]);
  await screenshot(page, 'skills-run-result');

  // The skill's usage went up, and the execution is in Activity with its fingerprints.
  await expect(page.getByRole('row', { name: /Śledzenie: woda/ }).getByRole('cell').nth(3)).toHaveText(/^[1-9]/);
  await goTo(page, 'Activity');
  const executions = page.getByRole('table', { name: 'Executions' });
  const newest = executions.getByRole('row').nth(1);
  await expect(newest).toContainText('log_water');
  await expect(newest).toContainText('Succeeded');
  await expect(newest).toContainText(record!.inputSha256.slice(0, 8));
  await expect(newest).toContainText(record!.outputSha256!.slice(0, 8));
  await screenshot(page, 'activity-after-run');
});

test('the form refuses bad input before anything is sent, naming each problem', async ({ page, secure, openApp, calls }) => {
  await deployWaterTracker(secure);
  await openApp();
  await openRunPanel(page);
  const panel = runPanel(page);
  const amount = panel.getByRole('textbox', { name: 'amount_ml' });
  const note = panel.getByRole('textbox', { name: 'note' });
  const send = panel.getByRole('button', { name: 'Run log_water' });
  const runsBefore = calls.filter((method) => method === 'skills.run').length;
  const executionsBefore = secure.engine.store.executions.page({ offset: 0, limit: 1 }).total;

  await send.click();
  await expect(panel.getByText('Fill this in.')).toBeVisible();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toBeFocused();
  await expect(panel.getByRole('alert').filter({ hasText: 'Nothing was sent' })).toBeVisible();

  const cases: [string, string][] = [
    ['a lot', 'Enter a number, for example 250.'],
    ['0', 'Must be greater than 0.'],
    ['-5', 'Must be greater than 0.'],
    ['6000', 'Must be at most 5,000.'],
  ];
  for (const [typed, message] of cases) {
    await amount.fill(typed);
    await send.click();
    await expect(panel.getByText(message)).toBeVisible();
  }
  await amount.fill('300');
  await note.fill('x'.repeat(201));
  await send.click();
  await expect(panel.getByText('Must have at most 200 characters.')).toBeVisible();
  await expect(note).toBeFocused();
  await screenshot(page, 'skills-run-validation');

  // Nothing reached main while the form was wrong.
  expect(calls.filter((method) => method === 'skills.run').length).toBe(runsBefore);
  expect(secure.engine.store.executions.page({ offset: 0, limit: 1 }).total).toBe(executionsBefore);

  // A decimal comma is read as people write it; once correct, it runs.
  await amount.fill('250,5');
  await note.fill('');
  await send.click();
  await expect(panel.getByRole('region', { name: /Result/ }).getByRole('status')).toHaveText('Succeeded Result');
  expect(calls.filter((method) => method === 'skills.run').length).toBe(runsBefore + 1);
  const [record] = secure.engine.store.executions.page({ offset: 0, limit: 1, skillSlug: 'custom-water-tracker' }).items;
  expect(record).toMatchObject({ action: 'log_water', status: 'succeeded' });
});

test('a skill is archived and restored from its row', async ({ page, secure, openApp }) => {
  await deployWaterTracker(secure);
  await openApp();
  await goTo(page, 'Skills');
  const row = page.getByRole('row', { name: /Śledzenie: woda/ });

  await row.getByRole('button', { name: 'Archive Śledzenie: woda' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“Śledzenie: woda” was archived' })).toBeVisible();
  await expect(row).toContainText('Archived');
  await expect(row.getByRole('button', { name: 'Run an action of Śledzenie: woda' })).toHaveCount(0);
  expect(secure.engine.store.skills.list()[0]!.status).toBe('archived');

  await row.getByRole('button', { name: 'Restore Śledzenie: woda' }).click();
  await expect(row).toContainText('Active');
  await expect(row.getByRole('button', { name: 'Run an action of Śledzenie: woda' })).toBeVisible();
  expect(secure.engine.store.skills.list()[0]!.status).toBe('active');
  await screenshot(page, 'skills-restored');
});

test('the row opens the skill detail', async ({ page, secure, openApp, calls }) => {
  await deployWaterTracker(secure);
  await openApp();
  await goTo(page, 'Skills');
  await page.getByRole('button', { name: 'Śledzenie: woda', exact: true }).click();
  // The detail (another screen's) replaces the list and reads the skill.
  await expect(page.getByRole('heading', { level: 1, name: 'Śledzenie: woda' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Skills' })).toBeHidden();
  expect(calls).toContain('skills.get');
});

test('running an action works from the keyboard alone', async ({ page, secure, openApp }) => {
  await deployWaterTracker(secure);
  await openApp();
  await goTo(page, 'Skills');
  const run = page.getByRole('button', { name: 'Run an action of Śledzenie: woda' });
  for (let step = 0; step < 20 && !(await run.evaluate((button) => button === document.activeElement)); step++) await page.keyboard.press('Tab');
  await expect(run).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(runPanel(page).getByRole('heading', { name: 'Run Śledzenie: woda by hand' })).toBeFocused();
  await expect(runPanel(page).getByRole('textbox', { name: 'amount_ml' })).toBeVisible();
  // Close, then the amount field: Tab order follows the panel.
  await page.keyboard.press('Tab');
  await expect(runPanel(page).getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(runPanel(page).getByRole('textbox', { name: 'amount_ml' })).toBeFocused();
  await page.keyboard.type('330');
  await page.keyboard.press('Enter');
  await expect(runPanel(page).getByRole('region', { name: /Result/ }).getByRole('status')).toHaveText('Succeeded Result');
});
