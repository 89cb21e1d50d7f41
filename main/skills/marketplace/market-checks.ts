// Checks that run by themselves: while the app or `foundry serve` runs, the registries are read
// shortly after start and then every few hours, so a bundle a registry revoked is disabled (and the
// owner told) without anyone opening the Marketplace view, and — with `autoUpdate: true` — newer
// versions of installed skills wait in the review queue. Nothing is ever approved by this.
//
// Contract and the threats it answers:
// - Only while `skills.marketplace.enabled`, read at each check: off means nothing is fetched. A
//   check that was due while it was off runs within MAX_WAIT_MS of the owner turning it on.
// - FIRST_CHECK_AFTER_MS: not at the very start, so opening the window and the sandbox host's
//   self-check come first and a slow registry never delays them; soon enough that a revocation
//   published while the laptop was off is applied minutes after it starts.
// - CHECK_INTERVAL_MS: revocations reach a running app within a working day, and a static host is
//   asked four times a day per app (each a conditional request, thanks to the ETag cache).
// - MAX_WAIT_MS: Node's timers run on a monotonic clock that stops while a laptop sleeps, so the
//   timer only waits this long before comparing the wall clock with the next check's time.
// - Never blocks main: a check is network and file I/O with the audit off the main thread; at
//   most one runs at a time. Its failure is handed to `failed` (recorded), never thrown.
import type { SchedulerClock } from '../scheduler/index.ts';

export const FIRST_CHECK_AFTER_MS = 2 * 60_000;
export const CHECK_INTERVAL_MS = 6 * 60 * 60_000;
export const MAX_WAIT_MS = 10 * 60_000;

export interface MarketChecksDeps {
  clock: SchedulerClock;
  /** config.yaml's skills.marketplace.enabled, read at each check. */
  enabled: () => boolean;
  /** Reads every registry: revocations applied; with autoUpdate, newer versions queued for review. */
  check: () => Promise<unknown>;
  /** A check that threw: recorded for the owner, never rethrown. */
  failed: (error: unknown) => void;
}

export function createMarketChecks(deps: MarketChecksDeps) {
  const { clock } = deps;
  let timer: unknown = null;
  let started = false;
  let dueAt = 0;
  let running: Promise<void> | null = null;
  const now = () => clock.now().getTime();

  /** Overdue (off, or a check still running) looks again after MAX_WAIT_MS, never in a tight loop. */
  function arm(): void {
    const wait = dueAt - now();
    timer = clock.setTimer(tick, wait > 0 ? Math.min(wait, MAX_WAIT_MS) : MAX_WAIT_MS);
  }

  async function runCheck(): Promise<void> {
    try {
      await deps.check();
    } catch (error) {
      deps.failed(error);
    }
  }

  function tick(): void {
    timer = null;
    if (!started) return;
    if (now() >= dueAt && running === null && deps.enabled()) {
      dueAt = now() + CHECK_INTERVAL_MS;
      running = runCheck().finally(() => {
        running = null;
      });
    }
    arm();
  }

  return {
    start(): void {
      if (started) return;
      started = true;
      dueAt = now() + FIRST_CHECK_AFTER_MS;
      arm();
    },
    /** Resolves once no check is in progress. */
    async idle(): Promise<void> {
      await running;
    },
    /** Stops the timer and waits for a check in progress, so the store can close after it. */
    async stop(): Promise<void> {
      started = false;
      if (timer !== null) clock.clearTimer(timer);
      timer = null;
      await running;
    },
  };
}
export type MarketChecks = ReturnType<typeof createMarketChecks>;
