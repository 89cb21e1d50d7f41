// The sandbox host process's message loop: self-check, then run executions as main asks.
import { decodeMainMessage, encodeMessage, FAILURE_DETAIL_CHARS, type DoneMessage, type ExecuteMessage, type HostOutcome, type HostToMain } from '../protocol.ts';
import { Execution } from './execution.ts';
import { selfCheck } from './self-check.ts';
import { transpileSkill } from './transpile.ts';
import { IsolatePool, WarmIsolate } from './warm-isolate.ts';

/** The host's end of the channel: Node IPC under child_process.fork, parentPort in an Electron utility process. */
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
  const running = new Map<number, Execution>();
  // isolated-vm's advice after a catastrophic error: tell why, then end the process at once
  // (SIGKILL rather than abort(): no exit handlers in a broken process, and no core dump).
  const onCatastrophicError = (message: string) => {
    post({ type: 'fatal', reason: String(message).slice(0, FAILURE_DETAIL_CHARS) });
    process.kill(process.pid, 'SIGKILL');
  };

  // Main reads /proc where it can; elsewhere it relies on these reports.
  setInterval(() => {
    if (running.size > 0) post({ type: 'stats', rssBytes: process.memoryUsage.rss() });
  }, STATS_INTERVAL_MS);

  async function execute(request: ExecuteMessage): Promise<void> {
    const key = warmKey(request);
    let warm = pool.take(key);
    const reused = warm !== undefined;
    const done = (outcome: HostOutcome, extra: Partial<DoneMessage> = {}): void =>
      post({ type: 'done', id: request.id, outcome, logs: [], notifications: [], peakHeapBytes: null, warm: reused, ...extra });
    try {
      if (!warm) {
        const created = await compile(request, onCatastrophicError);
        if ('error' in created) return done({ status: 'failed', code: 'bad-skill', detail: created.error });
        warm = created;
      }
      const isolate = warm;
      const execution = new Execution(
        request,
        await isolate.takeContext(),
        (callId, chain) => post({ type: 'query', id: request.id, callId, chain }),
        () => isolate.dispose(),
      );
      running.set(request.id, execution);
      const result = await execution.finished;
      running.delete(request.id);
      const peakHeapBytes = result.poisoned ? null : await peakHeap(isolate);
      if (result.poisoned) pool.drop(key, isolate);
      else {
        pool.keep(key, isolate, request.limits.warmIsolates);
        isolate.prepareSpare();
      }
      done(result.outcome, { logs: result.logs, notifications: result.notifications, peakHeapBytes });
    } catch {
      running.delete(request.id);
      if (warm) pool.drop(key, warm);
      done({ status: 'failed', code: 'internal', detail: 'the sandbox host could not run the skill' });
    }
  }

  port.onMessage((raw) => {
    const message = decodeMainMessage(raw, MAX_MESSAGE_CHARS);
    if (!message) return;
    if (message.type === 'reply') running.get(message.id)?.deliver(message.callId, message.reply);
    else void execute(message);
  });
  post({ type: 'ready', isolates: check.isolates });
  return true;
}

async function compile(request: ExecuteMessage, onCatastrophicError: (message: string) => void): Promise<WarmIsolate | { error: string }> {
  let transpiled;
  try {
    transpiled = transpileSkill(request.source);
  } catch {
    return { error: 'the file cannot be parsed' };
  }
  if (!transpiled.ok) return { error: transpiled.message };
  const { memoryMb, maxOutputBytes, maxLogChars, maxQueryBytes } = request.limits;
  return WarmIsolate.create(transpiled.script, { memoryMb, maxOutputChars: maxOutputBytes, maxLogChars, maxQueryChars: maxQueryBytes, onCatastrophicError });
}

/** A warm isolate serves one skill version under one set of limits. */
function warmKey(request: ExecuteMessage): string {
  const { memoryMb, maxOutputBytes, maxLogChars, maxQueryBytes } = request.limits;
  return [request.skillKey, memoryMb, maxOutputBytes, maxLogChars, maxQueryBytes].join('|');
}

/** V8 does not report a peak; heap in use at the end (garbage included) approximates it. */
async function peakHeap(warm: WarmIsolate): Promise<number | null> {
  try {
    const stats = await warm.isolate.getHeapStatistics();
    return stats.used_heap_size + stats.externally_allocated_size;
  } catch {
    return null;
  }
}
