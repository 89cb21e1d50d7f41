import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foundry } from '../../helpers/run-foundry.ts';
import { candidateProblems } from '../../../main/skills/generator/index.ts';
import { shellCandidate, SHELL_SLUG, type ShellFixtureAction } from '../../fixtures/shell-skill.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

/** A skill folder as the owner writes one by hand. */
function skillFolder(actions: ShellFixtureAction[]): string {
  const candidate = shellCandidate(actions);
  const folder = path.join(tempDir(), SHELL_SLUG);
  fs.mkdirSync(folder);
  const { config_schema: _schema, ...manifest } = candidate.manifest;
  fs.writeFileSync(path.join(folder, 'SKILL.md'), candidate.skillMd);
  fs.writeFileSync(path.join(folder, 'index.ts'), candidate.code);
  fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(folder, 'config.schema.json'), JSON.stringify(candidate.configSchema));
  fs.writeFileSync(path.join(folder, 'samples.json'), JSON.stringify(candidate.sampleInputs));
  return folder;
}

const LOG: ShellFixtureAction = { slug: 'recent_notes', shell: { command: ['git', '-C', '{{params.repo}}', 'log', '--oneline', '-n', '20'] } };

describe('foundry skills import', () => {
  it('takes the owner’s skill folder with a shell action through the pipeline, disclosed as high risk, waiting for approval', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir(), FOUNDRY_PASSPHRASE: 'owner passphrase for the import test' };
    const imported = await foundry(['skills', 'import', skillFolder([LOG])], env);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Risk: high. It runs commands on this computer (recent_notes); each run asks you first.');
    expect(imported.out).toContain('the command “git -C {{params.repo}} log --oneline -n 20”, without a shell');
    expect(imported.out).toContain(`${SHELL_SLUG}@v1.0.0 waits for your approval`);

    const config = await foundry(['skills', 'config', SHELL_SLUG], env);
    expect(config.out).toContain('switch      off in config.yaml (skills.execution.shell: false)');
    expect(config.out).toContain('recent_notes: not pinned yet');
    const json = JSON.parse((await foundry(['skills', 'config', SHELL_SLUG, '--json'], env)).out);
    expect(json.shell).toMatchObject({ switch: { state: 'off', file: false }, folder: null, pins: [], actions: ['recent_notes'] });
  });

  it('shows the owner each audit finding that blocks their skill', async () => {
    const folder = skillFolder([{ slug: 'glued', shell: { command: ['git', '--git-dir={{params.dir}}', 'log'] } }]);
    const result = await foundry(['skills', 'import', folder], { FOUNDRY_DATA_DIR: tempDir(), FOUNDRY_PASSPHRASE: 'owner passphrase for the import test' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('block action/shell-placeholder');
  });

  it('is the only way in for a shell action: a generator’s candidate with one is refused', () => {
    const candidate = shellCandidate([LOG]);
    expect(candidateProblems(candidate)).toEqual([expect.stringContaining('is a shell action: a generated skill may not run commands on this computer')]);
    expect(candidateProblems(candidate, { ownerAuthored: true })).toEqual([]);
  });
});
