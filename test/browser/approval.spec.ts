// The approval dialog against the real engine: the authenticator enrolled through the contract,
// the TEST provider as the check on this computer (or the fallback passphrase), each code fresh.
import type { Locator, Page } from '@playwright/test';
import { test, expect, screenshot, screenshotView, nav, openFromQueue, tab, REVIEW_TEST_TIMEOUT } from './review-fixtures.ts';
import { generateFromText, generateWith, waterTrackerUpdate } from '../bridge/approval-engine.ts';

test.describe.configure({ timeout: REVIEW_TEST_TIMEOUT });
// Tall enough for the whole approval dialog in its screenshots.
test.use({ viewport: { width: 1280, height: 960 } });

const approveDialog = (page: Page) => page.getByRole('dialog', { name: 'Approve “Śledzenie: woda”' });
const codeField = (dialog: Locator) => dialog.getByRole('textbox', { name: 'Code from your authenticator app' });

async function openApproval(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Approve…' }).click();
  const dialog = approveDialog(page);
  await expect(dialog).toBeVisible();
  await expect(codeField(dialog)).toBeFocused();
  return dialog;
}

async function submitCode(dialog: Locator, code: string): Promise<void> {
  await codeField(dialog).fill(code);
  await dialog.getByRole('button', { name: 'Approve and deploy' }).click();
}

test('approve: the pending update is inspected, then approved with the authenticator code and the check on this computer', async ({ page, engine, authenticator, openApp }) => {
  const first = await generateFromText(engine);
  const usedCode = await authenticator.nextCode();
  await engine.dispatch('approval.approve', { versionId: first.id, shownContentSha256: first.contentSha256, totpCode: usedCode });
  const pending = await generateWith(engine, waterTrackerUpdate);
  await openApp();
  await expect(nav(page).getByRole('button', { name: 'Review queue (1 awaiting review)' })).toBeVisible();

  // Inspect: disclosure, the code with highlighting, the diff against the running version.
  await openFromQueue(page, 'Śledzenie: woda');
  await expect(page.getByRole('region', { name: 'What it may do' })).toContainText('send data to api.open-meteo.com');
  await tab(page, 'Code').click();
  await expect(page.locator('.code .hljs-keyword').first()).toBeVisible();
  await tab(page, 'Changes').click();
  await expect(page.getByRole('table', { name: 'Changes in skill.ts, side by side' }).locator('.diff__cell--add').filter({ hasText: 'goal: 2500' })).toBeVisible();

  // The dialog shows exactly what is approved and which check this computer uses.
  const dialog = await openApproval(page);
  await expect(dialog.getByRole('term')).toHaveText(['Skill', 'Version', 'Content hash']);
  await expect(dialog.getByRole('definition').nth(1)).toHaveText('custom-water-tracker@v1.1.0');
  await expect(dialog.getByTestId('approve-hash')).toHaveText(pending.contentSha256.slice(0, 16));
  await expect(dialog.getByTestId('approve-hash')).toHaveAttribute('title', pending.contentSha256);
  await expect(dialog.locator('.capabilities').getByRole('listitem')).toHaveText([
    'Reads: read your water entries (table exo_water_entries)',
    'Writes: add new water entries (table exo_water_entries)',
    'Network: send data to api.open-meteo.com',
    'Action: action “Log water” (log_water) runs the skill’s code in the sandbox',
  ]);
  // The level comes with every reason for it, beside the audit's warnings.
  await expect(dialog.getByTestId('risk')).toContainText('High risk');
  await expect(dialog.getByRole('list', { name: 'Why this risk' }).getByRole('listitem')).toHaveText([
    'It can send data outside this computer (api.open-meteo.com).', 'The audit raised 2 warning(s).',
  ]);
  await expect(dialog.getByRole('heading', { name: 'Warnings' })).toBeVisible();
  await expect(dialog).toContainText('Builds a regular expression from text known only at run time');
  await expect(dialog.getByTestId('approve-provider')).toHaveText('TEST provider, no real check (FOUNDRY_TEST_BIOMETRIC=approve)');
  await expect(dialog).toContainText('Approvals use the TEST provider (FOUNDRY_TEST_BIOMETRIC): nobody is asked to confirm on this computer.');
  const field = codeField(dialog);
  await expect(field).toHaveAttribute('inputmode', 'numeric');
  await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(field).toHaveAttribute('maxlength', '6');
  await expect(dialog.getByRole('textbox', { name: 'Local approval passphrase' })).toHaveCount(0);
  await field.pressSequentially('12a34');
  await expect(field).toHaveValue('1234');
  await dialog.getByRole('button', { name: 'Approve and deploy' }).click();
  await expect(dialog.getByText('Enter all 6 digits of the code.')).toBeVisible();
  await screenshot(page, 'approval-dialog');

  // A code that was already used is refused as such; the next one goes through.
  await submitCode(dialog, usedCode);
  await expect(dialog.getByRole('alert')).toContainText('That code was already used: wait for the next one');
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await submitCode(dialog, await authenticator.nextCode());
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Approved: custom-water-tracker@v1.1.0 is now running.' })).toBeVisible();
  await expect(page.getByText('Running version: 1.1.0')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve…' })).toHaveCount(0);
  expect(engine.store.versions.get(pending.id)?.status).toBe('approved');

  // The queue and the counts follow at once.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No skills wait for review' })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Review queue', exact: true })).toBeVisible();
  await expect(page.locator('[data-count="pendingReviews"] dd')).toHaveText('0');
  await nav(page).getByRole('button', { name: 'Skills' }).click();
  await expect(page.getByRole('row', { name: /Śledzenie: woda/ })).toContainText('1.1.0');
  await expect(page.getByRole('row', { name: /Śledzenie: woda/ })).toContainText('Active');
});

async function openPendingApproval(page: Page, engine: Parameters<typeof generateFromText>[0], openApp: (view?: 'reviews') => Promise<void>) {
  const pending = await generateFromText(engine);
  await openApp();
  await openFromQueue(page, 'Śledzenie: woda');
  return { pending, dialog: await openApproval(page) };
}

test('wrong codes: each is refused clearly, the fifth locks approvals, and the lock is shown with its end', async ({ page, engine, authenticator, openApp }) => {
  const { pending, dialog } = await openPendingApproval(page, engine, openApp);
  await submitCode(dialog, '000000');
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('That code is not right');
  await expect(alert).toContainText('Wrong code. Attempts left before a 15-minute lock: 4.');
  await expect(codeField(dialog)).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'approval-dialog-wrong-code');
  for (const left of [3, 2, 1]) {
    await submitCode(dialog, '000000');
    await expect(alert).toContainText(`Attempts left before a 15-minute lock: ${left}.`);
  }
  await submitCode(dialog, '000000');
  await expect(alert).toContainText('Approvals are locked after too many wrong codes.');
  await expect(alert).toContainText('Too many failed attempts: approvals are locked for 15 more min.');
  await expect(alert).toContainText(/You can try again after .+\d/);
  await screenshot(page, 'approval-dialog-locked');

  // Even the right code is refused while the lock lasts; reopening the dialog says so up front.
  await submitCode(dialog, await authenticator.nextCode());
  await expect(alert).toContainText('Approvals are locked after too many wrong codes.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Approve…' }).click();
  await expect(approveDialog(page).getByRole('alert')).toContainText('Approvals are locked after too many wrong codes.');
  expect(engine.store.versions.get(pending.id)?.status).toBe('pending');
});

