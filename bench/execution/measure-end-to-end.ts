// Layer 3: `sandbox.execute` (see sandbox-session.ts): layer 2 plus main's request check, queries
// answered from SQLite through the data gateway, and the execution record.
import { setTimeout as sleep } from 'node:timers/promises';
import { PROBE_ROWS, PROBE_SKILL, probeCall, versionOf, WATER_GET_DATA, WATER_ROWS, WATER_SKILL, type HostCallKind } from '../fixtures/bench-skills.ts';
import { measure, type Stats } from '../harness.ts';
import { withSandbox } from './sandbox-session.ts';
import { N, SPACING_MS, type Layer } from './workload.ts';

export interface EndToEndLayer extends Layer {
  warmSpaced: Stats;
  coldSpaced: Stats;
  /** Runs that should have been cold or warm and were not: a sign the bench measured the wrong thing. */
  unexpected: { coldButWarm: number; warmButCold: number };
}

export function measureEndToEnd(): Promise<EndToEndLayer> {
  return withSandbox({}, async (session) => {
    session.seed(WATER_SKILL.slug, 'exo_water_entries', WATER_ROWS);
    session.seed(PROBE_SKILL.slug, 'exo_probe_rows', PROBE_ROWS);
    const unexpected = { coldButWarm: 0, warmButCold: 0 };
    let build = 0;
    const coldOnce = async () => {
      if ((await session.execute(versionOf(WATER_SKILL, build++), WATER_GET_DATA)).warm) unexpected.coldButWarm++;
    };
    const coldSpaced = await measure(`end to end: a new version, ${SPACING_MS} ms apart (blank isolate ready)`, coldOnce, { runs: 50, warmup: 5, before: () => sleep(SPACING_MS) });
    const cold = await measure('end to end: a new version, back to back', coldOnce, { runs: 50, warmup: 5 });
    await session.execute(WATER_SKILL, WATER_GET_DATA);
    const warmOnce = async () => {
      if (!(await session.execute(WATER_SKILL, WATER_GET_DATA)).warm) unexpected.warmButCold++;
    };
    const warmSpaced = await measure(`end to end: same version, ${SPACING_MS} ms apart (spare context ready)`, warmOnce, { runs: 200, warmup: 10, before: () => sleep(SPACING_MS) });
    const warm = await measure('end to end: same version, back to back', warmOnce, { runs: 300 });
    const run = (name: string, kind: HostCallKind, n: number, runs: number) =>
      measure(name, () => session.execute(PROBE_SKILL, probeCall(kind, n)), { runs, warmup: 10 });
    const calls = {
      none: await run('end to end: 0 host calls', 'query', 0, 200),
      query: await run(`end to end: ${N} queries (IPC to main, SQLite select, IPC back)`, 'query', N, 30),
      log: await run(`end to end: ${N} foundry.log calls (logs returned with the result)`, 'log', N, 100),
    };
    return { cold, coldSpaced, warm, warmSpaced, calls, unexpected };
  });
}
