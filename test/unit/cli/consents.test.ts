import { describe, expect, it, vi } from 'vitest';
import { foundry } from '../../helpers/run-foundry.ts';
import { openFoundryStore } from '../../../main/store/index.ts';
import { cliSecretBox } from '../../../main/cli/cli-secret-box.ts';
import { loadIntegrityKey } from '../../../main/skills/approval/integrity-key-file.ts';
import { createConsentGate } from '../../../main/skills/consent/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { webhookRequest } from '../consent/consent-fixtures.ts';

const tempDir = useTempDir();

/**
 * A store, sealed with the same passphrase the command line uses, where the owner always allowed
 * the webhook post and a scheduled run of another action waits in the app.
 */
async function storeWithConsents() {
  const dataDir = tempDir();
  const env = { FOUNDRY_DATA_DIR: dataDir, FOUNDRY_PASSPHRASE: 'correct horse battery staple' };
  const store = openFoundryStore(dataDir, { integrityKey: await loadIntegrityKey(dataDir, cliSecretBox(env)!) });
  const asked: number[] = [];
  const gate = createConsentGate({ store, notifyOwner: (r) => asked.push(r.id), canAskOwner: () => true, timeoutMs: () => 120_000 });
  void gate.ask(webhookRequest());
  await vi.waitFor(() => expect(asked).toHaveLength(1));
  gate.decide(asked[0], 'grant', true);
  void gate.ask(webhookRequest({ action: 'post_weekly', actor: 'scheduler', trigger: 'schedule', details: ['POST https://hooks.example.com/weekly'] }));
  await vi.waitFor(() => expect(asked).toHaveLength(2));
  store.close();
  return env;
}

describe('foundry consents', () => {
  it('lists the run waiting in the app and the standing consents, then revokes one', async () => {
    const env = await storeWithConsents();
    const listed = await foundry(['consents'], env);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^1 waiting for your consent \(answer in the Skill Foundry app\)\n#2 custom-water-tracker \(custom-water-tracker\) post_weekly, asked by the scheduler \(schedule\), \d+ s left\n/);
    expect(listed.out).toContain('    | POST https://hooks.example.com/weekly');
    expect(listed.out).toMatch(/1 standing \(run without asking; revoke with: foundry consents revoke ID\)\n#1 custom-water-tracker \(custom-water-tracker\) post_summary, since /);

    const json = JSON.parse((await foundry(['consents', '--json'], env)).out);
    expect(json).toMatchObject({ pending: [{ id: 2, status: 'pending' }], standing: [{ id: 1, details: ['POST https://hooks.example.com/daily-summary'] }] });

    expect(await foundry(['consents', 'revoke', '1'], env)).toMatchObject({ code: 0, out: 'standing consent #1 revoked: custom-water-tracker (custom-water-tracker) post_summary will ask again' });
    expect(JSON.parse((await foundry(['consents', '--json'], env)).out).standing).toEqual([]);
  });

  it('refuses what it cannot do, changing nothing', async () => {
    const env = await storeWithConsents();
    expect(await foundry(['consents', 'revoke', 'x'], env)).toMatchObject({ code: 2 });
    expect(await foundry(['consents', 'grant', '2'], env)).toMatchObject({ code: 2 });
    const unknown = await foundry(['consents', 'revoke', '9'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('There is no such standing consent');
    expect(unknown.err).toContain('pl: Nie ma takiej stałej zgody');
    expect(JSON.parse((await foundry(['consents', '--json'], env)).out).standing).toHaveLength(1);
  });
});
