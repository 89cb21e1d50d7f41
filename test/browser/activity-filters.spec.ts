// Activity beyond the plain lists (views.spec.ts): filtering executions by skill and result and the
// audit log by event and skill (main's paged methods do the filtering), the fingerprints of each
// run's input and output, and the audit chain's verification — intact, then broken after tampering.
import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures.ts';
import { execution, insertExecutions, seedWaterTracker } from '../bridge/seed.ts';

const HOUR = 3_600_000;
const executionsTable = (page: Page) => page.getByRole('table', { name: 'Executions' });
const auditTable = (page: Page) => page.getByRole('table', { name: 'Audit log' });

/** The text of every body row on screen. */
async function rowTexts(page: Page, table: ReturnType<typeof executionsTable>): Promise<string[]> {
  await expect(table.getByRole('row').nth(1)).not.toContainText('Loading');
  return (await table.getByRole('row').allInnerTexts()).slice(1);
}

test('executions filtered by skill and by result; the audit log by event and skill', async ({ page, engine, openApp, calls }) => {
  const seed = seedWaterTracker(engine.store);
  const now = Date.now();
  insertExecutions(engine.store, [
    execution('custom-sleep-log', '1.0.0', 'log_sleep', 'succeeded', new Date(now - 3 * HOUR).toISOString()),
    execution('custom-sleep-log', '1.0.0', 'log_sleep', 'failed', new Date(now - 2 * HOUR).toISOString()),
    execution('custom-sleep-log', '1.0.0', 'summary', 'succeeded', new Date(now - 0.5 * HOUR).toISOString()),
  ]);
  engine.store.auditLog.append({ actor: 'owner', event: 'skill.archived', skillSlug: 'custom-sleep-log' });
  await openApp('activity');
  await expect(page.getByText('Total: 5')).toBeVisible();

  // Each row carries the fingerprints of its input and output.
  const [newest] = engine.store.executions.page({ offset: 0, limit: 1 }).items;
  await expect(executionsTable(page).getByRole('row').nth(1)).toContainText(`in ${newest!.inputSha256.slice(0, 8)}`);
  await expect(executionsTable(page).getByRole('row').nth(1)).toContainText(`out ${newest!.outputSha256!.slice(0, 8)}`);

  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByRole('combobox', { name: 'Skill' }).fill('custom-sleep-log');
  await filters.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page.getByText('Total: 3')).toBeVisible();
  expect((await rowTexts(page, executionsTable(page))).every((text) => text.includes('custom-sleep-log'))).toBe(true);
  await expect(filters.getByRole('status')).toHaveText('Showing only — Skill: custom-sleep-log');

  await filters.getByRole('combobox', { name: 'Result' }).selectOption('failed');
  await filters.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page.getByText('Total: 1')).toBeVisible();
  const failed = await rowTexts(page, executionsTable(page));
  expect(failed).toHaveLength(1);
  expect(failed[0]).toContain('log_sleep');
  expect(failed[0]).toContain('Failed');
  await screenshot(page, 'activity-filtered');

  // An exact filter that matches nothing says so (not "no executions yet").
  await filters.getByRole('combobox', { name: 'Skill' }).fill('custom-sleep');
  await filters.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Nothing matches these filters' })).toBeVisible();

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('Total: 5')).toBeVisible();
  const lastExecutionsCall = calls.lastIndexOf('activity.executions');
  expect(lastExecutionsCall).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Audit log' }).click();
  const auditFilters = page.getByRole('form', { name: 'Filters' });
  await auditFilters.getByRole('combobox', { name: 'Event' }).fill('version.approved');
  await auditFilters.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page.getByText('Total: 1')).toBeVisible();
  expect(await rowTexts(page, auditTable(page))).toEqual([expect.stringContaining('version.approved')]);

  await auditFilters.getByRole('combobox', { name: 'Event' }).fill('');
  await auditFilters.getByRole('combobox', { name: 'Skill' }).fill(seed.slug);
  await auditFilters.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page.getByText('Total: 2')).toBeVisible();
  expect((await rowTexts(page, auditTable(page))).every((text) => text.includes(seed.slug))).toBe(true);
});

