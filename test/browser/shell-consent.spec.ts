// The consent prompt for a shell action: a real command waits while the window shows exactly what
// will run — the argv, the folder, the pinned program and whether bubblewrap isolates it — and runs
// only after Allow once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, screenshot } from './workbench-fixtures.ts';
import { deployShellSkill, SHELL_SLUG } from '../bridge/shell-run.ts';

test('the prompt shows the exact argv and folder of a shell command, which runs only once allowed', async ({ page, secure, openApp }) => {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'foundry-shell-browser-')));
  try {
    await deployShellSkill(secure, folder);
    await openApp();
    const run = secure.engine.service.execute('assistant', SHELL_SLUG, 'say', { text: 'hello; rm -rf ~' });
    const dialog = page.getByRole('dialog', { name: 'A run needs your consent' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('say');
    const details = dialog.locator('pre');
    await expect(details).toContainText(`argv: ["${fs.realpathSync('/bin/echo')}","hello; rm -rf ~"]`);
    await expect(details).toContainText(`cwd: ${folder}`);
    await expect(details).toContainText(/program: \S+echo \(SHA-256 [0-9a-f]{64}\)/);
    await expect(details).toContainText('why: Says the text out loud.');
    await screenshot(page, 'shell-consent-prompt');
    await dialog.getByRole('button', { name: 'Allow once' }).click();
    const outcome = await run;
    expect(outcome.result).toMatchObject({ success: true, data: { stdout: 'hello; rm -rf ~\n' } });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
