import { describe, expect, it } from 'vitest';
import { openFoundryStore } from '../../../main/store/index.ts';
import { seedWaterTracker } from '../../bridge/seed.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { createClock } from '../approval/security-fixtures.ts';

const tempDir = useTempDir();

function storeWithSkill() {
  const clock = createClock();
  const store = openFoundryStore(tempDir(), { now: clock.now });
  const { slug } = seedWaterTracker(store, clock.now());
  const version = store.versions.listForSkill(slug).find((v) => v.status === 'approved')!;
  return { store, clock, owner: { skillId: version.skillId, versionId: version.id } };
}

describe('the stored notifications', () => {
  it('refuse a title or body longer than the sandbox allows, even written around the engine', () => {
    const { store, owner } = storeWithSkill();
    try {
      expect(() => store.notifications.addDelivered({ ...owner, title: 't'.repeat(201), body: '' })).toThrow(/CHECK constraint/);
      expect(() => store.notifications.addDelivered({ ...owner, title: 'ok', body: 'b'.repeat(2001) })).toThrow(/CHECK constraint/);
      expect(store.notifications.list()).toEqual({ items: [], unread: 0 });
    } finally {
      store.close();
    }
  });

  it('keep the time a notification was first read when it is marked read again', () => {
    const { store, clock, owner } = storeWithSkill();
    try {
      const { id } = store.notifications.addDelivered({ ...owner, title: 'Water', body: 'A glass' });
      expect(store.notifications.markRead([id])).toEqual([id]);
      const firstRead = store.notifications.get(id)!.readAt;
      clock.advance(60_000);
      expect(store.notifications.markRead([id])).toEqual([]);
      expect(store.notifications.get(id)!.readAt).toBe(firstRead);
    } finally {
      store.close();
    }
  });
});
