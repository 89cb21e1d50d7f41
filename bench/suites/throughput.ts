import { DEFAULT_LIMITS, type SandboxSkill } from '../../main/skills/sandbox/index.ts';
import { installedSkills, SMALL_SKILL_ROWS, TENANT } from '../fixtures/bench-skills.ts';
import { withSandbox, type SandboxSession } from '../execution/sandbox-session.ts';
import { measureThroughput, printNote, printRatio, type Throughput } from '../harness.ts';
import { cpuSeconds, MB, residentBytes } from '../process-stats.ts';

const INSTALLED = 100;
/** The most warm isolates the sandbox's limits allow (limits.ts). */
const MAX_WARM = 64;
const DURATION_MS = 4_000;

interface Sustained extends Throughput {
  warmShare: number;
  mainCpu: number;
  hostCpu: number;
}

/** Round-robin getData over `skills` for DURATION_MS, one call in flight, with the CPU both processes used. */
async function sustain(session: SandboxSession, name: string, skills: readonly SandboxSkill[]): Promise<Sustained> {
  const pid = session.sandbox.hostPid;
  const mainBefore = process.cpuUsage();
  const hostBefore = cpuSeconds(pid);
  let warm = 0;
  const result = await measureThroughput(name, async (i) => {
    const outcome = await session.execute(skills[i % skills.length]!, { method: 'getData', tenantId: TENANT });
    if (outcome.warm) warm++;
  }, DURATION_MS);
  const main = process.cpuUsage(mainBefore);
  return {
    ...result,
    warmShare: warm / result.count,
    mainCpu: (main.user + main.system) / 1e6 / result.seconds,
    hostCpu: (cpuSeconds(pid) - hostBefore) / result.seconds,
  };
}

function printSustained(s: Sustained): void {
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  console.log(`  ${s.name}: ${Math.round(s.perSecond).toLocaleString('en')} executions/s  (${s.count.toLocaleString('en')} in ${s.seconds.toFixed(1)} s; `
    + `${percent(s.warmShare)} found a warm isolate; CPU: main ${percent(s.mainCpu)}, host ${percent(s.hostCpu)} of one core)`);
}

/** Installs: every version runs once, so the host has seen each; then the sandbox host is measured. */
async function install(session: SandboxSession, skills: readonly SandboxSkill[]): Promise<void> {
  for (const { slug, table, rows } of SMALL_SKILL_ROWS) session.seed(slug, table, rows);
  for (const skill of skills) await session.execute(skill, { method: 'getData', tenantId: TENANT });
}

/** Executions per second with 100 installed skills through one sandbox, and the host's memory with many warm isolates. */
export async function throughputBench(): Promise<void> {
  const skills = installedSkills(INSTALLED);
  const defaultWarm = DEFAULT_LIMITS.warmIsolates;

  const atDefault = await withSandbox({}, async (session) => {
    await install(session, skills);
    const rss = residentBytes(session.sandbox.hostPid);
    const sustained = await sustain(session, `${INSTALLED} skills round robin, warmIsolates ${defaultWarm} (default)`, skills);
    return { sustained, rss, afterChurn: residentBytes(session.sandbox.hostPid) };
  });

  const atMax = await withSandbox({ warmIsolates: MAX_WARM }, async (session) => {
    const hot = skills.slice(0, MAX_WARM);
    await install(session, hot.slice(0, 1));
    const oneWarm = residentBytes(session.sandbox.hostPid);
    await install(session, hot);
    const fullWarm = residentBytes(session.sandbox.hostPid);
    const allWarm = await sustain(session, `${MAX_WARM} of them round robin, warmIsolates ${MAX_WARM}`, hot);
    const cycling = await sustain(session, `${INSTALLED} skills round robin, warmIsolates ${MAX_WARM} (the most allowed)`, skills);
    return { oneWarm, fullWarm, cycling, allWarm, afterChurn: residentBytes(session.sandbox.hostPid) };
  });

  console.log(`\n## Throughput: getData through one sandbox (one host process, one execution at a time), ${DURATION_MS / 1000} s each, end to end`);
  for (const s of [atDefault.sustained, atMax.cycling, atMax.allWarm]) printSustained(s);
  printRatio(`all warm / all cold (executions per second)`, atMax.allWarm.perSecond / atDefault.sustained.perSecond);
  printNote('each execution: request check, IPC to the host and back, one SQLite select via the data gateway, the execution record in SQLite');
  printNote(`round robin over more skills than warm slots defeats an LRU: every call starts a new isolate; warmIsolates is capped at ${MAX_WARM}, so 100 warm skills cannot be configured`);

  const perIsolate = (atMax.fullWarm - atMax.oneWarm) / (MAX_WARM - 1);
  console.log('\n## Sandbox host resident memory (VmRSS from /proc/<hostPid>/status)');
  const mb = (bytes: number) => `${(bytes / MB).toFixed(0).padStart(5)} MB`;
  console.log(`  1 warm isolate (host just started, one skill run)                 ${mb(atMax.oneWarm)}`);
  console.log(`  ${defaultWarm} warm isolates (default), after all ${INSTALLED} skills ran once      ${mb(atDefault.rss)}`);
  console.log(`  ${MAX_WARM} warm isolates (the most allowed)                            ${mb(atMax.fullWarm)}  (≈ ${(perIsolate / MB).toFixed(1)} MB per warm isolate, spare context included)`);
  console.log(`  ${INSTALLED} warm isolates (not allowed: extrapolated from the line above)  ${mb(atMax.oneWarm + perIsolate * (INSTALLED - 1))}`);
  const churned = (s: Sustained, warmShare = s.warmShare) => Math.round(s.count * (1 - warmShare)).toLocaleString('en');
  console.log(`  ${defaultWarm} warm isolates, after the round robin above (${churned(atDefault.sustained)} isolates created and disposed)  ${mb(atDefault.afterChurn)}`);
  console.log(`  ${MAX_WARM} warm isolates, after the ${INSTALLED}-skill round robin (${churned(atMax.cycling)} created and disposed)  ${mb(atMax.afterChurn)}`);
  printNote(`main kills the host above hostRssBytes = ${(DEFAULT_LIMITS.hostRssBytes / MB).toFixed(0)} MB (default), sampled during executions`);
}
