// Notifications from an approved skill in the window: a reminder that came due is run from the
// Skills view, its notifications appear in the Notifications list (newest first, counted in the
// navigation), are marked read one by one and all at once, and open their skill; in Polish too,
// with the notice that stands for those held back over the hourly limit.
import type { Page } from '@playwright/test';
import { test, expect, screenshot, goTo } from './workbench-fixtures.ts';
import { addDueReminders, deployReminder } from '../bridge/workbench-engine.ts';
import { generateWith } from '../bridge/approval-engine.ts';
import { dueInDryRun, REMINDER_REQUEST } from '../unit/notifications/reminder-fixtures.ts';
import { openFromQueue } from './review-fixtures.ts';

const nav = (page: Page) => page.getByRole('navigation', { name: /Sections|Sekcje/ });
const list = (page: Page, name = 'Notifications') => page.getByRole('list', { name });

test('a reminder run from the Skills view notifies; the list shows it, marks it read, and opens the skill', async ({ page, secure, openApp }) => {
  const version = await deployReminder(secure);
  await addDueReminders(secure, version.slug, ['Stand up and stretch', 'Roll your shoulders']);
  await openApp();
  await goTo(page, 'Notifications');
  await expect(page.getByRole('heading', { name: 'No notifications yet' })).toBeVisible();

  await goTo(page, 'Skills');
  await page.getByRole('row', { name: new RegExp(version.name) }).getByRole('button', { name: `Run an action of ${version.name}` }).click();
  const panel = page.getByRole('region', { name: `Run ${version.name} by hand` });
  await panel.getByRole('combobox', { name: 'Action' }).selectOption('notify_due');
  await panel.getByRole('button', { name: 'Run notify_due' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Succeeded' })).toBeVisible();

  await expect(nav(page).getByRole('button', { name: 'Notifications (2 unread)' })).toBeVisible();
  await goTo(page, 'Notifications');
  const items = list(page).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Roll your shoulders');
  await expect(items.nth(1)).toContainText('Stand up and stretch');
  await expect(items.nth(0)).toContainText(`From ${version.name}, version 1.0.0`);
  await expect(page.getByText('Unread: 2')).toBeVisible();
  await screenshot(page, 'notifications-unread');

  await items.nth(1).getByRole('button', { name: /^Mark as read/ }).click();
  await expect(page.getByText('Unread: 1')).toBeVisible();
  await expect(items.nth(1).getByRole('button', { name: /^Mark as read/ })).toHaveCount(0);
  expect(secure.engine.store.notifications.list({ unreadOnly: true }).items.map((n) => n.body)).toEqual(['Roll your shoulders']);

  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByText('Unread: 0')).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
  expect(secure.engine.store.notifications.unreadCount()).toBe(0);
  await screenshot(page, 'notifications-read');

  await items.nth(0).getByRole('button', { name: `Open the skill ${version.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(version.name) })).toBeVisible();
});

test('main opening the window on a skill (a clicked notification) shows that skill’s detail', async ({ page, secure, openApp }) => {
  const version = await deployReminder(secure);
  await openApp('notifications');
  await page.evaluate((slug) => { location.hash = `#skills/${slug}`; }, version.slug);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(version.name) })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Skills' })).toHaveAttribute('aria-current', 'page');
});

test('in Polish, with the notice for those held back over 10 an hour', async ({ page, secure, openApp }) => {
  const version = await deployReminder(secure);
  secure.engine.store.settings.update({ language: 'pl' });
  for (const batch of [1, 2]) {
    await addDueReminders(secure, version.slug, Array.from({ length: 6 }, (_, i) => `Rozciąganie ${batch}.${i + 1}`));
    expect(await secure.engine.dispatch('skills.run', { slug: version.slug, action: 'notify_due', params: {} })).toMatchObject({ ok: true });
  }
  await openApp('notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Powiadomienia' })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Powiadomienia (nieprzeczytane: 11)' })).toBeVisible();
  const items = list(page, 'Powiadomienia').getByRole('listitem');
  await expect(items).toHaveCount(11);
  await expect(items.nth(0)).toContainText(`${version.name}: wstrzymane powiadomienia`);
  await expect(items.nth(0)).toContainText(`Skill „${version.name}” chciał Cię powiadomić jeszcze 2 razy w ciągu ostatniej godziny.`);
  await expect(page.getByText('Nieprzeczytane: 11', { exact: true })).toBeVisible();
  await screenshot(page, 'notifications-pl');
  await items.nth(0).getByRole('button', { name: /^Oznacz jako przeczytane/ }).click();
  await expect(page.getByText('Nieprzeczytane: 10', { exact: true })).toBeVisible();
});

test('a notification sent in the dry run is shown in the review, marked as not sent, and never delivered', async ({ page, secure, openApp }) => {
  const pending = await generateWith(secure.engine, dueInDryRun, REMINDER_REQUEST);
  await openApp();
  await openFromQueue(page, pending.name);
  const row = page.getByRole('region', { name: /^Dry run/ }).getByRole('row', { name: /executeAction notify_due/ });
  await expect(row).toContainText('Would have notified you (not sent: this was a dry run):');
  await expect(row.getByRole('listitem')).toHaveText(/stretching$/);
  await goTo(page, 'Notifications');
  await expect(page.getByRole('heading', { name: 'No notifications yet' })).toBeVisible();
  expect(secure.engine.store.notifications.list()).toEqual({ items: [], unread: 0 });
});
