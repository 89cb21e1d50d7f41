// The marketplace's own timer, on an injected clock: when it checks, that it checks only while the
// marketplace is on, and that a failing check is recorded and the next one still comes.
import { describe, expect, it } from 'vitest';
import { CHECK_INTERVAL_MS, createMarketChecks, FIRST_CHECK_AFTER_MS } from '../../../main/skills/marketplace/market-checks.ts';
import { testClock } from '../scheduler/scheduler-clock.ts';

const START = '2026-12-08T08:00:00Z';
const at = (ms: number) => new Date(Date.parse(START) + ms);

function checks(options: { enabled?: () => boolean; fail?: () => boolean } = {}) {
  const clock = testClock(START);
  const checkedAt: string[] = [];
  const failures: unknown[] = [];
  const timer = createMarketChecks({
    clock,
    enabled: options.enabled ?? (() => true),
    check: async () => {
      checkedAt.push(clock.now().toISOString());
      if (options.fail?.()) throw new Error('registry index unreadable');
    },
    failed: (error) => failures.push(error),
  });
  const advanceTo = (ms: number) => clock.advanceTo(at(ms), () => timer.idle());
  return { clock, timer, checkedAt, failures, advanceTo };
}

describe('the marketplace checks itself while the app runs', () => {
  it('checks a couple of minutes after start, then every 6 hours', async () => {
    const { timer, checkedAt, advanceTo } = checks();
    timer.start();
    await advanceTo(FIRST_CHECK_AFTER_MS - 1);
    expect(checkedAt).toEqual([]);
    await advanceTo(FIRST_CHECK_AFTER_MS + 2 * CHECK_INTERVAL_MS);
    expect(checkedAt).toEqual([at(FIRST_CHECK_AFTER_MS), at(FIRST_CHECK_AFTER_MS + CHECK_INTERVAL_MS), at(FIRST_CHECK_AFTER_MS + 2 * CHECK_INTERVAL_MS)].map((d) => d.toISOString()));
    await timer.stop();
  });

  it('after the laptop sleeps through a check, checks within minutes of waking, once', async () => {
    const { clock, timer, checkedAt } = checks();
    timer.start();
    await clock.sleepUntil(at(FIRST_CHECK_AFTER_MS + 20 * 60 * 60_000), () => timer.idle());
    expect(checkedAt).toHaveLength(1);
    await clock.advanceTo(at(FIRST_CHECK_AFTER_MS + 20 * 60 * 60_000 + 10 * 60_000), () => timer.idle());
    expect(checkedAt).toHaveLength(1);
    await timer.stop();
  });

  it('fetches nothing while the marketplace is off, and checks soon after the owner turns it on', async () => {
    let enabled = false;
    const { timer, checkedAt, advanceTo } = checks({ enabled: () => enabled });
    timer.start();
    await advanceTo(2 * CHECK_INTERVAL_MS);
    expect(checkedAt).toEqual([]);
    enabled = true;
    await advanceTo(2 * CHECK_INTERVAL_MS + 10 * 60_000);
    expect(checkedAt).toHaveLength(1);
    await timer.stop();
  });

  it('records a check that fails instead of throwing it, and checks again at the next time', async () => {
    const { timer, checkedAt, failures, advanceTo } = checks({ fail: () => true });
    timer.start();
    await advanceTo(FIRST_CHECK_AFTER_MS + CHECK_INTERVAL_MS);
    expect(checkedAt).toHaveLength(2);
    expect(failures).toEqual([new Error('registry index unreadable'), new Error('registry index unreadable')]);
    await timer.stop();
  });

  it('checks nothing more once stopped', async () => {
    const { timer, checkedAt, advanceTo } = checks();
    timer.start();
    await timer.stop();
    await advanceTo(3 * CHECK_INTERVAL_MS);
    expect(checkedAt).toEqual([]);
  });
});
