import { describe, expect, it } from 'vitest';
import { foundry } from '../../helpers/run-foundry.ts';
import { openFoundryStore } from '../../../main/store/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

/** A store with one owner schedule (its skill is not installed here, so it cannot be resumed). */
function storeWithSchedule() {
  const dataDir = tempDir();
  const store = openFoundryStore(dataDir);
  store.schedules.add({
    skillSlug: 'custom-medication-reminder', versionId: 'v-1', source: 'owner', spec: { action: 'remind', cron: '0 8 * * *', timezone: 'Europe/Warsaw' },
    timezone: 'Europe/Warsaw', status: 'active', pausedReason: null, nextRunAt: '2026-12-08T07:00:00.000Z', createdBy: 'owner',
  });
  store.close();
  return { FOUNDRY_DATA_DIR: dataDir };
}

describe('foundry schedules', () => {
  it('lists each schedule in plain words, both languages, with its next run in its own zone', async () => {
    const { code, out } = await foundry(['schedules'], storeWithSchedule());
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      '1 schedule',
      '#1 active  custom-medication-reminder (custom-medication-reminder) → remind  [owner]',
      '    runs every day at 08:00, Europe/Warsaw',
      '    pl: uruchamia się codziennie o 08:00, Europe/Warsaw',
      '    next 2026-12-08 08:00; never ran',
    ]);
  });

  it('pauses and removes as the owner; resuming a schedule whose skill cannot run says why (exit 1)', async () => {
    const env = storeWithSchedule();
    expect((await foundry(['schedules', 'pause', '1'], env)).out).toMatch(/^schedule #1 paused\n#1 paused \(by you\)/);
    const resumed = await foundry(['schedules', 'resume', '1'], env);
    expect(resumed.code).toBe(1);
    expect(resumed.err).toMatch(/Its skill cannot run now \(archived or not deployed\)/);
    const removed = await foundry(['schedules', 'remove', '1', '--json'], env);
    expect(JSON.parse(removed.out)).toEqual({ removed: 1 });
    expect((await foundry(['schedules', '--json'], env)).out).toBe('[]');
  });

  it('refuses malformed input with the usage (exit 2) and changes nothing', async () => {
    const env = storeWithSchedule();
    for (const args of [['schedules', 'add', 'custom-medication-reminder', 'remind', '--every', '5s'], ['schedules', 'pause', 'one'], ['schedules', 'snooze', '1']]) {
      const { code, err } = await foundry(args, env);
      expect(code).toBe(2);
      expect(err).toContain('usage: foundry schedules');
    }
    expect(JSON.parse((await foundry(['schedules', '--json'], env)).out)).toMatchObject([{ id: 1, status: 'active' }]);
  });
});
