// The Marketplace view against the example registry in this repository (file://): the owner browses
// by category, checks a listing (verified and audited here: what it may do in plain words, the risk,
// the publisher's fingerprint and each reason of its trust score), installs it for review, and finds
// it waiting in the review queue; nothing of it runs before approval.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, screenshot } from './fixtures.ts';

const REGISTRY = pathToFileURL(path.resolve(import.meta.dirname, '../../examples/registry')).href;

test('browse by category, check a listing with its trust reasons, install it into the review queue', async ({ page, engine, openApp }) => {
  engine.config.set('skills.marketplace.enabled', true, 'owner');
  engine.config.set('skills.marketplace.registryUrl', REGISTRY, 'owner');
  await openApp('marketplace');
  await expect(page.getByRole('heading', { level: 1, name: 'Marketplace' })).toBeVisible();

  const listings = page.getByRole('list', { name: 'Skills in the marketplace' }).getByRole('listitem');
  await expect(listings).toHaveCount(3);
  await page.getByRole('group', { name: 'Categories' }).getByRole('button', { name: 'shopping' }).click();
  await expect(listings).toHaveCount(1);
  await expect(listings).toContainText('Shop.example.com Price Watch');
  await expect(listings).toContainText('high risk');

  await listings.getByRole('button', { name: /^Check/ }).click();
  const details = page.getByRole('region', { name: 'Shop.example.com Price Watch, checked on this computer' });
  // Checking downloads, verifies and audits the bundle here (off the main thread): it may take a few seconds.
  await expect(details.getByRole('list', { name: 'Once approved, it may' })).toContainText('use your shop.example.com API token, only with shop.example.com', { timeout: 20_000 });
  await expect(details).toContainText('The audit on this computer found nothing to warn about.');
  await expect(details).toContainText('Published by “Skill Foundry Demo”, key SHA256:');
  const reasons = details.getByRole('list', { name: 'Why this trust score' });
  await expect(reasons).toContainText("Signed by the publisher's key; the signature holds.");
  await expect(reasons).toContainText('A publisher new to you: "Skill Foundry Demo"');
  await screenshot(page, 'marketplace');

  await details.getByRole('button', { name: /^Install for review/ }).click();
  await expect(details.getByRole('status')).toHaveText(/Waiting in your review queue for your approval\./, { timeout: 20_000 });
  const pending = engine.store.versions.listForSkill('custom-shop-example-com-price-watch');
  expect(pending.map((v) => v.status)).toEqual(['pending']);
  expect(engine.store.versions.active('custom-shop-example-com-price-watch')).toBeNull();
  await details.getByRole('button', { name: 'Open the review queue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Shop.example.com Price Watch');
});

test('the marketplace is off until turned on, and says how (in Polish too)', async ({ page, engine, openApp }) => {
  engine.store.settings.update({ language: 'pl' });
  await openApp('marketplace');
  await expect(page.getByRole('alert')).toContainText('Marketplace jest wyłączony. Włącz go poleceniem');
});
