// Layer 1: the host's isolate code path, run in this process (see in-isolate.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import { TranspileCache } from '../../main/skills/sandbox/host/transpile.ts';
import { BlankIsolates, type PreparedContext, type WarmIsolate } from '../../main/skills/sandbox/host/warm-isolate.ts';
import { PROBE_SKILL, versionOf, WATER_SKILL } from '../fixtures/bench-skills.ts';
import { measure, type Stats } from '../harness.ts';
import type { HostInvocation } from './host-arguments.ts';
import { ISOLATE_SETTINGS, newIsolate, runFresh, runInContext, transpiled, transpiledThrough } from './in-isolate.ts';
import { N, probe, PROBE_REPLY, SPACING_MS, WATER, WATER_ACTIONS, WATER_REPLY, type Layer } from './workload.ts';

export interface InIsolateLayer extends Layer {
  coldWithTranspile: Stats;
  /** No blank isolate ready (e.g. two new versions back to back): the isolate is made on demand. */
  coldOnDemand: Stats;
  warmNoQuery: Stats;
  /** getActions after a pause: what waking the host's threads adds to the spaced host-process and end-to-end figures. */
  warmNoQueryAfterIdle: Stats;
  warmWithContext: Stats;
}

/**
 * Each timed run on a context prepared beforehand, as the host prepares a spare after every
 * execution; with `idleMs`, after that long a pause (this process and the isolate's thread asleep).
 */
function onSpareContexts(isolate: WarmIsolate, idleMs = 0) {
  let context: PreparedContext;
  const before = async () => {
    context = await isolate.takeContext();
    if (idleMs > 0) await sleep(idleMs);
  };
  return (name: string, invocation: HostInvocation, reply: string, runs: number) =>
    measure(name, () => runInContext(isolate, context, invocation, reply), { runs, warmup: 20, before });
}

/**
 * A version run for the first time. The host keeps a blank isolate (context and prelude ready),
 * made after every execution; each timed run here gets one made beforehand, untimed, as a run
 * spaced from the previous one would. The on-demand row is the path when none is ready.
 */
async function coldRuns(): Promise<{ cold: Stats; coldWithTranspile: Stats; coldOnDemand: Stats }> {
  const script = transpiled(WATER_SKILL.code);
  const blanks = new BlankIsolates();
  const cache = new TranspileCache();
  let previous: WarmIsolate | undefined;
  const disposePrevious = () => previous?.dispose();
  const prepareBlank = async () => {
    disposePrevious();
    blanks.refill(ISOLATE_SETTINGS);
    await blanks.ready();
  };
  let build = 0;
  try {
    const coldWithTranspile = await measure('in the host: transpile + compile in the blank isolate + run', async () => {
      previous = await newIsolate(transpiledThrough(cache, versionOf(WATER_SKILL, build++).code), blanks.take(ISOLATE_SETTINGS));
      await runFresh(previous, WATER, WATER_REPLY);
    }, { runs: 100, warmup: 10, before: prepareBlank });
    const cold = await measure('in the isolate: compile in the blank isolate prepared ahead + run', async () => {
      previous = await newIsolate(script, blanks.take(ISOLATE_SETTINGS));
      await runFresh(previous, WATER, WATER_REPLY);
    }, { runs: 100, warmup: 10, before: prepareBlank });
    const coldOnDemand = await measure('in the isolate: new isolate + compile + context + run (no blank isolate ready)', async () => {
      previous = await newIsolate(script);
      await runFresh(previous, WATER, WATER_REPLY);
    }, { runs: 100, warmup: 10, before: disposePrevious });
    return { cold, coldWithTranspile, coldOnDemand };
  } finally {
    disposePrevious();
    blanks.dispose();
  }
}

export async function measureInIsolate(): Promise<InIsolateLayer> {
  const { cold, coldWithTranspile, coldOnDemand } = await coldRuns();
  const water = await newIsolate(transpiled(WATER_SKILL.code));
  const probeIsolate = await newIsolate(transpiled(PROBE_SKILL.code));
  try {
    const onWater = onSpareContexts(water);
    const warm = await onWater('in the isolate: getData on the prepared spare context (the host\'s warm path)', WATER, WATER_REPLY, 500);
    const warmNoQuery = await onWater('in the isolate: getActions (no host call), spare context', WATER_ACTIONS, WATER_REPLY, 500);
    const warmNoQueryAfterIdle = await onSpareContexts(water, SPACING_MS)(`in the isolate: getActions, spare context, after ${SPACING_MS} ms idle`, WATER_ACTIONS, WATER_REPLY, 200);
    const warmWithContext = await measure('in the isolate: getData, fresh context prepared first', () => runFresh(water, WATER, WATER_REPLY), { runs: 500 });
    const onProbe = onSpareContexts(probeIsolate);
    const calls = {
      none: await onProbe('in the isolate: 0 host calls', probe('query', 0), PROBE_REPLY, 300),
      query: await onProbe(`in the isolate: ${N} queries, each answered at once in-process`, probe('query', N), PROBE_REPLY, 50),
      log: await onProbe(`in the isolate: ${N} foundry.log calls`, probe('log', N), PROBE_REPLY, 100),
    };
    return { cold, coldWithTranspile, coldOnDemand, warm, warmNoQuery, warmNoQueryAfterIdle, warmWithContext, calls };
  } finally {
    water.dispose();
    probeIsolate.dispose();
  }
}
