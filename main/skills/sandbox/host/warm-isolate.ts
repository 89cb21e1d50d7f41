// One isolate per skill version: the compiled script is kept, every execution gets a fresh context,
// and the next context is prepared as soon as the previous execution ends. A prepared context has
// the prelude installed and the skill's module factory evaluated (a function expression: no skill
// code runs until `start`), so an execution costs one call into the isolate to begin and one per
// query answer. A blank isolate (prelude installed, context ready, no skill in it yet) is kept for
// the next version that runs for the first time; it is handed to exactly one version.
import ivm from 'isolated-vm';
import { PRELUDE_SOURCE, preludeArguments } from './prelude.ts';
import { HTTP_REQUEST_CHARS, SKILL_CALL_CHARS } from '../protocol.ts';
import { SKILL_FILENAME } from './transpile.ts';

/** Host-side handlers of one context's callbacks; they run on the host's main thread. */
export interface ContextHooks {
  /** A call id (the answer goes back through `PreparedContext.deliver`) or a refusal, JSON text. */
  query(chainJson: unknown): number | string;
  /** Like `query`, for a foundry.http request (JSON text). */
  http(requestJson: unknown): number | string;
  /** Like `query`, for a foundry.skills.call (JSON text). */
  skill(requestJson: unknown): number | string;
  log(text: unknown): void;
  notify(title: unknown, body: unknown): string;
  done(...args: unknown[]): void;
}

export interface PreparedContext {
  /** Routes this context's callbacks to an execution; before that they refuse. */
  bind(hooks: ContextHooks): void;
  /** Sets foundry.config, runs the skill's module code in this context and calls `method` (one call into the isolate). */
  start(method: string, argsJson: string, configJson: string, timeout: number): Promise<unknown>;
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
  maxLogEntries: number;
}

/** Everything baked into an isolate or its prelude: isolates are only reused under equal settings. */
export function settingsKey(settings: IsolateSettings): string {
  const { memoryMb, maxOutputChars, maxLogChars, maxQueryChars, maxLogEntries } = settings;
  return [memoryMb, maxOutputChars, maxLogChars, maxQueryChars, maxLogEntries].join('|');
}

/** Evaluating the prelude, or the skill's wrapper expression, takes microseconds; this only bounds a fault. */
const PREPARE_TIMEOUT_MS = 1_000;

const REFUSED = JSON.stringify({ data: null, error: { message: 'Host calls are only answered during an execution.' } });
const UNBOUND: ContextHooks = { query: () => REFUSED, http: () => REFUSED, skill: () => REFUSED, log: () => {}, notify: () => REFUSED, done: () => {} };

/** A context with the prelude installed and no skill in it. */
interface Shell {
  context: ivm.Context;
  load: ivm.Reference<unknown>;
  run: ivm.Reference<unknown>;
  deliver: ivm.Reference<unknown>;
  bind(hooks: ContextHooks): void;
  release(): void;
}

async function createShell(isolate: ivm.Isolate, settings: IsolateSettings): Promise<Shell> {
  let hooks = UNBOUND;
  let released = false;
  // Each callback is a plain function inside the isolate; arguments and results are copied
  // primitives. "Ignored" ones queue a task here and let the isolate go on (see prelude.ts).
  const bindings = preludeArguments({
    query: new ivm.Callback((chain: unknown) => hooks.query(chain)),
    log: new ivm.Callback((text: unknown) => hooks.log(text), { ignored: true }),
    notify: new ivm.Callback((title: unknown, body: unknown) => hooks.notify(title, body)),
    done: new ivm.Callback((...args: unknown[]) => hooks.done(...args), { ignored: true }),
    http: new ivm.Callback((request: unknown) => hooks.http(request)),
    skill: new ivm.Callback((request: unknown) => hooks.skill(request)),
    ...settings,
    maxHttpRequestChars: HTTP_REQUEST_CHARS,
    maxSkillCallChars: SKILL_CALL_CHARS,
  });
  const context = await isolate.createContext();
  try {
    const api = (await context.evalClosure(PRELUDE_SOURCE, bindings, {
      result: { reference: true },
      timeout: PREPARE_TIMEOUT_MS,
    })) as ivm.Reference<Record<string, unknown>>;
    // A frozen object the prelude just made, with no getters and no skill code in the context
    // yet: reading it on this thread costs microseconds, where an async get is a thread round trip.
    const load = api.getSync('load', { reference: true }) as ivm.Reference<unknown>;
    const run = api.getSync('run', { reference: true }) as ivm.Reference<unknown>;
    const deliver = api.getSync('deliver', { reference: true }) as ivm.Reference<unknown>;
    api.release();
    return {
      context,
      load,
      run,
      deliver,
      bind: (next) => {
        hooks = next;
      },
      release: () => {
        hooks = UNBOUND;
        if (released) return;
        released = true;
        load.release();
        run.release();
        deliver.release();
        context.release();
      },
    };
  } catch (error) {
    context.release();
    throw error;
  }
}

