// The two baselines beside the sandbox: node:vm in this process (the insecure floor) and a new
// Node process per execution (isolated, insecure, and slow to start).
import { PROBE_SKILL, WATER_SKILL } from '../fixtures/bench-skills.ts';
import { measure, type Stats } from '../harness.ts';
import type { HostInvocation } from './host-arguments.ts';
import { transpiled } from './in-isolate.ts';
import { compileForVm, runInVm } from './node-vm.ts';
import { runInNewProcess, type ProcessRun } from './process-per-execution.ts';
import { N, probe, PROBE_REPLY, WATER, WATER_REPLY, type HostCallStats, type Layer } from './workload.ts';

export async function measureNodeVm(): Promise<Layer> {
  const script = transpiled(WATER_SKILL.code);
  let build = 0;
  const cold = await measure('node:vm: compile new text + runInNewContext', () => runInVm(compileForVm(script, `build ${build++}`), WATER, WATER_REPLY), { runs: 100 });
  const compiled = compileForVm(script);
  const warm = await measure('node:vm: compiled script, runInNewContext', () => runInVm(compiled, WATER, WATER_REPLY), { runs: 300 });
  const probeCompiled = compileForVm(transpiled(PROBE_SKILL.code));
  const calls = {
    none: await measure('node:vm: 0 host calls', () => runInVm(probeCompiled, probe('query', 0), PROBE_REPLY), { runs: 300 }),
    query: await measure(`node:vm: ${N} queries (host function, promise)`, () => runInVm(probeCompiled, probe('query', N), PROBE_REPLY), { runs: 100 }),
  };
  return { cold, warm, calls };
}

/** Every execution is a new process, so there is no warm case: one figure serves both comparisons. */
export async function measureProcessPerExecution(): Promise<{ run: Stats; calls: HostCallStats }> {
  let last: ProcessRun | undefined;
  const waitForLast = () => last?.exited;
  const spawnRun = (name: string, script: string, invocation: HostInvocation, reply: string) =>
    measure(name, async () => {
      last = await runInNewProcess(script, invocation, reply);
    }, { runs: 20, warmup: 2, before: waitForLast });
  const run = await spawnRun('process per execution: spawn node -e, run, result back', transpiled(WATER_SKILL.code), WATER, WATER_REPLY);
  const probeScript = transpiled(PROBE_SKILL.code);
  const calls = {
    none: await spawnRun('process per execution: 0 host calls', probeScript, probe('query', 0), PROBE_REPLY),
    query: await spawnRun(`process per execution: ${N} queries (IPC round trips to this process)`, probeScript, probe('query', N), PROBE_REPLY),
  };
  await waitForLast();
  return { run, calls };
}
