// One execution inside the host: drives the skill through its prepared context, forwards its
// queries, enforces the wall-clock limit, and settles exactly once.
import type { ExecuteMessage, HostFailureCode, HostOutcome, SkillNotification } from '../protocol.ts';
import { FAILURE_DETAIL_CHARS, HTTP_REQUEST_CHARS, NOTIFICATION_BODY_CHARS, NOTIFICATION_TITLE_CHARS, SKILL_CALL_CHARS } from '../protocol.ts';
import { utf8Bytes } from '../json-guards.ts';
import type { ContextHooks, PreparedContext } from './warm-isolate.ts';

export interface ExecutionResult {
  outcome: HostOutcome;
  logs: string[];
  notifications: SkillNotification[];
  /** The isolate can no longer be trusted to be idle (timeout, OOM, termination): dispose it. */
  poisoned: boolean;
}

/** Main answers these host calls later: a query chain, an HTTP request, another skill's action. */
export type HostCallKind = 'query' | 'http' | 'skill';

/** Hands a numbered host call to main. */
export type HostCallSender = (kind: HostCallKind, callId: number, payload: string) => void;

/** Failures the prelude reports itself; the isolate is still sound after them. */
const CLEAN_FAILURES: readonly HostFailureCode[] = ['skill-error', 'bad-skill', 'output-too-large', 'invalid-output'];

export class Execution {
  readonly finished: Promise<ExecutionResult>;
  private readonly request: ExecuteMessage;
  private readonly context: PreparedContext;
  private readonly send: HostCallSender;
  private readonly onTimeout: () => void;
  private readonly deadline: number;
  private timer: NodeJS.Timeout | null = null;
  private readonly logs: string[] = [];
  private readonly notifications: SkillNotification[] = [];
  private readonly pendingCalls = new Set<number>();
  private hostCalls = 0;
  private inFlight = 0;
  private reported: HostOutcome | null = null;
  private result: ExecutionResult | null = null;
  private resolve!: (result: ExecutionResult) => void;

  constructor(request: ExecuteMessage, context: PreparedContext, send: HostCallSender, onTimeout: () => void) {
    this.request = request;
    this.context = context;
    this.send = send;
    this.finished = new Promise((resolve) => {
      this.resolve = resolve;
    });
    this.onTimeout = onTimeout;
    // Wall clock, not CPU: a skill awaiting host calls forever burns no CPU time. Every call into
    // the isolate carries the time left as its own timeout; the time between calls (the skill
    // waiting for main's answers) is bounded by a timer armed the first time the isolate goes idle
    // before the execution ends (an execution without host calls never needs one), and the host's
    // periodic `checkDeadline` backs both up.
    this.deadline = Date.now() + request.limits.timeoutMs;
    context.bind(this.hooks());
    this.track(context.start(request.method, request.args, request.config, this.remaining()));
  }

  /** Ends the execution as timed out once its deadline has passed, whatever it is doing. */
  checkDeadline(now = Date.now()): void {
    if (now >= this.deadline) this.expire();
  }

  /** Main's answer to one of this execution's queries. */
  deliver(callId: number, reply: string): void {
    if (this.result || this.reported || !this.pendingCalls.delete(callId)) return;
    this.track(this.context.deliver(callId, reply, this.remaining()));
  }

  private hooks(): ContextHooks {
    const { limits } = this.request;
    return {
      query: (chain) =>
        typeof chain !== 'string' || utf8Bytes(chain) > limits.maxQueryBytes ? refusal('The query is too large.') : this.hostCall('query', chain),
      http: (request) =>
        typeof request !== 'string' || request.length > HTTP_REQUEST_CHARS ? refusal('The HTTP request is too large.') : this.hostCall('http', request),
      skill: (request) =>
        typeof request !== 'string' || request.length > SKILL_CALL_CHARS ? refusal('The skill call is too large.') : this.hostCall('skill', request),
      log: (text) => {
        if (typeof text === 'string' && this.logs.length < limits.maxLogEntries) this.logs.push(text.slice(0, limits.maxLogChars));
      },
      notify: (title, body) => {
        if (!this.request.notifications) return JSON.stringify({ error: { message: 'This skill did not declare notifications.' } });
        if (this.notifications.length >= limits.maxNotifications) {
          return JSON.stringify({ error: { message: `At most ${limits.maxNotifications} notifications per execution.` } });
        }
        if (typeof title !== 'string' || typeof body !== 'string') return JSON.stringify({ error: { message: 'Title and body must be text.' } });
        this.notifications.push({ title: title.slice(0, NOTIFICATION_TITLE_CHARS), body: body.slice(0, NOTIFICATION_BODY_CHARS) });
        return JSON.stringify({ error: null });
      },
      done: (status, first, second) => {
        if (this.reported) return;
        this.reported = reportedOutcome(status, first, second, limits.maxOutputBytes);
        this.maybeFinish();
      },
    };
  }