/** A new isolate with a context ready, for a version not seen yet; see `BlankIsolates`. */
export interface BlankIsolate {
  readonly isolate: ivm.Isolate;
  readonly key: string;
  readonly shell: Promise<Shell>;
}

function createBlank(settings: IsolateSettings): BlankIsolate {
  const isolate = new ivm.Isolate({ memoryLimit: settings.memoryMb, onCatastrophicError: settings.onCatastrophicError });
  const shell = createShell(isolate, settings);
  shell.catch(() => {});
  return { isolate, key: settingsKey(settings), shell };
}

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

  /**
   * Compiles the skill in `blank`'s isolate (whose ready context becomes the first one) or in a new
   * isolate; a compile error is the skill's fault and comes back as text. `blank` must have been
   * made under these settings and is consumed either way.
   */
  static async create(script: string, settings: IsolateSettings, blank?: BlankIsolate): Promise<WarmIsolate | { error: string }> {
    const isolate = blank?.isolate ?? new ivm.Isolate({ memoryLimit: settings.memoryMb, onCatastrophicError: settings.onCatastrophicError });
    try {
      const compiled = await isolate.compileScript(script, { filename: SKILL_FILENAME });
      const warm = new WarmIsolate(isolate, compiled, settings);
      if (blank) warm.prepareSpare(blank.shell);
      return warm;
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

  /** Prepares the next execution's context in the background (in `ready`'s context if given). */
  prepareSpare(ready?: Promise<Shell>): void {
    if (this.spare || this.disposed) return;
    const spare = this.prepare(ready);
    spare.catch(() => {
      if (this.spare === spare) this.spare = null;
    });
    this.spare = spare;
  }

  dispose(): void {
    this.spare = null;
    if (!this.disposed) this.isolate.dispose();
  }

  /** A context with the prelude (from `ready` if given and sound) and the skill's module factory loaded in it. */
  private async prepare(ready?: Promise<Shell>): Promise<PreparedContext> {
    const shell = (ready ? await ready.catch(() => null) : null) ?? (await createShell(this.isolate, this.settings));
    try {
      // The script is `(function (exports, module) { … })`: its completion value is the module
      // factory, and evaluating it runs no skill code. The prelude's `load` only stores it (on this
      // thread: a call of microseconds into prelude code); the module code runs in `start`.
      const factory = (await this.script.run(shell.context, { reference: true, timeout: PREPARE_TIMEOUT_MS })) as ivm.Reference<unknown>;
      shell.load.applySync(undefined, [factory.derefInto({ release: true })], { timeout: PREPARE_TIMEOUT_MS });
    } catch (error) {
      shell.release();
      throw error;
    }
    return {
      bind: (hooks) => shell.bind(hooks),
      start: (method, argsJson, configJson, timeout) => shell.run.apply(undefined, [method, argsJson, configJson], { timeout }),
      deliver: (callId, replyJson, timeout) => shell.deliver.apply(undefined, [callId, replyJson], { timeout }),
      release: () => shell.release(),
    };
  }
}

/**
 * At most one blank isolate, made after an execution under that execution's settings, so the
 * next version to run for the first time skips creating an isolate, a context and the prelude.
 * `take` hands it over once: a blank isolate never serves two versions.
 */
export class BlankIsolates {
  private blank: BlankIsolate | null = null;

  take(settings: IsolateSettings): BlankIsolate | undefined {
    const blank = this.blank;
    if (!blank || blank.key !== settingsKey(settings) || blank.isolate.isDisposed) return undefined;
    this.blank = null;
    return blank;
  }

  /** Makes a blank isolate for `settings` unless one is ready; one for other settings is disposed. */
  refill(settings: IsolateSettings): void {
    const key = settingsKey(settings);
    if (this.blank && this.blank.key === key && !this.blank.isolate.isDisposed) return;
    this.dispose();
    this.blank = createBlank(settings);
  }

  /** Settles once the blank isolate (if any) has its context ready; for tests and benchmarks. */
  async ready(): Promise<void> {
    await this.blank?.shell.catch(() => {});
  }

  dispose(): void {
    const blank = this.blank;
    this.blank = null;
    if (blank && !blank.isolate.isDisposed) blank.isolate.dispose();
  }
}

/**
 * Least-recently-used idle warm isolates; evicted ones are disposed. An isolate is taken out while
 * it runs, so executions that run at the same time never share one (a timeout disposes the
 * isolate, and the heap limit is per isolate): a second execution of a busy version gets its own.
 */
export class IsolatePool {
  private readonly entries = new Map<string, WarmIsolate>();

  take(key: string): WarmIsolate | undefined {
    const warm = this.entries.get(key);
    this.entries.delete(key);
    return warm?.disposed ? undefined : warm;
  }

  /** Keeps `warm` as the most recently used, disposing the oldest beyond `capacity`; one idle isolate per key. */
  keep(key: string, warm: WarmIsolate, capacity: number): void {
    const idle = this.entries.get(key);
    if (idle && idle !== warm) {
      warm.dispose();
      return;
    }
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
