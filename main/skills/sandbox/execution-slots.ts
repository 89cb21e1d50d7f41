// How many executions run at once. `total` bounds the executions *running* in their isolates; one
// awaiting an HTTP answer steps aside (`pause`) and takes a turn again when the answer is there
// (`resume`, ahead of executions not yet started), so a skill waiting on the network never holds
// up the others, while no more than `total` compute at once. What stays alive is bounded too: at
// most WAITING_FACTOR × `total` executions in progress, running or waiting (each holds an isolate
// and its memory). `perSkill` bounds one skill version's executions in progress (its warm-isolate
// key), waiting included. Beyond these, executions queue, first come first served among those
// that could start. Each execution brings the limits in force when it was asked for (config.yaml's,
// read then), so a change applies to the next one.
export interface ConcurrencyLimits {
  total: number;
  perSkill: number;
}

export const DEFAULT_CONCURRENCY: Readonly<ConcurrencyLimits> = Object.freeze({ total: 8, perSkill: 1 });

/** Executions in progress at most, as a multiple of `total`: waiting on the network costs memory, not CPU. */
export const WAITING_FACTOR = 4;

/** One execution's hold on the sandbox, from its start to its end. */
export interface ExecutionSlot {
  /** Steps aside while the execution awaits the network. */
  pause(): void;
  /** Resolves when the execution may run again. */
  resume(): Promise<void>;
  release(): void;
}

interface Waiter {
  kind: 'resume' | 'start';
  key: string;
  limits: ConcurrencyLimits;
  go: () => void;
}

export function createExecutionSlots() {
  const perKey = new Map<string, number>();
  let inProgress = 0;
  let running = 0;
  const waiting: Waiter[] = [];

  const canRun = (limits: ConcurrencyLimits) => running < limits.total;
  const canStart = (key: string, limits: ConcurrencyLimits) =>
    canRun(limits) && inProgress < limits.total * WAITING_FACTOR && (perKey.get(key) ?? 0) < limits.perSkill;

  function serveWaiting(): void {
    // Resumptions first: they already hold memory and their deadline runs.
    for (const kind of ['resume', 'start'] as const) {
      for (let i = 0; i < waiting.length; ) {
        const waiter = waiting[i]!;
        const fits = waiter.kind === kind && (kind === 'resume' ? canRun(waiter.limits) : canStart(waiter.key, waiter.limits));
        if (!fits) {
          i += 1;
          continue;
        }
        waiting.splice(i, 1);
        waiter.go();
      }
    }
  }

  function open(key: string, limits: ConcurrencyLimits): ExecutionSlot {
    inProgress += 1;
    running += 1;
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
    let state: 'running' | 'paused' | 'released' = 'running';
    /** While paused and asked to resume: its place in the queue, and how to let the caller go on. */
    let resumption: { waiter: Waiter; settle: () => void } | null = null;
    return {
      pause() {
        if (state !== 'running') return;
        state = 'paused';
        running -= 1;
        serveWaiting();
      },
      resume() {
        if (state !== 'paused' || resumption) return Promise.resolve();
        const proceed = () => {
          resumption = null;
          state = 'running';
          running += 1;
        };
        if (!waiting.some((w) => w.kind === 'resume') && canRun(limits)) {
          proceed();
          return Promise.resolve();
        }
        return new Promise((resolve) => {
          const waiter: Waiter = { kind: 'resume', key, limits, go: () => (proceed(), resolve()) };
          resumption = { waiter, settle: resolve };
          waiting.push(waiter);
        });
      },
      release() {
        if (state === 'released') return;
        if (state === 'running') running -= 1;
        if (resumption) {
          // Ended while waiting for its turn (its deadline passed): the caller goes on to nothing.
          waiting.splice(waiting.indexOf(resumption.waiter), 1);
          resumption.settle();
          resumption = null;
        }
        state = 'released';
        inProgress -= 1;
        const left = perKey.get(key)! - 1;
        if (left === 0) perKey.delete(key);
        else perKey.set(key, left);
        serveWaiting();
      },
    };
  }

  return {
    /** Resolves with the execution's slot once it may start. */
    acquire(key: string, limits: ConcurrencyLimits = DEFAULT_CONCURRENCY): Promise<ExecutionSlot> {
      if (waiting.length === 0 && canStart(key, limits)) return Promise.resolve(open(key, limits));
      return new Promise((resolve) => {
        waiting.push({ kind: 'start', key, limits, go: () => resolve(open(key, limits)) });
        serveWaiting();
      });
    },
  };
}
