import { WATER_SKILL } from '../fixtures/bench-skills.ts';
import { newIsolate, runFresh, transpiled } from '../execution/in-isolate.ts';
import { CALLBACK_LOOP, measureIvmPrimitives } from '../execution/ivm-primitives.ts';
import { measureNodeVm, measureProcessPerExecution } from '../execution/measure-baselines.ts';
import { measureEndToEnd } from '../execution/measure-end-to-end.ts';
import { measureHostProcess } from '../execution/measure-host-process.ts';
import { measureInIsolate } from '../execution/measure-in-isolate.ts';
import { compileForVm, runInVm } from '../execution/node-vm.ts';
import { runInNewProcess } from '../execution/process-per-execution.ts';
import { N, perCall, SPACING_MS, WATER, WATER_REPLY } from '../execution/workload.ts';
import { formatMs, printNote, printRatio, printTable, printTarget } from '../harness.ts';

/** The same skill must compute the same result in every runner, or the comparison is void. */
async function requireSameResult(): Promise<void> {
  const script = transpiled(WATER_SKILL.code);
  const isolate = await newIsolate(script);
  try {
    const inIsolate = await runFresh(isolate, WATER, WATER_REPLY);
    const vm = await runInVm(compileForVm(script), WATER, WATER_REPLY);
    const spawned = await runInNewProcess(script, WATER, WATER_REPLY);
    await spawned.exited;
    if (vm !== inIsolate || spawned.output !== inIsolate) throw new Error(`the runners disagree on WaterTracker getData: ${inIsolate} / ${vm} / ${spawned.output}`);
  } finally {
    isolate.dispose();
  }
}

/**
 * One skill execution — cold, warm and per host call — at three layers (in the isolate, through the
 * host process, end to end through `sandbox.execute`), beside node:vm and a process per execution.
 */