  /** Numbers a call main answers later (through `deliver`), or refuses it at once. */
  private hostCall(kind: HostCallKind, payload: string): number | string {
    const { maxHostCalls } = this.request.limits;
    if (this.result || this.reported) return refusal('The execution has already finished.');
    if (++this.hostCalls > maxHostCalls) return refusal(`More than ${maxHostCalls} host calls in one execution.`);
    const callId = this.hostCalls;
    this.pendingCalls.add(callId);
    this.send(kind, callId, payload);
    return callId;
  }

  /** Every call into the isolate; the execution ends only once the isolate is idle again. */
  private track(task: Promise<unknown>): void {
    this.inFlight += 1;
    task.then(
      () => {
        this.inFlight -= 1;
        this.maybeFinish();
        if (this.inFlight === 0 && !this.result) this.armTimer();
      },
      (error: unknown) => {
        this.inFlight -= 1;
        this.settle(classify(error, this.request.limits.timeoutMs), true);
        this.maybeFinish();
      },
    );
  }

  /**
   * Runs once the isolate is idle (no call into it in flight). Waiting for that even after a
   * timeout matters: were termination to fail (isolated-vm then ends the process), main must still
   * be waiting for this execution, so the failure lands here and not on the next one.
   */
  private maybeFinish(): void {
    if (this.inFlight > 0) return;
    const reported = this.reported;
    if (reported) this.settle(reported, reported.status === 'failed' && !CLEAN_FAILURES.includes(reported.code));
    if (this.result) this.resolve(this.result);
  }

  private armTimer(): void {
    if (this.timer === null) this.timer = setTimeout(() => this.expire(), this.remaining());
  }

  private expire(): void {
    if (this.result) return;
    this.settle(timedOut(this.request.limits.timeoutMs), true);
    this.onTimeout();
    this.maybeFinish();
  }

  /** Decides the outcome (first decision wins); `finished` resolves when the isolate is idle. */
  private settle(outcome: HostOutcome, poisoned: boolean): void {
    if (this.result) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.context.release();
    this.result = { outcome, logs: this.logs, notifications: outcome.status === 'succeeded' ? this.notifications : [], poisoned };
  }

  private remaining(): number {
    return Math.max(1, this.deadline - Date.now());
  }
}

function refusal(message: string): string {
  return JSON.stringify({ data: null, error: { message } });
}

/** What the prelude's `hostDone` reported, checked: it runs in the isolate and proves nothing. */
function reportedOutcome(status: unknown, first: unknown, second: unknown, maxOutputBytes: number): HostOutcome {
  if (status === 'ok' && typeof first === 'string') {
    return utf8Bytes(first) <= maxOutputBytes
      ? { status: 'succeeded', output: first }
      : { status: 'failed', code: 'output-too-large', detail: `larger than ${maxOutputBytes} bytes` };
  }
  if (status === 'fail' && CLEAN_FAILURES.includes(first as HostFailureCode) && typeof second === 'string') {
    return { status: 'failed', code: first as HostFailureCode, detail: second.slice(0, FAILURE_DETAIL_CHARS) };
  }
  return { status: 'failed', code: 'internal', detail: 'the sandbox prelude reported an unknown outcome' };
}

/** isolated-vm's errors, mapped to codes; their text and stack never travel further. */
function classify(error: unknown, timeoutMs: number): HostOutcome {
  const message = error instanceof Error ? error.message : '';
  if (/memory limit|allocation failed/i.test(message)) return { status: 'failed', code: 'memory', detail: 'went over the memory limit' };
  if (/timed out/i.test(message)) return timedOut(timeoutMs);
  return { status: 'failed', code: 'internal', detail: 'the isolate stopped unexpectedly' };
}

function timedOut(timeoutMs: number): HostOutcome {
  return { status: 'failed', code: 'timeout', detail: `ran longer than ${timeoutMs} ms` };
}
