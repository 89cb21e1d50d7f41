// The New skill view against the real engine: the owner's request goes through the whole pipeline
// (followed by polling jobs.get) to a pending version in the review queue; a sentence that is not a
// request is answered with the detector's reason; the detector's suggestions are accepted and dismissed.
import type { Page } from '@playwright/test';
import { test, expect, screenshot, goTo } from './workbench-fixtures.ts';
import { seedSuggestions } from '../bridge/workbench-engine.ts';

const STEPS = ['Write the code', 'Security audit', 'Trial run in the sandbox', 'Describe in plain words', 'Submit for your review'];

const requestBox = (page: Page) => page.getByRole('textbox', { name: 'What should your assistant be able to do?' });
const pipeline = (page: Page) => page.getByRole('region', { name: /^Preparing/ });

/** Every step's state as shown, in order (data-state mirrors the visible badge). */
async function stepStates(page: Page): Promise<string[]> {
  return pipeline(page).locator('.pipeline__step').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.state ?? ''));
}

test('a request in Polish goes through every step to a pending version in the review queue', async ({ page, engine, openApp, calls }) => {
  await openApp();
  await goTo(page, 'New skill');
  // Record every state the steps pass through while the page polls.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __stepStates: string[] }).__stepStates = seen;
    new MutationObserver(() => {
      const states = [...document.querySelectorAll<HTMLElement>('.pipeline__step')].map((item) => item.dataset.state).join(',');
      if (states && seen.at(-1) !== states) seen.push(states);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });

  await requestBox(page).fill('Chcę śledzić ile piję wody');
  await page.getByRole('button', { name: 'Create skill' }).click();

  await expect(pipeline(page).getByRole('heading', { name: 'Preparing “Chcę śledzić ile piję wody”' })).toBeFocused();
  await expect(pipeline(page).getByRole('listitem').filter({ hasText: STEPS[0]! }).first()).toBeVisible();
  const done = pipeline(page).getByRole('alert').filter({ hasText: 'Ready for your review' });
  await expect(done).toBeVisible({ timeout: 15_000 });
  await expect(done).toContainText('“Śledzenie: woda” 1.0.0 waits in the review queue.');
  expect(await stepStates(page)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  for (const step of STEPS) await expect(pipeline(page).locator('.pipeline__step', { hasText: step })).toContainText('Done');
  // Each step carries main's own summary in the UI's language.
  await expect(pipeline(page).locator('[data-step="generate"]')).toContainText('Generated “Śledzenie: woda” (custom-water-tracker)');

  // The page polled while the pipeline ran, and saw the steps finish one after another.
  expect(calls.filter((method) => method === 'jobs.get').length).toBeGreaterThanOrEqual(2);
  const seen = await page.evaluate(() => (window as unknown as { __stepStates: string[] }).__stepStates);
  expect(seen[0]).toMatch(/^(running|ok),/);
  expect(seen.at(-1)).toBe('ok,ok,ok,ok,ok');
  await screenshot(page, 'new-skill-pipeline-done');

  // The header's pending count followed, and the version is in the review queue.
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Review queue (1 awaiting review)' })).toBeVisible();
  await done.getByRole('button', { name: 'Show the review queue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Śledzenie: woda/ })).toContainText('1.0.0');

  // "Review it now" opens that version's review in the queue.
  await goTo(page, 'New skill');
  await done.getByRole('button', { name: 'Review it now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Śledzenie: woda' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Review queue/ })).toHaveAttribute('aria-current', 'page');
  const [pending] = engine.store.skills.pendingReviews();
  expect(pending).toMatchObject({ slug: 'custom-water-tracker', status: 'pending' });
});

test('a sentence that is not a request shows the reason and starts nothing', async ({ page, engine, openApp, calls }) => {
  await openApp();
  await goTo(page, 'New skill');

  await page.getByRole('button', { name: 'Create skill' }).click();
  await expect(page.getByText('Type what you would like first.')).toBeVisible();
  expect(calls).not.toContain('skills.generate');

  await requestBox(page).fill('Jak się masz?');
  await requestBox(page).press('Enter');
  const refusal = page.getByRole('alert').filter({ hasText: 'That does not read as a request for a skill' });
  await expect(refusal).toContainText('This is a question, not a request for a new skill');
  // The text stays for the person to rephrase; nothing was started.
  await expect(requestBox(page)).toHaveValue('Jak się masz?');
  await expect(pipeline(page)).toHaveCount(0);
  expect(calls).not.toContain('jobs.get');
  expect(engine.store.skills.counts().skills).toBe(0);
  await screenshot(page, 'new-skill-refused');
});

test('an ambiguous request is asked back as a question, not refused, and starts nothing', async ({ page, engine, openApp, calls }) => {
  await openApp();
  await goTo(page, 'New skill');
  await requestBox(page).fill('Count my reading');
  await requestBox(page).press('Enter');
  const question = page.getByRole('alert').filter({ hasText: 'One question first — say it again with the answer' });
  await expect(question).toContainText('Do you mean the number of books or of pages?');
  await expect(page.getByText('That does not read as a request for a skill')).toHaveCount(0);
  await expect(requestBox(page)).toHaveValue('Count my reading');
  expect(calls).not.toContain('jobs.get');
  expect(engine.store.skills.counts().skills).toBe(0);
});

test('suggestions from conversations: dismissing one removes it, accepting one builds the skill', async ({ page, engine, openApp }) => {
  const suggestions = seedSuggestions(engine);
  const coffee = suggestions.find((suggestion) => suggestion.subjectKey === 'coffee')!;
  const walking = suggestions.find((suggestion) => suggestion.subjectKey === 'walking')!;
  await openApp();
  await goTo(page, 'New skill');

  const list = page.getByRole('region', { name: 'Suggestions' });
  const coffeeCard = list.getByRole('article', { name: coffee.title.en });
  const walkingCard = list.getByRole('article', { name: walking.title.en });
  await expect(coffeeCard).toContainText('Noticed in conversation');
  await expect(coffeeCard).toContainText('mentions: 5');
  await expect(coffeeCard.getByRole('listitem').first()).toContainText(coffee.evidence.examples![0]!.text);
  await screenshot(page, 'new-skill-suggestions');

  await walkingCard.getByRole('button', { name: 'Dismiss' }).click();
  await expect(walkingCard).toHaveCount(0);
  expect(engine.store.db.prepare('SELECT status FROM skill_suggestions WHERE id = ?').get(walking.id)).toEqual({ status: 'dismissed' });

  await coffeeCard.getByRole('button', { name: 'Accept' }).click();
  await expect(coffeeCard).toHaveCount(0);
  await expect(pipeline(page).getByRole('heading', { name: `Preparing: ${coffee.title.en}` })).toBeVisible();
  await expect(pipeline(page).getByRole('alert')).toContainText('Ready for your review', { timeout: 15_000 });
  expect(await stepStates(page)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  expect(engine.store.skills.pendingReviews().map((item) => item.slug)).toEqual([expect.stringContaining('coffee')]);
});

test.describe('in Polish', () => {
  test.use({ locale: 'pl-PL' });

  test('suggestions and the steps speak Polish', async ({ page, engine, openApp }) => {
    const coffee = seedSuggestions(engine).find((suggestion) => suggestion.subjectKey === 'coffee')!;
    await openApp();
    await page.getByRole('navigation', { name: 'Sekcje' }).getByRole('button', { name: 'Nowy skill' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nowy skill' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Często wspominasz o kawie — liczyć?' })).toContainText('Zauważone w rozmowie');
    expect(coffee.title.pl).toBe('Często wspominasz o kawie — liczyć?');

    await page.getByRole('textbox', { name: 'Co asystent ma umieć?' }).fill('Chcę śledzić ile piję wody');
    await page.getByRole('button', { name: 'Utwórz' }).click();
    const region = page.getByRole('region', { name: /^Przygotowywanie/ });
    await expect(region.getByRole('alert')).toContainText('Gotowe do Twojego przeglądu', { timeout: 15_000 });
    await expect(region.locator('[data-step="audit"]')).toContainText('Audyt bezpieczeństwa');
    await expect(region.locator('[data-step="generate"]')).toContainText('Wygenerowano „Śledzenie: woda”');
    await screenshot(page, 'new-skill-pl');
  });
});

test('asking again for a skill whose proposal waits replaces it: the notice says so and the queue holds one version', async ({ page, openApp }) => {
  await openApp();
  await goTo(page, 'New skill');
  for (const version of ['1.0.0', '1.1.0']) {
    await requestBox(page).fill('Chcę śledzić ile piję wody');
    await page.getByRole('button', { name: 'Create skill' }).click();
    const done = pipeline(page).getByRole('alert').filter({ hasText: 'Ready for your review' });
    await expect(done).toContainText(`“Śledzenie: woda” ${version} waits in the review queue.`, { timeout: 15_000 });
  }
  await expect(pipeline(page).getByRole('alert')).toContainText('Replaced the pending proposal 1.0.0 with a new one (1.1.0).');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Review queue (1 awaiting review)' })).toBeVisible();
});
