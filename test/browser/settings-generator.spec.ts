// Settings → Generator against the real engine: choosing the owner's own model (an OpenAI-compatible
// server, here a local stand-in), its endpoint checked, its models listed and one chosen from the list.
import { test, expect, screenshot, goTo } from './workbench-fixtures.ts';
import { startMockOpenAI } from '../helpers/mock-openai.ts';

test('your own model: chosen, its endpoint saved, its models listed and one of them used', async ({ page, secure, openApp }) => {
  const server = await startMockOpenAI();
  try {
    await openApp();
    await goTo(page, 'Settings');
    const section = page.getByRole('region', { name: 'Generator' });
    await section.getByRole('radio', { name: 'Your own model (OpenAI-compatible)' }).check();
    await expect(section.getByRole('status')).toContainText('Your own model is chosen but not set up yet');

    const own = section.getByRole('region', { name: 'Your own model' });
    await own.getByRole('textbox', { name: 'Base URL' }).fill('ftp://127.0.0.1/v1');
    await own.getByRole('button', { name: 'Save the endpoint' }).click();
    await expect(own.getByRole('alert').filter({ hasText: 'is not a base URL' })).toBeVisible();

    await own.getByRole('textbox', { name: 'Base URL' }).fill(server.baseURL);
    await own.getByRole('textbox', { name: 'Model name' }).fill('qwen2.5-coder:7b');
    await own.getByRole('button', { name: 'Save the endpoint' }).click();
    await expect(section.getByRole('status')).toContainText(`Skills are written by your own model (qwen2.5-coder:7b at ${server.baseURL})`);

    await own.getByRole('button', { name: 'List the available models' }).click();
    await expect(own).toContainText('Models offered (2)');
    await own.getByRole('button', { name: 'Use llama3.1:8b' }).click();
    await expect(section.getByRole('status')).toContainText('llama3.1:8b at');
    await screenshot(page, 'settings-generator-own-model');

    const ownKey = own.getByLabel('Key for your own model (optional)');
    await expect(ownKey).toHaveAttribute('type', 'password');
    const key = `sk-own-${'q'.repeat(40)}`;
    await ownKey.fill(key);
    await own.getByRole('button', { name: 'Save this key' }).click();
    await expect(own).toContainText('A key for your own model is stored, sealed on this computer.');
    await expect(ownKey).toHaveValue('');
    expect(await page.content()).not.toContain(key);
    expect(((await secure.engine.dispatch('generator.status', {})) as { value: unknown }).value).toMatchObject({
      mode: 'openai', choice: 'openai', openai: { baseURL: server.baseURL, model: 'llama3.1:8b', keySource: 'stored' },
    });

    await section.getByRole('radio', { name: 'Built in (offline)' }).check();
    await expect(section.getByRole('status')).toContainText('Offline');
  } finally {
    await server.close();
  }
});
