// A skill with a shell action deployed the way the owner does it (issue 12 §4): written by the
// owner, approved with both factors (its program pinned), shell actions turned on in config.yaml
// and confirmed in the window, and a folder chosen for it — so the consent prompt can be tested
// with a real command waiting for the page's answer.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult, SkillVersionRecord } from '../../shared/contract/index.ts';
import { DEFAULT_CONFIG_TEXT } from '../../main/skills/config/index.ts';
import { shellGenerator, SHELL_SLUG } from '../fixtures/shell-skill.ts';
import { approveNow, enrollAuthenticator, generateWith, type Authenticator } from './approval-engine.ts';
import type { WorkbenchEngine } from './workbench-engine.ts';

export { SHELL_SLUG };

function ok<T>(result: ApiResult<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.message.en}`);
  return result.value;
}

/** Approved with both factors (its program pinned) and turned on in config.yaml, not yet confirmed in the window. */
export async function approveShellSkill({ engine, clock }: WorkbenchEngine): Promise<{ version: SkillVersionRecord; authenticator: Authenticator }> {
  const authenticator = await enrollAuthenticator(engine, clock, 'owner@test');
  const version = await approveNow(engine, authenticator, await generateWith(engine, shellGenerator([{ slug: 'say', shell: { command: ['/bin/echo', '{{params.text}}'] }, description: 'Says the text out loud.' }])));
  fs.writeFileSync(path.join(engine.store.dataDir, 'config.yaml'), DEFAULT_CONFIG_TEXT.replace('shell: false', 'shell: true'));
  return { version, authenticator };
}

/** `say` runs /bin/echo with the text as one argument, in `folder`: confirmed and given its folder through the contract, as the window does. */
export async function deployShellSkill(workbench: WorkbenchEngine, folder: string): Promise<SkillVersionRecord> {
  const { engine } = workbench;
  const { version, authenticator } = await approveShellSkill(workbench);
  ok(await engine.dispatch('shell.confirmSwitch', { totpCode: await authenticator.nextCode() }), 'confirming shell actions');
  ok(await engine.dispatch('shell.setFolder', { slug: SHELL_SLUG, folder, totpCode: await authenticator.nextCode() }), 'choosing the folder');
  return version;
}
