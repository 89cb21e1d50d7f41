// The scheduler's cost to main and how late it starts a due run, on the real timer and the store
// on disk. The target load is 20 schedules firing each minute; to measure it in seconds, 20
// schedules fire every second here (60× the target), rows written straight into the store (the
// check refuses runs under a minute apart, the engine itself does not care). The run is a stub
// that notes when it started: what is measured is the scheduler's part (timer → claim → start),
// not the sandbox's (see the execution suites).
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openFoundryStore } from '../../main/store/index.ts';
import { createScheduler, systemClock } from '../../main/skills/scheduler/index.ts';
import { formatMs, printNote, printTable, printTarget, statsOf, withTempDir } from '../harness.ts';

const SCHEDULES = 20;
const SECONDS = 15;

function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Main's CPU (ms per second) and event-loop delay (p99, ms) while `work` runs for `ms`. */
async function observe(ms: number, work: () => void): Promise<{ cpuMsPerSecond: number; loopP99: number }> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const cpu = process.cpuUsage();
  const started = performance.now();
  loop.enable();
  work();
  await new Promise((resolve) => setTimeout(resolve, ms));
  loop.disable();
  const used = process.cpuUsage(cpu);
  return { cpuMsPerSecond: (used.user + used.system) / 1000 / ((performance.now() - started) / 1000), loopP99: loop.percentile(99) / 1e6 };
}

export async function schedulerBench(): Promise<void> {
  await withTempDir(async (dir) => {
    const store = openFoundryStore(dir);
    const lags: number[] = [];
    const scheduler = createScheduler({
      schedules: store.schedules,
      clock: systemClock,
      enabled: () => true,
      maxFailures: () => 5,
      audit: (event, row, data) => store.auditLog.append({ actor: 'scheduler', event, skillSlug: row.skillSlug, data: { scheduleId: row.id, ...data } }),
      run: async (_row, fired) => {
        lags.push(Date.now() - Date.parse(fired.dueAt));
        return { ok: true, executionId: null, message: null };
      },
      report: async () => {},
      pausedAfterFailures: () => {},
    });
    try {
      const idle = await observe(SECONDS * 1000, () => {});
      const firstDue = new Date(Math.ceil((Date.now() + 1000) / 1000) * 1000).toISOString();
      for (let i = 0; i < SCHEDULES; i++) {
        store.schedules.add({
          skillSlug: `custom-bench-${i}`, versionId: 'bench', source: 'owner', spec: { action: 'tick', cron: '* * * * * *' }, timezone: 'UTC',
          status: 'active', pausedReason: null, nextRunAt: firstDue, createdBy: 'owner',
        });
      }
      const busy = await observe(SECONDS * 1000, () => scheduler.start());
      const seconds = lags.length / SCHEDULES;
      await scheduler.stop();
      const lag = statsOf(`due time → run started (${lags.length} runs)`, lags);
      printTable(`Scheduler: ${SCHEDULES} schedules firing every second for ${SECONDS} s (60× the target of every minute), store on disk`, [lag]);
      printTarget('lag p99', percentile(lags, 0.99), 1000);
      printNote(`${seconds} firings of all ${SCHEDULES} in the ${SECONDS} s window (the first due time is the next whole second after the rows are stored)`);
      printNote(`main's CPU: ${idle.cpuMsPerSecond.toFixed(1)} ms/s idle → ${busy.cpuMsPerSecond.toFixed(1)} ms/s firing (${(busy.cpuMsPerSecond - idle.cpuMsPerSecond).toFixed(1)} ms/s for ${SCHEDULES} runs a second; at the target's one run per schedule a minute, a sixtieth of that)`);
      printNote(`event-loop delay p99: ${formatMs(idle.loopP99)} idle → ${formatMs(busy.loopP99)} firing`);
    } finally {
      store.close();
    }
  });
}
