// Layer 1: the host's isolate code path, run in this process (see in-isolate.ts).
import type { PreparedContext, WarmIsolate } from '../../main/skills/sandbox/host/warm-isolate.ts';
import { PROBE_SKILL, versionOf, WATER_SKILL } from '../fixtures/bench-skills.ts';
import { measure, type Stats } from '../harness.ts';
import type { HostInvocation } from './host-arguments.ts';
import { newIsolate, runFresh, runInContext, transpiled } from './in-isolate.ts';
import { N, probe, PROBE_REPLY, WATER, WATER_ACTIONS, WATER_REPLY, type Layer } from './workload.ts';

export interface InIsolateLayer extends Layer {
  coldWithTranspile: Stats;
  warmNoQuery: Stats;
  warmWithContext: Stats;
}

/** Each timed run on a context prepared beforehand, as the host prepares a spare after every execution. */
function onSpareContexts(isolate: WarmIsolate) {
  let context: PreparedContext;
  const before = async () => {
    context = await isolate.takeContext();
  };
  return (name: string, invocation: HostInvocation, reply: string, runs: number) =>
    measure(name, () => runInContext(isolate, context, invocation, reply), { runs, warmup: 20, before });
}

async function coldRuns(): Promise<{ cold: Stats; coldWithTranspile: Stats }> {
  const script = transpiled(WATER_SKILL.code);
  let previous: WarmIsolate | undefined;
  const disposePrevious = () => previous?.dispose();
  let build = 0;
  try {
    const coldWithTranspile = await measure('in the host: transpile + new isolate + compile + context + run', async () => {
      previous = await newIsolate(transpiled(versionOf(WATER_SKILL, build++).code));
      await runFresh(previous, WATER, WATER_REPLY);
    }, { runs: 100, warmup: 10, before: disposePrevious });
    const cold = await measure('in the isolate: new isolate + compile + context + run', async () => {
      previous = await newIsolate(script);
      await runFresh(previous, WATER, WATER_REPLY);
    }, { runs: 100, warmup: 10, before: disposePrevious });
    return { cold, coldWithTranspile };
  } finally {
    disposePrevious();
  }
}

export async function measureInIsolate(): Promise<InIsolateLayer> {
  const { cold, coldWithTranspile } = await coldRuns();
  const water = await newIsolate(transpiled(WATER_SKILL.code));
  const probeIsolate = await newIsolate(transpiled(PROBE_SKILL.code));
  try {
    const onWater = onSpareContexts(water);
    const warm = await onWater('in the isolate: getData on the prepared spare context (the host\'s warm path)', WATER, WATER_REPLY, 500);
    const warmNoQuery = await onWater('in the isolate: getActions (no host call), spare context', WATER_ACTIONS, WATER_REPLY, 500);
    const warmWithContext = await measure('in the isolate: getData, fresh context prepared first', () => runFresh(water, WATER, WATER_REPLY), { runs: 500 });
    const onProbe = onSpareContexts(probeIsolate);
    const calls = {
      none: await onProbe('in the isolate: 0 host calls', probe('query', 0), PROBE_REPLY, 300),
      query: await onProbe(`in the isolate: ${N} queries, each answered at once in-process`, probe('query', N), PROBE_REPLY, 50),
      log: await onProbe(`in the isolate: ${N} foundry.log calls`, probe('log', N), PROBE_REPLY, 100),
    };
    return { cold, coldWithTranspile, warm, warmNoQuery, warmWithContext, calls };
  } finally {
    water.dispose();
    probeIsolate.dispose();
  }
}
