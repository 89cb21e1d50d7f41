// Layer 2: the real host process through its protocol (see host-process.ts): layer 1 plus the fork
// IPC hop and the host's message loop, without main's side.
import { setTimeout as sleep } from 'node:timers/promises';
import { PROBE_SKILL, versionOf, WATER_SKILL } from '../fixtures/bench-skills.ts';
import { measure, type Stats } from '../harness.ts';
import { withHostProcess } from './host-process.ts';
import { N, probe, PROBE_REPLY, SPACING_MS, WATER, WATER_REPLY, type Layer } from './workload.ts';

export async function measureHostProcess(): Promise<Layer & { warmSpaced: Stats; coldSpaced: Stats }> {
  return withHostProcess(async (host) => {
    let build = 0;
    const coldOnce = () => host.run(`cold-${build}`, versionOf(WATER_SKILL, build++).code, WATER, WATER_REPLY);
    const coldSpaced = await measure(`host process: a new version, ${SPACING_MS} ms apart (blank isolate ready)`, coldOnce, { runs: 50, warmup: 5, before: () => sleep(SPACING_MS) });
    const cold = await measure('host process: a new version, back to back', coldOnce, { runs: 50, warmup: 5 });
    const warmOnce = () => host.run('water', WATER_SKILL.code, WATER, WATER_REPLY);
    const warmSpaced = await measure(`host process: same skillKey, ${SPACING_MS} ms apart (spare context ready)`, warmOnce, { runs: 200, warmup: 10, before: () => sleep(SPACING_MS) });
    const warm = await measure('host process: same skillKey, back to back', warmOnce, { runs: 300 });
    const run = (name: string, n: number, runs: number) => measure(name, () => host.run('probe', PROBE_SKILL.code, probe('query', n), PROBE_REPLY), { runs, warmup: 10 });
    const calls = {
      none: await run('host process: 0 host calls', 0, 200),
      query: await run(`host process: ${N} queries (IPC to this process and back)`, N, 30),
    };
    return { cold, coldSpaced, warm, warmSpaced, calls };
  });
}
