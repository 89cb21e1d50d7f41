// The sandbox host process's message loop: self-check, then run executions as main asks.
import { DEFAULT_LIMITS } from '../limits.ts';
import { decodeMainMessage, encodeMessage, FAILURE_DETAIL_CHARS, type DoneMessage, type ExecuteMessage, type HostExecutionLimits, type HostOutcome, type HostToMain } from '../protocol.ts';
import { Execution } from './execution.ts';
import { selfCheck } from './self-check.ts';
import { TranspileCache, transpileSkill } from './transpile.ts';
import { BlankIsolates, IsolatePool, WarmIsolate, type IsolateSettings } from './warm-isolate.ts';

/** The host's end of the channel: Node's IPC under child_process.fork. */
export interface HostPort {
  post(message: string): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** Main is trusted more than skills, but a runaway message is still refused before parsing. */
const MAX_MESSAGE_CHARS = 64 * 1024 * 1024;
const STATS_INTERVAL_MS = 100;

/** Returns false when this process cannot run skills (it has then told main why). */
export async function startHost(port: HostPort): Promise<boolean> {
  const post = (message: HostToMain) => port.post(encodeMessage(message));
  const check = await selfCheck();
  if (!check.ok) {
    post({ type: 'fatal', reason: check.reason });
    return false;
  }
  const pool = new IsolatePool();
  const blanks = new BlankIsolates();
  const transpiled = new TranspileCache();
  const running = new Map<number, Execution>();
  // isolated-vm's advice after a catastrophic error: tell why, then end the process at once
  // (SIGKILL rather than abort(): no exit handlers in a broken process, and no core dump).
  const onCatastrophicError = (message: string) => {
    post({ type: 'fatal', reason: String(message).slice(0, FAILURE_DETAIL_CHARS) });
    process.kill(process.pid, 'SIGKILL');
  };

  // Main reads /proc where it can; elsewhere it relies on these reports. The same tick backs up
  // each execution's own wall-clock limit (see Execution).
  setInterval(() => {
    if (running.size === 0) return;
    post({ type: 'stats', rssBytes: process.memoryUsage.rss() });
    const now = Date.now();
    for (const execution of running.values()) execution.checkDeadline(now);
  }, STATS_INTERVAL_MS);

  async function execute(request: ExecuteMessage): Promise<void> {
    const settings = isolateSettings(request.limits, onCatastrophicError);
    const key = warmKey(request);
    let warm = pool.take(key);
    const reused = warm !== undefined;
    const done = (outcome: HostOutcome, extra: Partial<DoneMessage> = {}): void =>
      post({ type: 'done', id: request.id, outcome, logs: [], notifications: [], peakHeapBytes: null, warm: reused, ...extra });
    try {
      if (!warm) {
        const created = await compile(request, settings);
        if ('error' in created) return done({ status: 'failed', code: 'bad-skill', detail: created.error });
        warm = created;
      }
      const isolate = warm;
      const execution = new Execution(
        request,
        await isolate.takeContext(),
        (kind, callId, payload) =>
          post(kind === 'query' ? { type: 'query', id: request.id, callId, chain: payload } : { type: kind, id: request.id, callId, request: payload }),
        () => isolate.dispose(),
      );
      running.set(request.id, execution);
      const result = await execution.finished;
      running.delete(request.id);
      // Main is told first; keeping the isolate and preparing what the next execution needs follow.
      done(result.outcome, { logs: result.logs, notifications: result.notifications, peakHeapBytes: result.poisoned ? null : peakHeap(isolate) });
      if (result.poisoned) pool.drop(key, isolate);
      else {
        pool.keep(key, isolate, request.limits.warmIsolates);
        isolate.prepareSpare();
      }
    } catch {
      running.delete(request.id);
      if (warm) pool.drop(key, warm);
      done({ status: 'failed', code: 'internal', detail: 'the sandbox host could not run the skill' });
    } finally {
      // Off the reply's path: a new isolate takes about a millisecond of this thread.
      setImmediate(() => prepareAhead(() => blanks.refill(settings)));
    }
  }

  /** TypeScript → script (cached by content), then a new warm isolate, from the blank one when it fits. */
  async function compile(request: ExecuteMessage, settings: IsolateSettings): Promise<WarmIsolate | { error: string }> {
    const script = transpiled.get(request.source);
    if (!script.ok) return { error: script.message };
    return WarmIsolate.create(script.script, settings, blanks.take(settings));
  }

  port.onMessage((raw) => {
    const message = decodeMainMessage(raw, MAX_MESSAGE_CHARS);
    if (!message) return;
    if (message.type === 'reply') running.get(message.id)?.deliver(message.callId, message.reply);
    else void execute(message);
  });
  post({ type: 'ready', isolates: check.isolates });
  // Off the first execution's path where possible: TypeScript's parser and the type stripper are
  // compiled on first use (tens of milliseconds in a new process), and the first version to run
  // wants a blank isolate (made under the default limits; other limits get theirs after a run).
  setImmediate(() =>
    prepareAhead(() => {
      transpileSkill(WARM_UP_SKILL);
      blanks.refill(isolateSettings(DEFAULT_LIMITS, onCatastrophicError));
    }),
  );
  return true;
}

/** Work done ahead of need: if it fails, the execution that needs it does it itself, so the host stays up. */
function prepareAhead(work: () => void): void {
  try {
    work();
  } catch {
    // Nothing prepared; nothing lost.
  }
}

const WARM_UP_SKILL = `import type { IModExecutor } from './types';
export class WarmUpExecutor implements IModExecutor {
  readonly slug: string = 'custom-warm-up';
  async getData(tenant_id: string): Promise<{ total: number }> {
    const { data } = await supabase.from('exo_warm_up').select('*').eq('tenant_id', tenant_id);
    return { total: (data ?? []).reduce((sum: number, row: { n?: number }) => sum + Number(row.n ?? 0), 0) };
  }
}
`;

type IsolateLimits = Pick<HostExecutionLimits, 'memoryMb' | 'maxOutputBytes' | 'maxLogChars' | 'maxQueryBytes' | 'maxLogEntries'>;

function isolateSettings(limits: IsolateLimits, onCatastrophicError: (message: string) => void): IsolateSettings {
  const { memoryMb, maxOutputBytes, maxLogChars, maxQueryBytes, maxLogEntries } = limits;
  return { memoryMb, maxOutputChars: maxOutputBytes, maxLogChars, maxQueryChars: maxQueryBytes, maxLogEntries, onCatastrophicError };
}

/** A warm isolate serves one skill version under one set of limits (those its prelude was given). */
function warmKey(request: ExecuteMessage): string {
  const { memoryMb, maxOutputBytes, maxLogChars, maxQueryBytes, maxLogEntries } = request.limits;
  return [request.skillKey, memoryMb, maxOutputBytes, maxLogChars, maxQueryBytes, maxLogEntries].join('|');
}

/**
 * V8 does not report a peak; heap in use at the end (garbage included) approximates it. Read on
 * this thread: the isolate is idle once an execution has finished, and an async read would be a
 * thread round trip before main hears the result.
 */
function peakHeap(warm: WarmIsolate): number | null {
  try {
    const stats = warm.isolate.getHeapStatisticsSync();
    return stats.used_heap_size + stats.externally_allocated_size;
  } catch {
    return null;
  }
}