export async function executionBench(): Promise<void> {
  await requireSameResult();
  const primitives = await measureIvmPrimitives();
  const isolated = await measureInIsolate();
  const host = await measureHostProcess();
  const e2e = await measureEndToEnd();
  const vm = await measureNodeVm();
  const spawned = await measureProcessPerExecution();

  printTable('Execution, cold: the first run of a version (WaterTracker getData, 1 query returning 5 rows)', [
    isolated.coldWithTranspile, isolated.cold, isolated.coldOnDemand, host.coldSpaced, host.cold, e2e.coldSpaced, e2e.cold, vm.cold, spawned.run,
  ]);
  printTarget('cold p50, in the isolate (excl. transpile)', isolated.cold.p50, 2);
  printTarget('cold p50, the host\'s cold path in this process (incl. TypeScript transpile)', isolated.coldWithTranspile.p50, 2);
  printRatio('process per execution / cold in the isolate (p50)', spawned.run.p50 / isolated.cold.p50);
  printRatio('process per execution / cold end to end, spaced (p50)', spawned.run.p50 / e2e.coldSpaced.p50);
  printNote('in the isolate / in the host: the host\'s own transpile + WarmIsolate + Execution code, run in this process; the query answered at once with fixed rows');
  printNote('the host prepares a blank isolate (context and prelude ready) after every execution, so a version\'s first run only compiles and runs');
  printNote('transpile: each source here is new, so the host\'s cache (by SHA-256 of the text) misses; Node\'s stripTypeScriptTypes erases the types where the file allows, ts.transpileModule takes the rest');
  printNote('host process: the real forked host, driven through its message protocol (adds fork IPC and the host\'s message loop)');
  printNote('end to end: sandbox.execute (adds main\'s request check, queries answered from SQLite by the data gateway, the execution record)');
  printNote('back to back, a new version reaches the host while it still makes the blank isolate, and waits for it');
  if (e2e.unexpected.coldButWarm) printNote(`${e2e.unexpected.coldButWarm} "cold" end-to-end runs found a warm isolate: the cold figure is wrong`);

  printTable('Execution, warm: repeated getData of one version (a fresh context in a warm isolate)', [
    isolated.warm, isolated.warmNoQuery, isolated.warmNoQueryAfterIdle, isolated.warmWithContext, host.warmSpaced, host.warm, e2e.warmSpaced, e2e.warm, vm.warm, spawned.run,
  ]);
  printTarget('warm action p50, in the isolate (getData, 1 query)', isolated.warm.p50, 0.1);
  printTarget('warm action p50, in the isolate (getActions, no host call)', isolated.warmNoQuery.p50, 0.1);
  printRatio('process per execution / warm in the isolate (p50)', spawned.run.p50 / isolated.warm.p50, { atLeast: 100 });
  printRatio('process per execution / warm through the host process, spaced (p50)', spawned.run.p50 / host.warmSpaced.p50, { atLeast: 100 });
  printRatio('process per execution / warm end to end, spaced (p50)', spawned.run.p50 / e2e.warmSpaced.p50, { atLeast: 100 });
  printRatio('in the isolate incl. its fresh context / node:vm runInNewContext (p50; both create a context)', isolated.warmWithContext.p50 / vm.warm.p50);
  printNote(`getData makes two async calls into the isolate (run, deliver; getActions one: the spare context has the module factory evaluated already), each a pool-thread hop of ${formatMs(primitives.asyncCall.p50)} in this run (an applySync: ${formatMs(primitives.syncCall.p50)}); skill code never runs on the host's thread`);
  printNote('back to back, the next call reaches the host while it still prepares the spare context, and waits for it');
  printNote(`spaced runs pay for waking idle threads: getActions in the isolate takes ${formatMs(isolated.warmNoQueryAfterIdle.p50)} after ${SPACING_MS} ms idle against ${formatMs(isolated.warmNoQuery.p50)} back to back, and the host-process and end-to-end paths wake more threads (two processes, the isolate's)`);
  if (e2e.unexpected.warmButCold) printNote(`${e2e.unexpected.warmButCold} "warm" end-to-end runs started a new isolate: the warm figure is wrong`);

  printTable(`Execution, host calls: an action making N cheap host calls (N = 0 and ${N}, warm)`, [
    isolated.calls.none, isolated.calls.query, isolated.calls.log!, host.calls.none, host.calls.query,
    e2e.calls.none, e2e.calls.query, e2e.calls.log!, vm.calls.none, vm.calls.query, spawned.calls.none, spawned.calls.query,
  ]);
  console.log(`  per host call, (p50 at N = ${N} − p50 at N = 0) / ${N}:`);
  printTarget('  in the isolate, foundry.log (one ignored Callback: queued for the host, the isolate goes on)', perCall(isolated.calls, 'log'), 0.01);
  printTarget('  in the isolate, supabase…limit(1) (Callback out, async deliver back in)', perCall(isolated.calls, 'query'), 0.01);
  console.log(`    host process, supabase…limit(1) (adds IPC both ways): ${formatMs(perCall(host.calls, 'query'))}`);
  console.log(`    end to end, supabase…limit(1) (adds the data gateway's SQLite select): ${formatMs(perCall(e2e.calls, 'query'))}`);
  console.log(`    end to end, foundry.log: ${formatMs(perCall(e2e.calls, 'log'))}`);
  console.log(`    node:vm, supabase…limit(1) (a host function and a promise): ${formatMs(perCall(vm.calls, 'query'))}`);
  console.log(`    process per execution, supabase…limit(1) (IPC round trip to the parent): ${formatMs(perCall(spawned.calls, 'query'))}`);
  printNote('foundry.now() is not a host call here: the prelude computes it inside the isolate');

  printTable('isolated-vm primitives, bare (the floors under the in-isolate figures)', Object.values(primitives));
  printNote(`one Callback from the isolate ≈ ${formatMs(primitives.callbacks.p50 / CALLBACK_LOOP)} on the host's thread, ${formatMs(primitives.poolCallbacks.p50 / CALLBACK_LOOP)} from a pool thread (it waits for the host's thread), ${formatMs(primitives.ignoredCallbacks.p50 / CALLBACK_LOOP)} ignored; DESIGN.md: new isolate + context + run ≈ 1.2 ms, new context ≈ 0.36 ms, call into a warm context ≈ 19 µs`);
}
