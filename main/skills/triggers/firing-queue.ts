// Runs firings in the background, at most `concurrency` at once and at most `maxQueued` waiting:
// the request that reported an event never waits for what it fired, and a burst of events cannot
// pile up work in main without end (the registry's execution slots then bound the sandbox).

export interface FiringQueue {
  /** False when the queue is full: the work was not taken. */
  offer(work: () => Promise<void>): boolean;
  /** Starts the work now, whatever waits: for a run that must begin before something else changes. */
  startNow(work: () => Promise<void>): void;
  /** Resolves once nothing runs or waits. */
  idle(): Promise<void>;
}

export function createFiringQueue(limits: { concurrency: number; maxQueued: number }): FiringQueue {
  const waiting: (() => Promise<void>)[] = [];
  let running = 0;
  let idleWaiters: (() => void)[] = [];

  function settle(): void {
    if (running > 0 || waiting.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function start(work: () => Promise<void>): void {
    running += 1;
    // Work reports its own failures; the queue only keeps going.
    void work().catch(() => {}).finally(() => {
      running -= 1;
      const next = running < limits.concurrency ? waiting.shift() : undefined;
      if (next) start(next);
      settle();
    });
  }

  return {
    offer(work) {
      if (running < limits.concurrency) start(work);
      else if (waiting.length < limits.maxQueued) waiting.push(work);
      else return false;
      return true;
    },
    startNow: start,
    idle: () => (running === 0 && waiting.length === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
  };
}