test('the audit chain is verified: intact with the number of entries, then the first broken entry after tampering', async ({ page, engine, openApp }) => {
  seedWaterTracker(engine.store);
  await openApp('activity');
  const chain = page.getByRole('region', { name: 'Audit log integrity' });
  await expect(chain.getByRole('status')).toContainText('Intact');
  await expect(chain.getByRole('status')).toContainText('2 entries checked');
  await screenshot(page, 'activity-chain-ok');

  // Someone edits the first entry behind the app's back (the append-only trigger dropped first).
  engine.store.db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET event = 'skill.approved' WHERE seq = 1");
  await chain.getByRole('button', { name: 'Verify again' }).click();
  await expect(chain.getByRole('status')).toContainText('Broken');
  await expect(chain.getByRole('status')).toContainText('The chain breaks at entry no. 1 (its content was changed)');
  await screenshot(page, 'activity-chain-broken');
});

test('a large audit log and 100,000 executions stay paged with a filter applied', async ({ page, engine, openApp, calls }) => {
  const start = Date.parse('2026-01-01T00:00:00Z');
  insertExecutions(engine.store, (function* () {
    for (let i = 0; i < 100_000; i++) {
      yield execution(i % 2 ? 'custom-odd' : 'custom-even', '1.0.0', `run-${i}`, i % 10 === 0 ? 'failed' : 'succeeded', new Date(start + i * 1000).toISOString());
    }
  })());
  await openApp('activity');
  await expect(page.getByText('Total: 100,000')).toBeVisible();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByRole('combobox', { name: 'Skill' }).fill('custom-even');
  await filters.getByRole('combobox', { name: 'Result' }).selectOption('failed');
  await filters.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page.getByText('Total: 10,000')).toBeVisible();
  const table = executionsTable(page);
  await expect(table).toHaveAttribute('aria-rowcount', '10001');
  await expect(table.getByRole('row').nth(1)).toContainText('run-99990');
  await table.locator('.vtable__scroll').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(table.getByRole('row', { name: /run-0\b/ })).toBeVisible();
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  // Pages on the way: the first of each list, then the last page of the filtered one; never everything.
  expect(calls.filter((method) => method === 'activity.executions').length).toBeLessThanOrEqual(5);
});

test('each execution shows the HTTP requests it made: where, the answer, and how much moved', async ({ page, engine, openApp }) => {
  const request = {
    method: 'GET', origin: 'api.open-meteo.com', path: '/v1/forecast?latitude=&longitude=', status: 200, error: null, address: '203.0.113.7', redirects: 0,
    requestBytes: 0, responseBytes: 812, durationMs: 143, requestSha256: 'e3b0', responseSha256: 'ab12', source: 'network' as const,
  };
  const refused = { ...request, origin: 'api.other.example', path: '/', status: null, error: 'api.other.example is not among this skill’s approved hosts', address: null, responseBytes: 0 };
  insertExecutions(engine.store, [
    { ...execution('custom-weather', '1.0.0', 'forecast', 'succeeded', new Date(Date.now() - HOUR).toISOString()), http: [request, refused] },
    execution('custom-weather', '1.0.0', 'summary', 'succeeded', new Date().toISOString()),
  ]);
  await openApp('activity');
  const rows = executionsTable(page).getByRole('row');
  await expect(rows.nth(1)).toContainText('—');
  const withRequests = rows.nth(2);
  await expect(withRequests).toContainText('GET api.open-meteo.com/v1/forecast?latitude=&longitude=');
  await expect(withRequests).toContainText('200 · 1 more');
  await expect(withRequests.locator('[title*="api.other.example"]')).toHaveAttribute(
    'title',
    'GET api.open-meteo.com/v1/forecast?latitude=&longitude= → 200 · 0 B sent, 812 B received, 143 ms\nGET api.other.example/ → no answer: api.other.example is not among this skill’s approved hosts · 0 B sent, 0 B received, 143 ms',
  );
});
