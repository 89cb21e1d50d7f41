import { describe, expect, it } from 'vitest';
import { foundry } from '../../helpers/run-foundry.ts';
import { openFoundryStore } from '../../../main/store/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { seedWaterTracker } from '../../bridge/seed.ts';

const tempDir = useTempDir();

/** A store where the water tracker told the owner twice, and then a held-back notice. */
function notifiedStore(): string {
  const dataDir = tempDir();
  const store = openFoundryStore(dataDir);
  const { slug } = seedWaterTracker(store);
  const version = store.versions.listForSkill(slug).find((v) => v.status === 'approved')!;
  const owner = { skillId: version.skillId, versionId: version.id };
  store.notifications.addDelivered({ ...owner, title: 'Water', body: 'Time for a glass of water' });
  store.notifications.addDelivered({ ...owner, title: 'Water', body: 'Second glass' });
  store.notifications.holdBackOneMore(store.notifications.addHeldBack(owner).id);
  store.close();
  return dataDir;
}

describe('foundry notifications', () => {
  it('lists what skills sent, newest first, held-back notices in both languages, and marks them read', async () => {
    const env = { FOUNDRY_DATA_DIR: notifiedStore() };
    const listed = await foundry(['notifications'], env);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^3 unread\n#3 \*/);
    expect(listed.out).toContain('Water tracker wanted to notify you 2 more times in the last hour');
    expect(listed.out).toContain('pl: Water tracker: wstrzymane powiadomienia: Skill „Water tracker” chciał Cię powiadomić jeszcze 2 razy');
    expect(listed.out).toMatch(/#1 \* .*Water tracker \(custom-water-tracker v1\.0\.0\)\n {4}Water: Time for a glass of water$/);

    expect(await foundry(['notifications', 'read', '1', '3'], env)).toMatchObject({ code: 0, out: '2 marked read' });
    const unread = JSON.parse((await foundry(['notifications', '--unread', '--json'], env)).out);
    expect(unread).toMatchObject({ unread: 1, items: [{ id: 2, body: 'Second glass', readAt: null }] });
    expect(await foundry(['notifications', 'read', '--all'], env)).toMatchObject({ code: 0, out: '1 marked read' });
  });

  it('refuses malformed and unknown numbers, changing nothing', async () => {
    const env = { FOUNDRY_DATA_DIR: notifiedStore() };
    expect(await foundry(['notifications', 'read'], env)).toMatchObject({ code: 2, err: expect.stringContaining('usage:') });
    expect(await foundry(['notifications', 'read', 'x1'], env)).toMatchObject({ code: 2 });
    expect(await foundry(['notifications', 'read', '1', '--all'], env)).toMatchObject({ code: 2 });
    const unknown = await foundry(['notifications', 'read', '1', '99'], env);
    expect(unknown).toMatchObject({ code: 1, err: expect.stringContaining('There is no such notification. (#99)') });
    expect(unknown.err).toContain('pl: Nie ma takiego powiadomienia.');
    expect(JSON.parse((await foundry(['notifications', '--json'], env)).out).unread).toBe(3);
  });
});
