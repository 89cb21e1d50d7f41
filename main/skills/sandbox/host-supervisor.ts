// Main's side of the host process: starts it (and starts it again after it dies), runs executions
// on it (several at once: each in an isolate of its own, on its own thread; the sandbox decides how
// many), and watches it from outside — each run's wall-clock deadline and the process's resident
// memory — killing it when either is exceeded. Whatever the host does, a run always settles.
// The deadline also holds for main's own work: a timer cannot fire while main answers a query,
// so each query is checked against the execution's time limit before main does any work for it.
// Memory is one process's: while executions overlap, growth cannot be told apart, so a host that
// grew too much fails every run on it (each recorded as such), and the next run gets a fresh host.
import { decodeHostMessage, encodeMessage, type DoneMessage, type ExecuteMessage, type HostMessageBounds, type HostToMain } from './protocol.ts';
import type { SandboxProcess, SandboxProcessLauncher } from './process-launcher.ts';
import type { SandboxLimits } from './limits.ts';
import { readResidentBytes } from './process-memory.ts';
import type { SandboxFailureCode } from './errors.ts';
import type { SandboxRuntimeStatus } from '../../../shared/contract/records.ts';
import { RuntimeProblem, runtimeMessages } from './runtime/runtime-messages.ts';
import { RuntimeStatusTracker } from './runtime/runtime-status.ts';

export type HostRunRequest = Omit<ExecuteMessage, 'type' | 'id'>;

export interface HostRunResult extends Omit<DoneMessage, 'type' | 'id' | 'outcome'> {
  outcome: { status: 'succeeded'; output: string } | { status: 'failed'; code: SandboxFailureCode; detail: string };
}

/** How main answers one run's host calls. */
export interface HostCallHandlers {
  /** A query chain (JSON text) → the reply text; runs synchronously in main. */
  query(chain: string): string;
  /** A foundry.http request (JSON text) → the reply text; awaits the network, never blocks main. */
  http(request: string): Promise<string>;
  /** A foundry.skills.call (JSON text) → the reply text; awaits the callee's execution, never blocks main. */
  skill(request: string): Promise<string>;
}

interface ActiveRun {
  id: number;
  /** performance.now() after which main answers no more of this run's calls. */
  queriesUntil: number;
  timeoutMs: number;
  handlers: HostCallHandlers;
  finish(result: HostRunResult): void;
}

interface LiveHost {
  process: SandboxProcess;
  /** Settles once: ready, or why it could not start. */
  ready: Promise<void>;
  settleStart(error?: string): void;
  dead: boolean;
  reportedRss: number | undefined;
  active: Map<number, ActiveRun>;
  /** While runs are active: the memory watch, and the resident size when the host became busy. */
  watch: NodeJS.Timeout | null;
  rssAtBusy: number | undefined;
}

export interface HostSupervisorOptions {
  launcher: SandboxProcessLauncher;
  limits: SandboxLimits;
  /** Resident memory of a process by pid; /proc on Linux. */
  readRss?: (pid: number) => number | undefined;
}

const INTERNAL_ERROR_REPLY = JSON.stringify({ data: null, error: { message: 'The query could not be answered.' } });
const TIMED_OUT_REPLY = JSON.stringify({ data: null, error: { message: 'The execution ran out of time.' } });

export class HostSupervisor {
  private readonly launcher: SandboxProcessLauncher;
  private readonly limits: SandboxLimits;
  private readonly readRss: (pid: number) => number | undefined;
  private readonly bounds: HostMessageBounds;
  private readonly runtime: RuntimeStatusTracker;
  private host: LiveHost | null = null;
  private prepared: Promise<{ ok: true } | { ok: false; detail: string }> | undefined;
  private nextId = 0;
  private closed = false;

  constructor(options: HostSupervisorOptions) {
    this.launcher = options.launcher;
    this.limits = options.limits;
    this.readRss = options.readRss ?? readResidentBytes;
    this.runtime = new RuntimeStatusTracker(options.launcher.runtime);
    const { maxOutputBytes, maxQueryBytes, maxLogEntries, maxLogChars, maxNotifications } = options.limits;
    this.bounds = {
      maxChars: maxOutputBytes + maxQueryBytes + maxLogEntries * (maxLogChars + 8) + maxNotifications * 2_300 + 64 * 1024,
      limits: { maxOutputBytes, maxQueryBytes, maxLogEntries, maxLogChars, maxNotifications },
    };
  }

