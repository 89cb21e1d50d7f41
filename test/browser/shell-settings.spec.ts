// A skill with shell actions, in its Settings tab: config.yaml turned them on, and the owner
// confirms that and chooses the folder here, each with both factors; the pinned program is listed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, goTo, screenshot } from './workbench-fixtures.ts';
import { approveShellSkill } from '../bridge/shell-run.ts';

test('the owner confirms shell actions and chooses the folder with both factors, and sees the pinned program', async ({ page, secure, openApp }) => {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'foundry-shell-settings-')));
  try {
    const { authenticator } = await approveShellSkill(secure);
    await openApp();
    await goTo(page, 'Skills');
    await page.getByRole('button', { name: 'Folder tools', exact: true }).click();
    await page.getByRole('tab', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Commands on this computer' });
    await expect(section).toContainText('config.yaml turns shell actions on, but you have not confirmed it here yet');
    await expect(section).toContainText(/say: \S+echo, SHA-256 [0-9a-f]{12}…/);
    await expect(section).toContainText('unchanged since approval');

    await section.getByRole('button', { name: 'Confirm shell actions…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Let skills run commands on this computer' });
    await confirm.getByLabel('Code from your authenticator app').fill(await authenticator.nextCode());
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await expect(confirm).toBeHidden();
    await expect(section).toContainText('Shell actions are on, confirmed');

    await section.getByRole('button', { name: 'Choose folder…' }).click();
    const choose = page.getByRole('dialog', { name: 'Choose the folder for the commands of Folder tools' });
    await expect(choose.getByLabel('Folder (absolute path)')).toBeFocused();
    await choose.getByLabel('Folder (absolute path)').fill(folder);
    await choose.getByLabel('Code from your authenticator app').fill(await authenticator.nextCode());
    await choose.getByRole('button', { name: 'Confirm' }).click();
    await expect(choose).toBeHidden();
    await expect(section).toContainText(`Folder: ${folder}`);
    await screenshot(page, 'shell-settings');
    expect(secure.engine.service.shellView('owner', 'custom-folder-tools')).toMatchObject({ switch: { state: 'on' }, folder: { path: folder, inEffect: true } });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
