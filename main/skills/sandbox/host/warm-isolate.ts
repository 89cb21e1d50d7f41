// One isolate per skill version: the compiled script is kept, every execution gets a fresh context,
// and the next context is prepared as soon as the previous execution ends.
import ivm from 'isolated-vm';
import { PRELUDE_SOURCE } from './prelude.ts';
import { SKILL_FILENAME } from './transpile.ts';

/** Host-side handlers of one context's callbacks; they run on the host's main thread. */
export interface ContextHooks {
  query(chainJson: unknown): string;
  log(text: unknown): void;
  notify(title: unknown, body: unknown): string;
  done(...args: unknown[]): void;
}

export interface PreparedContext {
  /** Routes this context's callbacks to an execution; before that they refuse. */
  bind(hooks: ContextHooks): void;
  /** Loads the skill in this context and calls `method`; `timeout` is asked twice, before each step. */
  start(method: string, argsJson: string, timeout: () => number): Promise<void>;
  deliver(callId: number, replyJson: string, timeout: number): Promise<unknown>;
  release(): void;
}

export interface IsolateSettings {
  memoryMb: number;
  /** isolated-vm lost control of the isolate (e.g. a catastrophic OOM); nothing in this process can be trusted after it. */
  onCatastrophicError: (message: string) => void;
  maxOutputChars: number;
  maxLogChars: number;
  maxQueryChars: number;
}

const REFUSED = JSON.stringify({ data: null, error: { message: 'Host calls are only answered during an execution.' } });
const UNBOUND: ContextHooks = { query: () => REFUSED, log: () => {}, notify: () => REFUSED, done: () => {} };

export class WarmIsolate {
  readonly isolate: ivm.Isolate;
  private readonly script: ivm.Script;
  private readonly settings: IsolateSettings;
  private spare: Promise<PreparedContext> | null = null;

  private constructor(isolate: ivm.Isolate, script: ivm.Script, settings: IsolateSettings) {
    this.isolate = isolate;
    this.script = script;
    this.settings = settings;
  }

  /** Compiles the skill in a new isolate; a compile error is the skill's fault and comes back as text. */
  static async create(script: string, settings: IsolateSettings): Promise<WarmIsolate | { error: string }> {
    const isolate = new ivm.Isolate({ memoryLimit: settings.memoryMb, onCatastrophicError: settings.onCatastrophicError });
    try {
      const compiled = await isolate.compileScript(script, { filename: SKILL_FILENAME });
      return new WarmIsolate(isolate, compiled, settings);
    } catch (error) {
      isolate.dispose();
      return { error: error instanceof Error ? error.message : 'the script does not compile' };
    }
  }

  get disposed(): boolean {
    return this.isolate.isDisposed;
  }

  /** The spare context if one is ready, a new one otherwise; a spare is never handed out twice. */
  takeContext(): Promise<PreparedContext> {
    const taken = this.spare ?? this.prepare();
    this.spare = null;
    return taken;
  }

  prepareSpare(): void {
    if (this.spare || this.disposed) return;
    const spare = this.prepare();
    spare.catch(() => {
      if (this.spare === spare) this.spare = null;
    });
    this.spare = spare;
  }

  dispose(): void {
    this.spare = null;
    if (!this.disposed) this.isolate.dispose();
  }

  private async prepare(): Promise<PreparedContext> {
    let hooks = UNBOUND;
    // Each callback is a plain function inside the isolate; arguments and results are copied primitives.
    const callbacks = [
      new ivm.Callback((chain: unknown) => hooks.query(chain)),
      new ivm.Callback((text: unknown) => hooks.log(text)),
      new ivm.Callback((title: unknown, body: unknown) => hooks.notify(title, body)),
      new ivm.Callback((...args: unknown[]) => hooks.done(...args)),
    ];
    const context = await this.isolate.createContext();
    const { maxOutputChars, maxLogChars, maxQueryChars } = this.settings;
    const api = (await context.evalClosure(PRELUDE_SOURCE, [...callbacks, maxOutputChars, maxLogChars, maxQueryChars], {
      result: { reference: true },
      timeout: 1_000,
    })) as ivm.Reference<Record<string, unknown>>;
    const run = (await api.get('run', { reference: true })) as ivm.Reference<unknown>;
    const deliver = (await api.get('deliver', { reference: true })) as ivm.Reference<unknown>;
    api.release();
    return {
      bind: (next) => {
        hooks = next;
      },
      start: async (method, argsJson, timeout) => {
        // The script's completion value is the module factory; it stays inside the isolate.
        const factory = (await this.script.run(context, { reference: true, timeout: timeout() })) as ivm.Reference<unknown>;
        await run.apply(undefined, [factory.derefInto({ release: true }), method, argsJson], { timeout: timeout() });
      },
      deliver: (callId, replyJson, timeout) => deliver.apply(undefined, [callId, replyJson], { timeout }),
      release: () => {
        hooks = UNBOUND;
        run.release();
        deliver.release();
        context.release();
      },
    };
  }
}

/** Least-recently-used warm isolates; evicted ones are disposed. */
export class IsolatePool {
  private readonly entries = new Map<string, WarmIsolate>();

  take(key: string): WarmIsolate | undefined {
    const warm = this.entries.get(key);
    if (warm?.disposed) this.entries.delete(key);
    return warm?.disposed ? undefined : warm;
  }

  /** Keeps `warm` as the most recently used, disposing the oldest beyond `capacity`. */
  keep(key: string, warm: WarmIsolate, capacity: number): void {
    this.entries.delete(key);
    this.entries.set(key, warm);
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= capacity) break;
      this.entries.delete(oldKey);
      old.dispose();
    }
  }

  drop(key: string, warm: WarmIsolate): void {
    if (this.entries.get(key) === warm) this.entries.delete(key);
    warm.dispose();
  }

  get size(): number {
    return this.entries.size;
  }
}
