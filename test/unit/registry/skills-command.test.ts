import { describe, expect, it } from 'vitest';
import { foundry } from '../../helpers/run-foundry.ts';
import { openFoundryStore } from '../../../main/store/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { changedGoalGenerator, openFlow } from './flow-fixtures.ts';

const tempDir = useTempDir();
const SLUG = 'custom-water-tracker';


/** A store with the water tracker at 1.0.0 and 1.1.0 (running), and a third version waiting. */
async function seededStore(): Promise<string> {
  const dir = tempDir();
  const flow = await openFlow(dir);
  await flow.approvedWaterTracker();
  await flow.approvedWaterTracker(changedGoalGenerator);
  await flow.pendingWaterTracker();
  await flow.close();
  return dir;
}

describe('foundry skills', () => {
  it('lists and shows skills as the owner; a run expires versions waiting past their 24 hours first', async () => {
    const env = { FOUNDRY_DATA_DIR: await seededStore() };
    const list = await foundry(['skills', 'list', '--json'], env);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toEqual([expect.objectContaining({ slug: SLUG, status: 'active', activeVersion: '1.1.0' })]);

    const show = await foundry(['skills', 'show', SLUG], env);
    expect(show.code).toBe(0);
    expect(show.out).toContain('Śledzenie: woda (custom-water-tracker)');
    expect(show.out).toMatch(/custom-water-tracker@v1\.0\.0\s+approved/);
    // The seeded version was made on the test clock, long ago: this run rejected it as expired.
    expect(show.out).toMatch(/custom-water-tracker@v1\.2\.0\s+expired/);
    const json = JSON.parse((await foundry(['skills', 'show', SLUG, '--json'], env)).out);
    expect(json.versions.map((v: { version: string }) => v.version)).toEqual(['1.2.0', '1.1.0', '1.0.0']);
  });

  it('files a rollback request and never rolls back itself', async () => {
    const env = { FOUNDRY_DATA_DIR: await seededStore() };
    const result = await foundry(['skills', 'rollback-request', SLUG, '1.0.0', '--note', 'old goal'], env);
    expect(result.code).toBe(0);
    expect(result.out).toContain('rollback of custom-water-tracker to 1.0.0 requested');
    expect(result.out).toContain('Skill Foundry window');
    const store = openFoundryStore(env.FOUNDRY_DATA_DIR);
    try {
      expect(store.versions.active(SLUG)?.version).toBe('1.1.0');
      expect(store.db.prepare('SELECT kind, requested_by, note, status FROM review_requests').all()).toEqual([
        { kind: 'rollback', requested_by: 'owner', note: 'old goal', status: 'open' },
      ]);
    } finally {
      store.close();
    }
    expect((await foundry(['skills', 'show', SLUG], env)).out).toContain('#1 rollback v1.0.0 by owner — old goal');
  });

  it('refuses bad input with exit 2 and unknown skills or versions with exit 1, in JSON too', async () => {
    const env = { FOUNDRY_DATA_DIR: await seededStore() };
    expect((await foundry(['skills'], env)).code).toBe(2);
    expect((await foundry(['skills', 'show'], env)).code).toBe(2);
    expect((await foundry(['skills', 'approve', SLUG], env)).code).toBe(2);
    const missing = await foundry(['skills', 'show', 'custom-nope'], env);
    expect(missing).toMatchObject({ code: 1, err: 'foundry skills: There is no such skill.' });
    const running = await foundry(['skills', 'rollback-request', SLUG, '1.1.0', '--json'], env);
    expect(running.code).toBe(1);
    expect(JSON.parse(running.out)).toMatchObject({ ok: false, error: { code: 'conflict', status: 409, reason: 'already-active', message: { pl: expect.any(String) } } });
  });
});
