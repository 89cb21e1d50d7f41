// The sandbox host's isolate code path (host/warm-isolate.ts, host/execution.ts), run in this
// process: what an execution costs inside the host, without the process hop, main's request check,
// the data gateway or the SQLite record. Queries are answered with a fixed reply as soon as sent.
import { Execution } from '../../main/skills/sandbox/host/execution.ts';
import { transpileSkill, type TranspileCache } from '../../main/skills/sandbox/host/transpile.ts';
import { WarmIsolate, type BlankIsolate, type IsolateSettings, type PreparedContext } from '../../main/skills/sandbox/host/warm-isolate.ts';
import { DEFAULT_LIMITS } from '../../main/skills/sandbox/limits.ts';
import { HOST_LIMITS, type HostInvocation } from './host-arguments.ts';

const { memoryMb, maxOutputBytes, maxQueryBytes, maxLogChars, maxLogEntries } = DEFAULT_LIMITS;

/** What the host gives an isolate under the default limits. */
export const ISOLATE_SETTINGS: IsolateSettings = {
  memoryMb, maxOutputChars: maxOutputBytes, maxLogChars, maxQueryChars: maxQueryBytes, maxLogEntries,
  onCatastrophicError: (message) => {
    console.error(`isolated-vm failed catastrophically in the bench: ${message}`);
    process.exitCode = 1;
  },
};

/** TypeScript → the script an isolate runs, as the host does it on a cold start. */
export function transpiled(source: string): string {
  const result = transpileSkill(source);
  if (!result.ok) throw new Error(`the bench skill does not transpile: ${result.message}`);
  return result.script;
}

/** The host's transpile step: its content-addressed cache in front of TypeScript (a miss for a source never seen). */
export function transpiledThrough(cache: TranspileCache, source: string): string {
  const result = cache.get(source);
  if (!result.ok) throw new Error(`the bench skill does not transpile: ${result.message}`);
  return result.script;
}

/**
 * The skill compiled in a new isolate, as the host creates one for a version it has not seen: in
 * `blank` (the isolate the host prepares ahead, context and prelude ready) when given, otherwise
 * in an isolate made now (its context is made when the first execution asks for one).
 */
export async function newIsolate(script: string, blank?: BlankIsolate): Promise<WarmIsolate> {
  const created = await WarmIsolate.create(script, ISOLATE_SETTINGS, blank);
  if ('error' in created) throw new Error(`the bench skill does not compile: ${created.error}`);
  return created;
}

/** One execution driven by the host's Execution on a prepared context; returns the output JSON. */
export async function runInContext(isolate: WarmIsolate, context: PreparedContext, invocation: HostInvocation, reply: string): Promise<string> {
  const request = { type: 'execute' as const, id: 1, skillKey: 'bench', source: '', method: invocation.method, args: invocation.argsJson, config: '{}', notifications: false, limits: HOST_LIMITS };
  const execution: Execution = new Execution(request, context, (_kind, callId) => queueMicrotask(() => execution.deliver(callId, reply)), () => isolate.dispose());
  const { outcome } = await execution.finished;
  if (outcome.status !== 'succeeded') throw new Error(`the in-isolate run failed: ${outcome.code} ${outcome.detail}`);
  return outcome.output;
}

/** A fresh context, then the execution: the host's path when no spare context is ready. */
export async function runFresh(isolate: WarmIsolate, invocation: HostInvocation, reply: string): Promise<string> {
  return runInContext(isolate, await isolate.takeContext(), invocation, reply);
}