  /** The host's pid, if one is running (tests kill it to prove the restart). */
  get pid(): number | undefined {
    return this.host?.process.pid;
  }

  /** Which Node runs the host and whether skills can run, for the owner. */
  get runtimeStatus(): SandboxRuntimeStatus {
    return this.runtime.status();
  }

  /** Checks the runtime and starts the host now, without running anything (the app does this at start). */
  async start(): Promise<SandboxRuntimeStatus> {
    await this.readyHost();
    return this.runtimeStatus;
  }

  /** Runs one execution; runs may overlap (the sandbox bounds how many). */
  async run(request: HostRunRequest, handlers: HostCallHandlers): Promise<HostRunResult> {
    const started = await this.readyHost();
    if (!started.ok) return failed(started.code, started.detail);
    const host = started.host;
    const id = ++this.nextId;
    return new Promise<HostRunResult>((resolve) => {
      const deadlineMs = request.limits.timeoutMs + this.limits.graceMs;
      const deadline = setTimeout(() => this.kill(host, 'timeout', `no answer from the sandbox host within ${deadlineMs} ms`), deadlineMs);
      if (host.active.size === 0) this.watchMemory(host);
      host.active.set(id, {
        id,
        queriesUntil: performance.now() + request.limits.timeoutMs,
        timeoutMs: request.limits.timeoutMs,
        handlers,
        finish: (result) => {
          clearTimeout(deadline);
          host.active.delete(id);
          if (host.active.size === 0) this.unwatchMemory(host);
          resolve(result);
        },
      });
      host.process.send(encodeMessage({ type: 'execute', id, ...request }));
    });
  }

  /** The live host once it passed its start; the runtime is checked once, before the first launch. */
  private async readyHost(): Promise<{ ok: true; host: LiveHost } | { ok: false; code: SandboxFailureCode; detail: string }> {
    if (this.closed) return { ok: false, code: 'closed', detail: 'no more executions are accepted' };
    const prepared = await (this.prepared ??= this.prepareRuntime());
    if (!prepared.ok) return { ok: false, code: 'host-unavailable', detail: prepared.detail };
    if (this.closed) return { ok: false, code: 'closed', detail: 'no more executions are accepted' };
    const host = this.host ?? (this.host = this.launch());
    try {
      await host.ready;
    } catch (error) {
      return { ok: false, code: 'host-unavailable', detail: (error as Error).message };
    }
    if (host.dead) return { ok: false, code: 'crashed', detail: 'the sandbox host stopped before the execution began' };
    return { ok: true, host };
  }

  private async prepareRuntime(): Promise<{ ok: true } | { ok: false; detail: string }> {
    this.runtime.starting();
    try {
      this.runtime.checked(await this.launcher.prepare());
      return { ok: true };
    } catch (error) {
      const problem = error instanceof RuntimeProblem ? error.userMessage : runtimeMessages.notRunnable(String(this.launcher.runtime.path), String(error));
      this.runtime.failed(problem);
      return { ok: false, detail: problem.en };
    }
  }

  /** Kills the host; a run in progress fails as `closed`. */
  async close(): Promise<void> {
    this.closed = true;
    const host = this.host;
    if (!host || host.dead) return;
    const exited = new Promise<void>((resolve) => host.process.onExit(() => resolve()));
    this.kill(host, 'closed', 'the sandbox was closed');
    await exited;
  }

  private launch(): LiveHost {
    let resolve: () => void = () => {};
    let reject: (error: Error) => void = () => {};
    const ready = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // run() observes it; a host nobody waited for must not become an unhandled rejection.
    ready.catch(() => {});
    let started = false;
    this.runtime.starting();
    const startTimer = setTimeout(() => host.settleStart(`it did not start within ${this.limits.hostStartMs} ms`), this.limits.hostStartMs);
    const host: LiveHost = {
      process: this.launcher.launch(),
      ready,
      settleStart: (error) => {
        if (started) return;
        started = true;
        clearTimeout(startTimer);
        if (error === undefined) {
          this.runtime.ready();
          return resolve();
        }
        this.runtime.failed(runtimeMessages.selfCheckFailed(String(this.launcher.runtime.path), error));
        reject(new Error(error));
        this.kill(host, 'host-unavailable', error);
      },
      dead: false,
      reportedRss: undefined,
      active: new Map(),
      watch: null,
      rssAtBusy: undefined,
    };
    host.process.onMessage((raw) => this.receive(host, raw));
    host.process.onExit(({ code, signal }) => {
      const how = signal ? `signal ${signal}` : `exit code ${String(code)}`;
      host.settleStart(`it exited during start (${how})`);
      this.kill(host, 'crashed', `the sandbox host exited (${how})`);
    });
    return host;
  }

