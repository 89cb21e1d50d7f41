// The dependency view against the real engine: a skill that calls another through a capability
// shows what it reaches and who calls the other; archiving the one it calls warns first with its
// name, and the caller then says it is disabled and why.
import { test, expect, goTo } from './workbench-fixtures.ts';
import { approveNow, enrollAuthenticator, generateWith } from '../bridge/approval-engine.ts';
import { generatorOf, waterCaller, waterTrackerGenerator } from '../unit/registry/composition-fixtures.ts';

const COACH = 'custom-hydration-coach';

test('the skill detail shows what a skill calls and who calls it; archiving its dependency warns, then disables it with the reason', async ({ page, secure, openApp }) => {
  const { engine, clock } = secure;
  const authenticator = await enrollAuthenticator(engine, clock, 'owner@test');
  await approveNow(engine, authenticator, await generateWith(engine, waterTrackerGenerator({ provides: ['water.log'] })));
  await approveNow(engine, authenticator, await generateWith(engine, generatorOf(waterCaller(COACH, 'water.log'))));
  await openApp();

  await goTo(page, 'Skills');
  await page.getByRole('button', { name: COACH, exact: true }).click();
  await page.getByRole('tab', { name: 'Dependencies' }).click();
  const calls = page.getByRole('region', { name: 'Calls directly' });
  await expect(calls).toContainText('the capability water.log, now provided by custom-water-tracker');
  await expect(page.getByRole('region', { name: 'Called by' })).toContainText('No running skill calls this one.');

  await goTo(page, 'Skills');
  await page.getByRole('button', { name: 'Śledzenie: woda', exact: true }).click();
  await page.getByRole('tab', { name: 'Dependencies' }).click();
  await expect(page.getByRole('region', { name: 'Called by' })).toContainText(COACH);
  await expect(page.getByRole('region', { name: 'Offers others' })).toContainText('water.log');

  await goTo(page, 'Skills');
  await page.getByRole('button', { name: 'Archive Śledzenie: woda' }).click();
  const warning = page.getByRole('alertdialog', { name: 'Archive Śledzenie: woda' });
  await expect(warning).toContainText(`Archiving Śledzenie: woda disables the skills that call it: ${COACH}.`);
  await warning.getByRole('button', { name: 'Keep it' }).click();
  expect(engine.store.skills.list().find((s) => s.slug === 'custom-water-tracker')?.status).toBe('active');

  await page.getByRole('button', { name: 'Archive Śledzenie: woda' }).click();
  await page.getByRole('alertdialog', { name: 'Archive Śledzenie: woda' }).getByRole('button', { name: 'Archive anyway' }).click();
  await expect(page.getByRole('status').filter({ hasText: `disabled until it is restored: ${COACH}` })).toBeVisible();

  await page.getByRole('button', { name: COACH, exact: true }).click();
  await page.getByRole('tab', { name: 'Dependencies' }).click();
  await expect(page.getByText('This skill is disabled: it depends on the capability water.log, which no approved skill provides.')).toBeVisible();
});
