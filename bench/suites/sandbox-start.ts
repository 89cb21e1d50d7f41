// The sandbox host's start under the resolved Node runtime, and the first execution after a start,
// for the CLI (host-entry.ts under this Node) and the desktop app (main/app's launcher, the built
// out/main/sandbox-host.js, Node chosen as `npm start` chooses it), measured in this one run.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildMain } from '../../scripts/build.ts';
import { appFiles } from '../../main/app/paths.ts';
import { createAppSandboxLauncher } from '../../main/app/sandbox-launcher.ts';
import { createNodeLauncher, createSandbox, type SandboxProcessLauncher } from '../../main/skills/sandbox/index.ts';
import { openFoundryStore } from '../../main/store/index.ts';
import { WATER_GET_DATA, WATER_SKILL } from '../fixtures/bench-skills.ts';
import { formatMs, printNote, printRatio, printTable, statsOf, withTempDir } from '../harness.ts';

const RUNS = 10;
const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Spawn → the host's `ready` (its self-check created two isolates), then it is ended. */
async function hostStart(launcher: SandboxProcessLauncher): Promise<number> {
  const started = performance.now();
  const host = launcher.launch();
  const exited = new Promise<void>((resolve) => host.onExit(() => resolve()));
  await new Promise<void>((resolve, reject) => {
    host.onMessage((raw) => {
      const message = JSON.parse(String(raw)) as { type: string };
      if (message.type === 'ready') resolve();
      else reject(new Error(`the sandbox host did not start: ${String(raw)}`));
    });
  });
  const elapsed = performance.now() - started;
  host.kill();
  await exited;
  return elapsed;
}

/** A fresh store and sandbox: the runtime check, the host's start and the first getData, as after an app or CLI start. */
async function firstExecution(launcher: () => SandboxProcessLauncher): Promise<number> {
  return withTempDir(async (dir) => {
    const store = openFoundryStore(dir);
    const sandbox = createSandbox({ store, launcher: launcher() });
    try {
      const started = performance.now();
      const outcome = await sandbox.execute({ skill: WATER_SKILL, call: WATER_GET_DATA, trigger: 'bench', actor: 'owner' });
      const elapsed = performance.now() - started;
      if (outcome.error) throw new Error(`the first execution failed: ${outcome.error.detail}`);
      return elapsed;
    } finally {
      await sandbox.close();
      store.close();
    }
  });
}

async function samples(fn: () => Promise<number>): Promise<number[]> {
  await fn();
  const taken: number[] = [];
  for (let i = 0; i < RUNS; i++) taken.push(await fn());
  return taken;
}

export async function sandboxStartBench(): Promise<void> {
  const appRoot = path.join(projectRoot, '.cache', 'bench-app');
  await buildMain(path.join(appRoot, 'out', 'main'));
  const env = { ...process.env, npm_node_execpath: process.execPath, FOUNDRY_NODE: '' };
  const cliLauncher = () => createNodeLauncher({ env });
  const appLauncher = () => createAppSandboxLauncher(appFiles(appRoot), { env, packaged: false });

  const runtime = appLauncher();
  const check = statsOf('runtime check (`node --version` of the resolved Node)', await samples(async () => {
    const started = performance.now();
    await createNodeLauncher({ env, runtime: runtime.runtime }).prepare();
    return performance.now() - started;
  }));
  const cliStart = statsOf('host start, CLI: host-entry.ts (type stripping)', await samples(() => hostStart(cliLauncher())));
  const appStart = statsOf('host start, app: out/main/sandbox-host.js (built)', await samples(() => hostStart(appLauncher())));
  const cliFirst = statsOf('first execution after start, CLI', await samples(() => firstExecution(cliLauncher)));
  const appFirst = statsOf('first execution after start, app', await samples(() => firstExecution(appLauncher)));

  printTable(`Sandbox start under ${runtime.runtime.path} (${runtime.runtime.source}), Node ${process.versions.node}`, [check, cliStart, appStart, cliFirst, appFirst]);
  printRatio('app / CLI, host start (p50)', appStart.p50 / cliStart.p50);
  printRatio('app / CLI, first execution after start (p50)', appFirst.p50 / cliFirst.p50);
  printNote(`host start = spawn until the host's self-check passed (two isolates created, the prelude refusing code generation); the first execution adds the runtime check (${formatMs(check.p50)}), the store and the first run of a version`);
  printNote('the app starts its sandbox while the window opens, so an owner rarely waits for it');
}
