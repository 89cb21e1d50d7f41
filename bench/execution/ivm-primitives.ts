// isolated-vm's own costs, measured bare in this process: the floors under every in-isolate figure.
import ivm from 'isolated-vm';
import { measure, type Stats } from '../harness.ts';

export const CALLBACK_LOOP = 1_000;

export interface IvmPrimitives {
  asyncCall: Stats;
  syncCall: Stats;
  callbacks: Stats;
  poolCallbacks: Stats;
  ignoredCallbacks: Stats;
  heapStatistics: Stats;
  newContext: Stats;
  newIsolate: Stats;
}

export async function measureIvmPrimitives(): Promise<IvmPrimitives> {
  const isolate = new ivm.Isolate({ memoryLimit: 128 });
  try {
    const context = await isolate.createContext();
    const increment = (await context.eval('(a) => a + 1', { reference: true })) as ivm.Reference<(a: number) => number>;
    const callback = new ivm.Callback(() => 1);
    const ignored = new ivm.Callback(() => {}, { ignored: true });
    const loop = (await context.evalClosure('return (n) => { let s = 0; for (let i = 0; i < n; i++) s += $0(); return s; }', [callback], {
      result: { reference: true },
    })) as ivm.Reference<(n: number) => number>;
    const ignoredLoop = (await context.evalClosure('return (n) => { for (let i = 0; i < n; i++) $0(); return n; }', [ignored], {
      result: { reference: true },
    })) as ivm.Reference<(n: number) => number>;
    return {
      asyncCall: await measure('Reference.apply (async: runs on a pool thread, result posted back)', () => increment.apply(undefined, [1], { timeout: 1_000 }), { runs: 2_000, warmup: 200 }),
      syncCall: await measure('Reference.applySync (same call, on this thread)', () => increment.applySync(undefined, [1], { timeout: 1_000 }), { runs: 2_000, warmup: 200 }),
      callbacks: await measure(`${CALLBACK_LOOP.toLocaleString('en')} Callback calls from inside the isolate (one applySync)`, () => loop.applySync(undefined, [CALLBACK_LOOP]), { runs: 200 }),
      poolCallbacks: await measure(`${CALLBACK_LOOP.toLocaleString('en')} Callback calls from inside the isolate (one apply: from a pool thread)`, () => loop.apply(undefined, [CALLBACK_LOOP]), { runs: 50, warmup: 5 }),
      // The result is posted after the queued tasks, so each run includes running all of them here.
      ignoredCallbacks: await measure(`${CALLBACK_LOOP.toLocaleString('en')} ignored Callback calls (one apply; each queues a task for this thread)`, () => ignoredLoop.apply(undefined, [CALLBACK_LOOP]), { runs: 100, warmup: 10 }),
      heapStatistics: await measure('isolate.getHeapStatisticsSync() (the host reads it after every execution)', () => isolate.getHeapStatisticsSync(), { runs: 1_000, warmup: 100 }),
      newContext: await measure('createContext() in a warm isolate', async () => (await isolate.createContext()).release(), { runs: 300 }),
      newIsolate: await measure('new Isolate + createContext + eval', async () => {
        const fresh = new ivm.Isolate({ memoryLimit: 128 });
        await (await fresh.createContext()).eval('1 + 1');
        fresh.dispose();
      }, { runs: 100, warmup: 10 }),
    };
  } finally {
    isolate.dispose();
  }
}
