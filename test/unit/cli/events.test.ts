// `foundry events` and `foundry triggers` against a store where the owner approved a water tracker
// that logs a glass whenever water comes up; `foundry suggest --events` reading what was reported.
import { describe, expect, it } from 'vitest';
import { foundry } from '../../helpers/run-foundry.ts';
import { cliSecretBox } from '../../../main/cli/cli-secret-box.ts';
import { loadIntegrityKey } from '../../../main/skills/approval/integrity-key-file.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openFlow } from '../registry/flow-fixtures.ts';
import { approvedWith, waterTrackerGenerator } from '../registry/composition-fixtures.ts';

const tempDir = useTempDir();

/** A store sealed with the command line's passphrase, with the tracker approved with both factors. */
async function storeWithTracker() {
  const dataDir = tempDir();
  const env = { FOUNDRY_DATA_DIR: dataDir, FOUNDRY_PASSPHRASE: 'correct horse battery staple' };
  const flow = await openFlow(dataDir, await loadIntegrityKey(dataDir, cliSecretBox(env)!));
  await approvedWith(flow, waterTrackerGenerator({ triggers: { onMessage: [{ action: 'log_water', params: { amount_ml: 250 }, phrases: ['woda'] }] } }));
  await flow.close();
  return env;
}

describe('foundry events and foundry triggers', () => {
  it('lists what fires on what, and runs it for a reported message, saying how the run ended', async () => {
    const env = await storeWithTracker();
    const listed = await foundry(['triggers'], env);
    expect(listed.out).toBe([
      'custom-water-tracker v1.0.0',
      '  message / wiadomość',
      '    run log_water with {"amount_ml":250} when you mention ‘woda’',
      '    Uruchamiać log_water z parametrami {"amount_ml":250}, gdy w Twojej wiadomości padnie „woda”',
    ].join('\n'));
    const reported = await foundry(['events', 'message', '--role', 'user', '--text', 'Wypiłem dwie szklanki wody', '--at', '2026-03-02T08:15:00+01:00'], env);
    expect(reported.code).toBe(0);
    expect(reported.out).toMatch(/^event #1 \(message\) stored .*\nfires \/ uruchamia:\n {2}custom-water-tracker v1\.0\.0 log_water \(on-message#1\): succeeded, execution #\d+$/);
    const json = JSON.parse((await foundry(['triggers', 'custom-water-tracker', '--json'], env)).out);
    expect(json).toEqual([expect.objectContaining({ skill: 'custom-water-tracker', kind: 'onMessage', action: 'log_water', phrases: ['woda'] })]);
  });

  it('refuses a malformed event with exit 2 and the reason in both languages, and stores nothing', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    const bad = await foundry(['events', 'tool-use', '--tool', 'rm -rf /'], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('The tool-use event is malformed: tool must match pattern');
    expect(bad.err).toContain('pl: Zdarzenie tool-use jest niepoprawne');
    expect((await foundry(['events', 'session', 'restart'], env)).code).toBe(2);
    expect((await foundry(['events', 'session', 'start', '--json'], env)).out).toContain('"id": 1');
  });

  it('feeds the reported messages to the pattern detector', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    for (const day of [1, 2, 3, 4, 5]) {
      await foundry(['events', 'message', '--role', 'user', '--text', 'Znowu piję kawę', '--at', `2026-03-0${day}T09:00:00+01:00`], env);
    }
    const suggested = await foundry(['suggest', '--events', '--json'], env);
    expect(JSON.parse(suggested.out).patterns).toEqual([expect.objectContaining({ source: 'pattern', subjectKey: 'coffee', evidence: expect.objectContaining({ count: 5, distinctDays: 5 }) })]);
  });
});
