// An injected clock for the scheduler: time moves only when a test says so, timers fire in order
// at their times while "awake", and a "sleep" jumps the time without firing anything until wake.
import type { SchedulerClock } from '../../../main/skills/scheduler/index.ts';

interface Timer {
  callback: () => void;
  at: number;
}

export interface TestClock extends SchedulerClock {
  set(at: string | Date): void;
  /** Awake until `to`: every timer due by then fires at its time; `settle` waits for what it started. */
  advanceTo(to: string | Date, settle: () => Promise<void>): Promise<void>;
  /** Asleep until `to`: no timer fires meanwhile; on waking the overdue timer fires (late). */
  sleepUntil(to: string | Date, settle: () => Promise<void>): Promise<void>;
}

export function testClock(start: string): TestClock {
  let now = Date.parse(start);
  const timers = new Set<Timer>();
  const clock: TestClock = {
    now: () => new Date(now),
    setTimer(callback, delayMs) {
      const timer = { callback, at: now + delayMs };
      timers.add(timer);
      return timer;
    },
    clearTimer: (handle) => {
      timers.delete(handle as Timer);
    },
    set: (at) => {
      now = new Date(at).getTime();
    },
    async advanceTo(to, settle) {
      const target = new Date(to).getTime();
      for (;;) {
        const next = [...timers].sort((a, b) => a.at - b.at)[0];
        if (!next || next.at > target) break;
        timers.delete(next);
        now = Math.max(now, next.at);
        next.callback();
        await settle();
      }
      now = target;
    },
    async sleepUntil(to, settle) {
      now = new Date(to).getTime();
      await clock.advanceTo(to, settle);
    },
  };
  return clock;
}