  private receive(host: LiveHost, raw: unknown): void {
    if (host.dead) return;
    const message = decodeHostMessage(raw, this.bounds);
    if (!message) return this.kill(host, 'crashed', 'the sandbox host sent an invalid message');
    this.handle(host, message);
  }

  private handle(host: LiveHost, message: HostToMain): void {
    switch (message.type) {
      case 'ready':
        return host.settleStart();
      case 'fatal':
        host.settleStart(message.reason);
        return this.kill(host, /out-of-memory/i.test(message.reason) ? 'memory' : 'crashed', `the sandbox host failed: ${message.reason}`);
      case 'stats':
        host.reportedRss = message.rssBytes;
        return;
      case 'query': {
        const run = host.active.get(message.id);
        if (!run) return;
        if (performance.now() > run.queriesUntil) {
          // The host ends the execution itself at its deadline; other runs on it go on.
          this.reply(host, message.id, message.callId, TIMED_OUT_REPLY);
          return run.finish(failed('timeout', `the execution went past its ${run.timeoutMs} ms limit while main answered its queries`));
        }
        let reply: string;
        try {
          reply = run.handlers.query(message.chain);
        } catch {
          reply = INTERNAL_ERROR_REPLY;
        }
        return this.reply(host, message.id, message.callId, reply);
      }
      case 'http':
      case 'skill': {
        const run = host.active.get(message.id);
        if (!run) return;
        // The handler holds the run's deadline itself; a failure of main's own is answered, not thrown.
        void run.handlers[message.type](message.request).catch(() => INTERNAL_ERROR_REPLY).then((reply) => {
          if (host.active.get(message.id) === run) this.reply(host, message.id, message.callId, reply);
        });
        return;
      }
      case 'done': {
        const run = host.active.get(message.id);
        if (!run) return;
        const { type: _type, id: _id, ...result } = message;
        run.finish(result);
      }
    }
  }

  private reply(host: LiveHost, id: number, callId: number, reply: string): void {
    if (!host.dead) host.process.send(encodeMessage({ type: 'reply', id, callId, reply }));
  }

  private watchMemory(host: LiveHost): void {
    host.rssAtBusy = this.residentBytes(host);
    host.watch = setInterval(() => this.checkMemory(host), this.limits.rssPollMs);
  }

  private unwatchMemory(host: LiveHost): void {
    if (host.watch !== null) clearInterval(host.watch);
    host.watch = null;
  }

  private residentBytes(host: LiveHost): number | undefined {
    const pid = host.process.pid;
    return (pid === undefined ? undefined : this.readRss(pid)) ?? host.reportedRss;
  }

  private checkMemory(host: LiveHost): void {
    const rss = this.residentBytes(host);
    if (rss === undefined) return;
    if (rss > this.limits.hostRssBytes) {
      return this.kill(host, 'memory', `the sandbox process used ${mb(rss)} MB, over its ${mb(this.limits.hostRssBytes)} MB limit`);
    }
    host.rssAtBusy ??= rss;
    const growth = rss - host.rssAtBusy;
    if (growth > this.limits.maxExecutionRssGrowthBytes) {
      const who = host.active.size > 1 ? `the ${host.active.size} executions running together` : 'the execution';
      this.kill(host, 'memory', `${who} grew the sandbox process by ${mb(growth)} MB, over its ${mb(this.limits.maxExecutionRssGrowthBytes)} MB limit (memory outside the heap counts too)`);
    }
  }

  /** Ends the host at once; its runs fail with `code`, and the next run starts a fresh host. */
  private kill(host: LiveHost, code: SandboxFailureCode, detail: string): void {
    if (host.dead) return;
    host.dead = true;
    if (this.host === host) this.host = null;
    host.process.kill();
    for (const run of [...host.active.values()]) run.finish(failed(code, detail));
    this.unwatchMemory(host);
  }
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function failed(code: SandboxFailureCode, detail: string): HostRunResult {
  return { outcome: { status: 'failed', code, detail }, logs: [], notifications: [], peakHeapBytes: null, warm: false };
}