test('content changed after it was shown: the approval is refused and the version can be shown again', async ({ page, engine, authenticator, openApp }) => {
  const { pending, dialog } = await openPendingApproval(page, engine, openApp);
  engine.store.db.prepare('UPDATE exo_skill_versions SET code = code || ? WHERE id = ?').run('\n// changed behind the reviewer’s back\n', pending.id);
  await submitCode(dialog, await authenticator.nextCode());
  await expect(dialog.getByRole('alert')).toContainText('This version changed after it was shown to you');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was deployed');
  await dialog.getByRole('button', { name: 'Show the version again' }).click();
  await expect(dialog).toHaveCount(0);
  expect(engine.store.versions.get(pending.id)?.status).toBe('pending');
});

test.describe('when the person cancels the check on this computer', () => {
  test.use({ biometric: 'cancel' });

  test('the cancellation is said plainly and nothing is approved', async ({ page, engine, authenticator, openApp }) => {
    const { pending, dialog } = await openPendingApproval(page, engine, openApp);
    await expect(dialog.getByTestId('approve-provider')).toHaveText('TEST provider, no real check (FOUNDRY_TEST_BIOMETRIC=cancel)');
    await submitCode(dialog, await authenticator.nextCode());
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('The check on this computer was cancelled: nothing was approved');
    await expect(alert).toContainText('Cancelled (test provider).');
    await screenshot(page, 'approval-dialog-biometric-cancelled');
    expect(engine.store.versions.get(pending.id)?.status).toBe('pending');
    // Escape closes the dialog; focus is back on the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Approve…' })).toBeFocused();
  });
});

