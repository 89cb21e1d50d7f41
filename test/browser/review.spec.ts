// The review queue and the skill detail against the real engine: versions made by the real
// pipeline (offline generator, audit, sandbox dry run, disclosure), decisions through the contract.
import type { Page } from '@playwright/test';
import { test, expect, screenshotView, nav, pendingRow, openFromQueue, tab, REVIEW_TEST_TIMEOUT } from './review-fixtures.ts';
import {
  approveNow, blockedGenerator, generateFromText, generateWith, waterTrackerUpdate,
} from '../bridge/approval-engine.ts';
import type { SkillGenerator } from '../../main/skills/generator/index.ts';
import { offlineGenerator } from '../../main/skills/generator/index.ts';

test.describe.configure({ timeout: REVIEW_TEST_TIMEOUT });

const detailHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Śledzenie: woda' });

test('a pending version in the queue opens into its review: disclosure, risk, findings, dry run, steps, code and diff', async ({ page, engine, authenticator, openApp }) => {
  await approveNow(engine, authenticator, await generateFromText(engine));
  const pending = await generateWith(engine, waterTrackerUpdate);
  await openApp();

  const row = pendingRow(page, 'Śledzenie: woda');
  await expect(row.getByRole('cell').nth(0)).toHaveText('1.1.0');
  await expect(row.getByRole('cell').nth(1)).toHaveText(pending.contentSha256.slice(0, 12));
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^in (23|24) hours$/);
  await expect(row.getByRole('cell').nth(4)).toHaveText('Passed with warningsFindings: 2');
  await expect(row.getByRole('cell').nth(5)).toHaveText('High risk');
  await expect(row.getByRole('button', { name: 'Review Śledzenie: woda 1.1.0' })).toBeInViewport();
  await screenshotView(page, 'review-queue-pending');
  await openFromQueue(page, 'Śledzenie: woda');
  await expect(detailHeading(page)).toBeFocused();

  // Summary: what it may do, in plain words, with the risk and its reasons.
  const disclosure = page.getByRole('region', { name: 'What it may do' });
  await expect(disclosure).toContainText("Skill 'Śledzenie: woda' (new version 1.1.0) wants to:");
  await expect(disclosure.getByRole('list').first().getByRole('listitem')).toHaveText([
    'Reads: read your water entries (table exo_water_entries)',
    'Writes: add new water entries (table exo_water_entries)',
    'Network: send data to api.open-meteo.com',
    'Action: action “Log water” (log_water) runs the skill’s code in the sandbox',
  ]);
  await expect(disclosure.getByText('High risk')).toBeVisible();
  await expect(disclosure).toContainText('It can send data outside this computer (api.open-meteo.com).');
  await expect(disclosure).toContainText('Compared with the running version 1.0.0');
  const audit = page.getByRole('region', { name: /^Audit/ });
  await expect(audit.getByRole('listitem').filter({ hasText: 'Builds a regular expression from text known only at run time' })).toBeVisible();
  const dryRun = page.getByRole('region', { name: /^Dry run/ });
  await expect(dryRun.getByRole('row', { name: /executeAction log_water/ })).toContainText('Succeeded');
  await expect(dryRun.getByRole('row')).toHaveCount(5);
  const steps = page.getByRole('region', { name: 'Pipeline steps' });
  await expect(steps.getByRole('listitem')).toHaveCount(5);
  await expect(steps).toContainText('Dry run in the sandbox: all 4 sample call(s) succeeded.');
  await expect(page.getByRole('term').filter({ hasText: 'Time left to decide' })).toBeVisible();
  await screenshotView(page, 'review-detail');

  // Code: highlighted, the finding marked on its line and explained below it.
  await audit.getByRole('button', { name: /^Line 44, column/ }).click();
  await expect(tab(page, 'Code')).toHaveAttribute('aria-selected', 'true');
  const code = page.getByRole('region', { name: 'Code of custom-water-tracker@v1.1.0' });
  await expect(code.locator('.hljs-keyword').first()).toHaveText('export');
  const marker = code.getByRole('button', { name: 'Line 44: audit findings (1)' });
  await expect(marker).toBeFocused();
  await expect(code.locator('#finding-line-44')).toContainText('Builds a regular expression from text known only at run time');
  await expect(code.locator('tr[data-line="44"]')).toContainText('new RegExp(params.note, "i")');
  await screenshotView(page, 'skill-detail-code');

  // Changes against the running version: capabilities, then each file side by side or unified.
  await tab(page, 'Changes').click();
  await expect(page.getByText('From custom-water-tracker@v1.0.0 to custom-water-tracker@v1.1.0')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Capabilities' }).getByRole('listitem')).toHaveText(['Added send data to api.open-meteo.com']);
  const split = page.getByRole('table', { name: 'Changes in skill.ts, side by side' });
  await expect(split.getByRole('row').filter({ hasText: 'goal: 2000' })).toContainText('goal: 2500');
  await expect(split.locator('.diff__code.diff__cell--del').filter({ hasText: 'goal: 2000' })).toBeVisible();
  await expect(split.locator('.diff__code.diff__cell--add').filter({ hasText: 'goal: 2500' })).toBeVisible();
  await expect(split.locator('.diff__cell--add .hljs-keyword').first()).toBeVisible();
  await screenshotView(page, 'skill-detail-diff');
  await page.getByRole('button', { name: 'Unified' }).click();
  await expect(page.getByRole('button', { name: 'Unified' })).toHaveAttribute('aria-pressed', 'true');
  const unified = page.getByRole('table', { name: 'Changes in skill.ts, unified' });
  await expect(unified.locator('.diff__row--del')).toContainText(['goal: 2000']);
  await expect(unified.locator('.diff__row--add').filter({ hasText: 'goal: 2500' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Changes in SKILL.md' })).toContainText('No changes in this file.');
  await screenshotView(page, 'skill-detail-diff-unified');

  // Back: the queue is where it was, and focus returns to what opened the detail.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(pendingRow(page, 'Śledzenie: woda').getByRole('button', { name: /^Review/ })).toBeFocused();
});

test('the language switch on the review detail shows the disclosure, risk and texts in Polish and back', async ({ page, engine, openApp }) => {
  await generateFromText(engine);
  await openApp();
  await openFromQueue(page, 'Śledzenie: woda');
  const disclosure = page.getByRole('region', { name: 'What it may do' });
  await expect(disclosure).toContainText("New skill 'Śledzenie: woda' wants to:");
  await expect(disclosure.getByText('Low risk')).toBeVisible();
  // The other language is one click away without switching the UI.
  await disclosure.getByText('Show this disclosure in Polish').click();
  await expect(disclosure.locator('pre[lang], details[lang="pl"] pre')).toContainText('Nowy skill \'Śledzenie: woda\' chce:');

  const language = page.getByRole('group', { name: 'Language' });
  await language.getByRole('button', { name: 'Polski' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  const pl = page.getByRole('region', { name: 'Co może robić' });
  await expect(pl).toContainText("Nowy skill 'Śledzenie: woda' chce:");
  await expect(pl.getByRole('list').first().getByRole('listitem')).toHaveText([
    'Odczyt: Odczytywać Twoje wpisy o wypitej wodzie (tabela exo_water_entries)',
    'Zapis: Dodawać nowe wpisy o wypitej wodzie (tabela exo_water_entries)',
    'Akcja: Akcja „Zapisz wypitą wodę” (log_water) uruchamia kod skilla w piaskownicy',
  ]);
  await expect(pl.getByText('Niskie ryzyko')).toBeVisible();
  await expect(pl).toContainText('Tylko odczytuje i dodaje własne wpisy; nic, co już masz, się nie zmienia.');
  await expect(tab(page, 'Podsumowanie')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Zatwierdź…' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Etapy procesu' })).toContainText('Próbne uruchomienie w piaskownicy: wszystkie wywołania (4) udane.');
  expect(engine.store.settings.get().language).toBe('pl');
  await screenshotView(page, 'review-detail-pl');

  await page.getByRole('group', { name: 'Język' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('region', { name: 'What it may do' })).toContainText("New skill 'Śledzenie: woda' wants to:");
  expect(engine.store.settings.get().language).toBe('en');
});

test('tabs are reachable by keyboard; SKILL.md is rendered without any HTML from the skill', async ({ page, engine, openApp }) => {
  const hostileMd: SkillGenerator = {
    id: 'offline',
    async generate(need, feedback) {
      const candidate = await offlineGenerator.generate(need, feedback);
      const skillMd = candidate.skillMd.replace(
        '## Actions',
        '<script>window.__mdRan = true</script>\n<img src="x" onerror="window.__mdRan = true">\n\n[click me](javascript:alert(1)) and **bold**\n\n## Actions',
      );
      return { ...candidate, skillMd };
    },
  };
  await generateWith(engine, hostileMd);
  await openApp();
  await openFromQueue(page, 'Śledzenie: woda');

  await tab(page, 'Summary').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Code')).toBeFocused();
  await expect(tab(page, 'Code')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(tab(page, 'Settings')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(tab(page, 'Dependencies')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab(page, /^Versions/)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab(page, 'SKILL.md')).toBeFocused();
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', await tab(page, 'SKILL.md').getAttribute('id') ?? '');

  const markdown = page.locator('.markdown');
  await expect(markdown.getByRole('heading', { level: 1, name: 'Śledzenie: woda' })).toBeVisible();
  await expect(markdown.getByRole('heading', { level: 2, name: 'Actions' })).toBeVisible();
  await expect(markdown.locator('strong')).toHaveText('bold');
  // Raw HTML is shown as text; nothing from the skill runs, loads or links anywhere.
  await expect(markdown).toContainText('<script>window.__mdRan = true</script>');
  await expect(markdown).toContainText('click me (javascript:alert(1))');
  expect(await markdown.locator('script, img, a, iframe, [onerror], [href], [src], [style]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __mdRan?: boolean }).__mdRan)).toBeUndefined();
  await expect(page.getByRole('region', { name: 'Front matter' })).toContainText('name: custom-water-tracker');
  await screenshotView(page, 'skill-detail-skill-md');
  await page.getByRole('button', { name: 'Source' }).click();
  await expect(page.locator('.skill-md pre code .hljs-section').first()).toBeVisible();
});

test('reject with a reason: the version leaves the queue and the reason is kept', async ({ page, engine, openApp }) => {
  const pending = await generateFromText(engine);
  await openApp();
  await openFromQueue(page, 'Śledzenie: woda');
  const opener = page.getByRole('button', { name: 'Reject…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Reject custom-water-tracker@v1.0.0' });
  await expect(dialog).toBeVisible();
  const reason = dialog.getByRole('textbox', { name: 'Why do you reject it?' });
  await expect(reason).toBeFocused();
  await dialog.getByRole('button', { name: 'Reject version' }).click();
  await expect(dialog.getByText('Say why you reject this version.')).toBeVisible();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  // Escape closes the dialog without deciding; focus returns to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  await opener.click();
  await dialog.getByRole('textbox').fill('I track water in my phone already.');
  await screenshotView(page, 'reject-dialog');
  await dialog.getByRole('button', { name: 'Reject version' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Rejected: custom-water-tracker@v1.0.0 will not run.' })).toBeVisible();
  await expect(page.locator('.version-facts')).toContainText('I track water in my phone already.');
  expect(engine.store.versions.get(pending.id)).toMatchObject({ status: 'rejected', decisionReason: 'I track water in my phone already.' });

  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No skills wait for review' })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Review queue', exact: true })).toBeVisible();
});

test('rollback from the version history: two approved versions, back to 1.0.0 with the check on this computer', async ({ page, engine, authenticator, openApp }) => {
  const first = await approveNow(engine, authenticator, await generateFromText(engine));
  await approveNow(engine, authenticator, await generateWith(engine, waterTrackerUpdate));
  await openApp('skills');
  await page.getByRole('row', { name: /Śledzenie: woda/ }).getByRole('button', { name: 'Śledzenie: woda', exact: true }).click();
  await expect(detailHeading(page)).toBeVisible();
  await expect(page.getByText('Running version: 1.1.0')).toBeVisible();

  await tab(page, /^Versions/).click();
  const versions = page.getByRole('table', { name: 'Versions' });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(versions.getByRole('row', { name: /^1\.1\.0 running/ })).toContainText('Approved');
  const approvals = page.getByRole('table', { name: 'Approvals and attempts' });
  await expect(approvals.getByRole('row').nth(1)).toContainText('1.1.0');
  await expect(approvals.getByRole('row').nth(1)).toContainText('Approved');
  await expect(approvals.getByRole('row').nth(1)).toContainText('Authenticator code');
  await expect(approvals.getByRole('row').nth(1)).toContainText('Check on this computer (test)');
  await expect(approvals.getByRole('row').nth(2)).toContainText(first.contentSha256.slice(0, 12));
  await screenshotView(page, 'skill-detail-history');

  await versions.getByRole('row', { name: /^1\.0\.0/ }).getByRole('button', { name: 'Roll back to 1.0.0…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Roll back to 1.0.0' });
  await expect(dialog).toContainText('TEST provider, no real check (FOUNDRY_TEST_BIOMETRIC=approve)');
  await dialog.getByRole('button', { name: 'Roll back to 1.0.0' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Rolled back: custom-water-tracker@v1.0.0 is running again.' })).toBeVisible();
  await expect(page.getByText('Running version: 1.0.0')).toBeVisible();
  expect(engine.store.versions.active('custom-water-tracker')?.version).toBe('1.0.0');

  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('row', { name: /Śledzenie: woda/ })).toContainText('1.0.0');
});

test('requests from the assistant are shown first, open the skill, and can be dismissed', async ({ page, engine, openApp }) => {
  await generateFromText(engine);
  engine.service.requestReview('assistant', 'custom-water-tracker', 'The owner asked about hydration goals; please check.');
  await openApp();
  const requests = page.getByRole('region', { name: 'Requests from your assistant (1)' });
  await expect(requests).toContainText('Review requested');
  await expect(requests).toContainText('Śledzenie: woda · 1.0.0');
  await expect(requests).toContainText('Asked by: Assistant');
  await expect(requests).toContainText('The owner asked about hydration goals; please check.');
  await screenshotView(page, 'review-queue-requests');

  await requests.getByRole('button', { name: 'Open Śledzenie: woda' }).click();
  await expect(detailHeading(page)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Version' })).toHaveValue(engine.store.versions.listForSkill('custom-water-tracker')[0]!.id);
  await page.getByRole('button', { name: 'Back', exact: true }).click();

  await requests.getByRole('button', { name: 'Dismiss Śledzenie: woda' }).click();
  await expect(requests).toHaveCount(0);
  expect(engine.service.reviewRequests('open')).toEqual([]);
  expect(engine.service.reviewRequests('closed')[0]).toMatchObject({ resolution: 'dismissed', closedBy: 'owner' });
});

test('failed candidates are listed with why they failed and open with the blocking finding on its line', async ({ page, engine, openApp }) => {
  const failed = await generateWith(engine, blockedGenerator);
  expect(failed.status).toBe('failed');
  await openApp();
  await expect(page.getByRole('heading', { name: 'No skills wait for review' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Failed candidates' });
  const row = table.getByRole('row', { name: /Śledzenie: woda/ });
  await expect(row).toContainText('1.0.0-failed.1');
  await expect(row).toContainText('Blocked');
  await expect(row).toContainText('Audit blocked the code: 1 blocking finding(s), 0 warning(s).');
  await screenshotView(page, 'review-queue-failed');

  await row.getByRole('button', { name: /^Details/ }).click();
  await expect(detailHeading(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This candidate failed and cannot be approved' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve…' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'What it may do' })).toContainText('No disclosure was prepared for this version');
  await tab(page, 'Code').click();
  const code = page.getByRole('region', { name: 'Code of custom-water-tracker@v1.0.0-failed.1' });
  const marker = code.locator('.code__marker--block');
  await expect(marker).toHaveCount(1);
  await marker.focus();
  await expect(marker).toHaveAttribute('title', /eval/);
  const line = await marker.textContent();
  await expect(code.locator(`tr[data-line="${line?.replace(/\D/g, '')}"]`)).toContainText('eval("1 + 1")');
  await expect(code.locator('.code-findings__item--block')).toContainText('Blocking');
  await screenshotView(page, 'skill-detail-failed-code');
});

test.describe('in a dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });

  test('the code, its findings and the diff keep their colours readable', async ({ page, engine, authenticator, openApp }) => {
    await approveNow(engine, authenticator, await generateFromText(engine));
    await generateWith(engine, waterTrackerUpdate);
    await openApp();
    await openFromQueue(page, 'Śledzenie: woda');
    await tab(page, 'Code').click();
    const keyword = page.locator('.code .hljs-keyword').first();
    await expect(keyword).toHaveCSS('color', 'rgb(255, 123, 114)');
    await screenshotView(page, 'skill-detail-code-dark');
    await tab(page, 'Changes').click();
    await expect(page.locator('.diff__code.diff__cell--add').first()).toBeVisible();
    await screenshotView(page, 'skill-detail-diff-dark');
  });
});
