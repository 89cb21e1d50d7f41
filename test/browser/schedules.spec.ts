// The Schedules view: a reminder approved with its cadence shows its schedule in words with its
// next run; the owner pauses, resumes and runs it now (the last result appears); a schedule the
// assistant proposed waits under its own heading until the owner confirms it; in Polish too.
import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './workbench-fixtures.ts';
import { deployReminder } from '../bridge/workbench-engine.ts';

const list = (page: Page, name = 'Your schedules') => page.getByRole('list', { name });

test('a reminder’s schedule is listed with its next run; pause, resume, run now; a proposal is confirmed', async ({ page, secure, openApp }) => {
  const version = await deployReminder(secure);
  await secure.engine.service.proposeSchedule('assistant', version.slug, { action: 'notify_due', cron: '30 18 * * 1-5', timezone: 'Europe/Warsaw' });
  await openApp('schedules');
  await expect(page.getByRole('heading', { level: 1, name: 'Schedules' })).toBeVisible();

  const schedule = list(page).getByRole('listitem');
  await expect(schedule).toHaveCount(1);
  await expect(schedule).toContainText('runs every hour between 08:00 and 22:00');
  await expect(schedule).toContainText('part of the approved version');
  await expect(schedule).toContainText('Next run:');
  await expect(schedule).toContainText('Last run: not run yet');

  const proposals = list(page, 'Proposed by the assistant').getByRole('listitem');
  await expect(proposals).toContainText('runs on Monday, Tuesday, Wednesday, Thursday, Friday at 18:30, Europe/Warsaw');
  await screenshot(page, 'schedules');

  await schedule.getByRole('button', { name: /^Pause/ }).click();
  await expect(schedule).toContainText('paused by you');
  await expect(schedule).toContainText('Next run: no next run');
  await schedule.getByRole('button', { name: /^Resume/ }).click();
  await expect(schedule.getByRole('button', { name: /^Pause/ })).toBeVisible();

  await schedule.getByRole('button', { name: /^Run now/ }).click();
  await expect(schedule).toContainText('Last run: succeeded');
  const runs = secure.engine.store.executions.page({ offset: 0, limit: 20 }).items.filter((e) => e.trigger === 'schedule');
  expect(runs.map((e) => [e.action, e.actor])).toEqual([['remind', 'scheduler']]);

  await proposals.getByRole('button', { name: /^Confirm/ }).click();
  await expect(list(page, 'Proposed by the assistant')).toHaveCount(0);
  await expect(list(page).getByRole('listitem')).toHaveCount(2);
  expect(secure.engine.service.listSchedules('owner').map((s) => s.status)).toEqual(['active', 'active']);
});

test('in Polish, with the reason a schedule is paused', async ({ page, secure, openApp }) => {
  const version = await deployReminder(secure);
  secure.engine.store.settings.update({ language: 'pl' });
  const [schedule] = secure.engine.service.listSchedules('owner');
  secure.engine.service.pauseSchedule('owner', schedule!.id);
  await openApp('schedules');
  await expect(page.getByRole('heading', { level: 1, name: 'Harmonogramy' })).toBeVisible();
  const item = list(page, 'Twoje harmonogramy').getByRole('listitem');
  await expect(item).toContainText('uruchamia się co godzinę między 08:00 a 22:00');
  await expect(item).toContainText('wstrzymany przez Ciebie');
  await expect(item).toContainText(version.name);
  await screenshot(page, 'schedules-pl');
  await item.getByRole('button', { name: /^Wznów/ }).click();
  await expect(item.getByRole('button', { name: /^Wstrzymaj/ })).toBeVisible();
});