test.describe('when the check on this computer refuses', () => {
  test.use({ biometric: 'deny' });

  test('the refusal is said plainly and nothing is approved', async ({ page, engine, authenticator, openApp }) => {
    const { pending, dialog } = await openPendingApproval(page, engine, openApp);
    await submitCode(dialog, await authenticator.nextCode());
    await expect(dialog.getByRole('alert')).toContainText('The check on this computer did not pass: nothing was approved');
    await expect(dialog.getByRole('alert')).toContainText('Refused (test provider).');
    expect(engine.store.versions.get(pending.id)?.status).toBe('pending');
  });
});

test('without an authenticator nothing can be approved, and the dialog leads to Settings', async ({ page, engine, openApp }) => {
  await generateFromText(engine);
  await openApp();
  await openFromQueue(page, 'Śledzenie: woda');
  await page.getByRole('button', { name: 'Approve…' }).click();
  const dialog = approveDialog(page);
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Approving is not possible yet');
  await expect(alert).toContainText('The authenticator app is not set up. Set it up in Settings, then approve.');
  await expect(codeField(dialog)).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Approve and deploy' })).toBeDisabled();
  await screenshot(page, 'approval-dialog-unavailable');
  await alert.getByRole('button', { name: 'Open Settings' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test.describe('on a computer without a biometric check, with the fallback passphrase set up', () => {
  test.use({ biometric: null, platform: 'freebsd' });

  const PASSPHRASE = 'a long local approval passphrase 42';

  test('the dialog asks for the passphrase too; a wrong one is refused, the right one approves', async ({ page, engine, authenticator, openApp }) => {
    const setUp = await engine.dispatch('fallback.setUp', { passphrase: PASSPHRASE });
    expect(setUp.ok).toBe(true);
    const { pending, dialog } = await openPendingApproval(page, engine, openApp);
    await expect(dialog.getByTestId('approve-provider')).toHaveText('Local approval passphrase');
    const passphrase = dialog.getByLabel('Local approval passphrase');
    await expect(passphrase).toHaveAttribute('type', 'password');

    await codeField(dialog).fill(await authenticator.nextCode());
    await dialog.getByRole('button', { name: 'Approve and deploy' }).click();
    await expect(passphrase).toHaveAttribute('aria-invalid', 'true');

    await passphrase.fill('not the passphrase');
    await dialog.getByRole('button', { name: 'Approve and deploy' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The check on this computer did not pass: nothing was approved');
    await expect(dialog.getByRole('alert')).toContainText('Wrong approval passphrase.');
    await screenshot(page, 'approval-dialog-passphrase');

    await codeField(dialog).fill(await authenticator.nextCode());
    await passphrase.fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Approve and deploy' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Running version: 1.0.0')).toBeVisible();
    expect(engine.store.versions.get(pending.id)?.status).toBe('approved');
    await screenshotView(page, 'skill-detail-approved');
  });

  test('rolling back asks for the passphrase too: a wrong one is refused, the right one goes back to 1.0.0', async ({ page, engine, authenticator, openApp }) => {
    expect((await engine.dispatch('fallback.setUp', { passphrase: PASSPHRASE })).ok).toBe(true);
    for (const make of [() => generateFromText(engine), () => generateWith(engine, waterTrackerUpdate)]) {
      const pending = await make();
      const approved = await engine.dispatch('approval.approve', {
        versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await authenticator.nextCode(), passphrase: PASSPHRASE,
      });
      expect(approved.ok).toBe(true);
    }
    await openApp('skills');
    await page.getByRole('row', { name: /Śledzenie: woda/ }).getByRole('button', { name: 'Śledzenie: woda', exact: true }).click();
    await tab(page, /^Versions/).click();
    await page.getByRole('table', { name: 'Versions' }).getByRole('row', { name: /^1\.0\.0/ }).getByRole('button', { name: 'Roll back to 1.0.0…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roll back to 1.0.0' });
    const confirm = dialog.getByRole('button', { name: 'Roll back to 1.0.0' });
    const passphrase = dialog.getByLabel('Local approval passphrase');
    await expect(confirm).toBeDisabled();
    await passphrase.fill('not the passphrase');
    await confirm.click();
    await expect(dialog.getByRole('alert')).toContainText('Wrong approval passphrase.');
    expect(engine.store.versions.active('custom-water-tracker')?.version).toBe('1.1.0');
    await passphrase.fill(PASSPHRASE);
    await confirm.click();
    await expect(dialog).toHaveCount(0);
    expect(engine.store.versions.active('custom-water-tracker')?.version).toBe('1.0.0');
  });
});
