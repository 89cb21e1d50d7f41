// The audit as main runs it: off its thread, within a budget. auditSkill is a pure synchronous
// function whose cost grows with the square of the nesting depth (a 1 MB deeply nested file took
// 137 s of CPU); on main, that would stall the window, the API and every execution. Here it runs in
// a worker thread (audit-worker.ts) that main kills when it goes over its time or heap budget, and
// the report says so with a blocking finding: a file the audit cannot finish is never approved,
// and never a stall. The worker is kept between audits (it loads the TypeScript parser once) and
// replaced after it is killed.
//
// The worker's file: beside this one under plain Node (engine .ts files run directly), and
// out/main/audit-worker.js in the built app, where scripts/build.ts makes it an entry of its own.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { AuditReport } from '../../../shared/skills/audit.ts';
import { FindingSink, START_OF_FILE } from './findings.ts';
import type { AuditOptions } from './index.ts';
import { SourceText } from './source-text.ts';

export interface AuditBudget {
  /** Wall time for one audit, counted from when the worker has loaded the parser. */
  timeMs: number;
  /** Wall time for a new worker to load the parser (about a second; several on a busy machine). */
  startMs: number;
  /** The worker's heap; far above what auditing a 1 MB file needs. */
  heapMb: number;
}

export const DEFAULT_AUDIT_BUDGET: Readonly<AuditBudget> = Object.freeze({ timeMs: 10_000, startMs: 30_000, heapMb: 512 });

export interface OffThreadAuditor {
  audit(source: string, options?: AuditOptions): Promise<AuditReport>;
  /** Stops the worker; later audits start a new one. */
  close(): Promise<void>;
}

interface Pending {
  id: number;
  worker: Worker;
  /** Starts the budget's clock (once the worker is ready). */
  startClock(): void;
  settle(outcome: { report: AuditReport } | { budget: Localized } | { failure: string }): void;
}

export function createOffThreadAuditor(budget: AuditBudget = DEFAULT_AUDIT_BUDGET, workerFile: string = auditWorkerFile()): OffThreadAuditor {
  let worker: Worker | null = null;
  let ready = false;
  let pending: Pending | null = null;
  let nextId = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Worker => {
    const started = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: budget.heapMb } });
    // An idle worker must not keep a CLI run alive; a pending audit's timer does while it waits.
    started.unref();
    // A worker only ever settles its own audit: one killed for its budget may report its exit later.
    const own = () => (pending?.worker === started ? pending : null);
    started.on('message', (message: { ready: true } | { id: number; report: AuditReport }) => {
      if ('ready' in message) {
        ready = true;
        own()?.startClock();
      } else if (own()?.id === message.id) own()?.settle({ report: message.report });
    });
    started.on('error', (error: Error & { code?: string }) => {
      stop(started);
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') own()?.settle({ budget: { en: `${budget.heapMb} MB of memory`, pl: `${budget.heapMb} MB pamięci` } });
      else own()?.settle({ failure: error.message });
    });
    started.on('exit', (code) => {
      stop(started);
      own()?.settle({ failure: `the audit thread stopped (exit code ${code})` });
    });
    return started;
  };

  const stop = (target: Worker): void => {
    if (worker === target) {
      worker = null;
      ready = false;
    }
    void target.terminate();
  };

  const run = (source: string, options: AuditOptions): Promise<AuditReport> =>
    new Promise((resolve) => {
      const current = worker ?? (worker = start());
      const id = ++nextId;
      const overBudget = () => {
        stop(current);
        pending?.settle({ budget: { en: `${budget.timeMs / 1000} s`, pl: `${(budget.timeMs / 1000).toLocaleString('pl-PL')} s` } });
      };
      let timer = setTimeout(() => {
        stop(current);
        pending?.settle({ failure: `the audit thread did not start within ${budget.startMs / 1000} s` });
      }, budget.startMs);
      pending = {
        id,
        worker: current,
        startClock: () => {
          clearTimeout(timer);
          timer = setTimeout(overBudget, budget.timeMs);
        },
        settle: (outcome) => {
          clearTimeout(timer);
          pending = null;
          resolve('report' in outcome ? outcome.report : unfinished(source, outcome));
        },
      };
      if (ready) pending.startClock();
      current.postMessage({ id, source, options });
    });

  return {
    audit(source, options = {}) {
      // One audit at a time: the worker runs one, and a killed worker must not take a queued audit with it.
      const report = queue.then(() => run(source, options));
      queue = report.catch(() => {});
      return report;
    },
    async close() {
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}

let shared: OffThreadAuditor | null = null;

/** auditSkill off main's thread, within DEFAULT_AUDIT_BUDGET; what the pipeline and the CLI call. */
export function auditSkillOffThread(source: string, options: AuditOptions = {}): Promise<AuditReport> {
  shared ??= createOffThreadAuditor();
  return shared.audit(source, options);
}

/**
 * Stops the shared audit thread. A process that is done must call it: the idle worker, unref'd,
 * still holds a message port that keeps Node's event loop alive (seen with the command line's
 * output going to a file).
 */
export async function closeSharedAuditor(): Promise<void> {
  const current = shared;
  shared = null;
  await current?.close();
}

/** The report of an audit that did not finish: one blocking finding, nothing found to be used. */
function unfinished(source: string, outcome: { budget: Localized } | { failure: string }): AuditReport {
  const text = typeof source === 'string' ? source : '';
  const sink = new FindingSink(new SourceText(text));
  if ('budget' in outcome) sink.add('input/over-budget', START_OF_FILE, outcome.budget);
  else sink.add('internal/audit-failed', START_OF_FILE, outcome.failure);
  return {
    sourceSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    verdict: 'block',
    findings: sink.sorted(),
    capabilities: { reads: [], writes: [], http: [], notifications: false, skills: [], blockedCalls: [], updates: [] },
  };
}

/** audit-worker.ts beside this file (source), or audit-worker.js at the top of the bundle (out/main, this code may sit in chunks/). */
function auditWorkerFile(): string {
  const candidates = ['./audit-worker.ts', './audit-worker.js', '../audit-worker.js'].map((name) => fileURLToPath(new URL(name, import.meta.url)));
  return candidates.find((file) => fs.existsSync(file)) ?? candidates[0]!;
}
