// How many executions run at once: at most `total` in all and `perSkill` of one skill version
// (its warm-isolate key); beyond that they wait, first come first served among those that could
// start. A skill awaiting the network holds one slot, not the sandbox. Each execution brings the
// limits in force when it was asked for (config.yaml's, read then), so a change applies to the next one.
export interface ConcurrencyLimits {
  total: number;
  perSkill: number;
}

export const DEFAULT_CONCURRENCY: Readonly<ConcurrencyLimits> = Object.freeze({ total: 8, perSkill: 1 });

interface Waiter {
  key: string;
  limits: ConcurrencyLimits;
  start: () => void;
}

export function createExecutionSlots() {
  const running = new Map<string, number>();
  let total = 0;
  const waiting: Waiter[] = [];

  const fits = (key: string, { total: maxTotal, perSkill }: ConcurrencyLimits) => total < maxTotal && (running.get(key) ?? 0) < perSkill;

  function take(key: string): () => void {
    total += 1;
    running.set(key, (running.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      total -= 1;
      const left = running.get(key)! - 1;
      if (left === 0) running.delete(key);
      else running.set(key, left);
      startWaiting();
    };
  }

  function startWaiting(): void {
    for (let i = 0; i < waiting.length; ) {
      const waiter = waiting[i]!;
      if (!fits(waiter.key, waiter.limits)) {
        i += 1;
        continue;
      }
      waiting.splice(i, 1);
      waiter.start();
    }
  }

  return {
    /** Resolves with the slot's release once the execution may start. */
    acquire(key: string, limits: ConcurrencyLimits = DEFAULT_CONCURRENCY): Promise<() => void> {
      if (waiting.length === 0 && fits(key, limits)) return Promise.resolve(take(key));
      return new Promise((resolve) => {
        waiting.push({ key, limits, start: () => resolve(take(key)) });
        startWaiting();
      });
    },
    get running(): number {
      return total;
    },
    get waiting(): number {
      return waiting.length;
    },
  };
}
