// The sandbox exactly as the desktop app starts it: main/app's launcher, the built host
// (out/main/sandbox-host.js, as packaged) and a real Node 24 chosen the way `npm start` chooses it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMain } from '../../scripts/build.ts';
import { appFiles } from '../../main/app/paths.ts';
import { createAppSandboxLauncher, type AppRuntimeContext } from '../../main/app/sandbox-launcher.ts';
import { createOffThreadAuditor, DEFAULT_AUDIT_BUDGET } from '../../main/skills/validator/audit-off-thread.ts';
import { action, openHarness, WATER_MANIFEST, WATER_TRACKER, waterTracker, type Harness } from '../unit/sandbox/skills.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
// Inside the project, so the built host finds isolated-vm in node_modules as the packaged app does beside it.
const appRoot = path.join(projectRoot, '.cache', `app-sandbox-test-${process.pid}`);
const SECRETS = { ANTHROPIC_API_KEY: 'sk-ant-api03-very-secret', FOUNDRY_PASSPHRASE: 'correct horse battery staple', FOUNDRY_API_TOKEN: 'tok-abc' };

beforeAll(async () => {
  await buildMain(path.join(appRoot, 'out', 'main'));
}, 120_000);
afterAll(() => fs.rmSync(appRoot, { recursive: true, force: true }));

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
  vi.unstubAllEnvs();
});

function openAppSandbox(context: Partial<AppRuntimeContext> = {}): Harness {
  const launcher = createAppSandboxLauncher(appFiles(appRoot), { env: process.env, packaged: false, ...context });
  harness = openHarness({}, launcher);
  return harness;
}

/** A stand-in "Node" for the runtime checks: a shell script answering --version as told. */
function fakeNode(script: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fake-node-')), 'node');
  fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return file;
}

describe('the built app', () => {
  it("main's bundle loads under Node (with a stand-in electron) up to its first decision", () => {
    const register = path.join(projectRoot, 'test/helpers/electron-stub/register.mjs');
    const run = spawnSync(process.execPath, ['--import', register, path.join(appRoot, 'out/main/index.js')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('electron-stub: app.quit');
  });

  it("the built audit worker audits a skill off main's thread", async () => {
    const auditor = createOffThreadAuditor(DEFAULT_AUDIT_BUDGET, path.join(appRoot, 'out/main/audit-worker.js'));
    try {
      const report = await auditor.audit(WATER_TRACKER, { manifest: WATER_MANIFEST });
      expect(report.verdict).toBe('pass');
      expect(report.capabilities.reads).toEqual(['exo_water_entries']);
    } finally {
      await auditor.close();
    }
  });
});

describe('the desktop app runs skills in a Node 24 sidecar', () => {
  it('started as `npm start` would (npm_node_execpath), the built host runs the water tracker', async () => {
    vi.stubEnv('npm_node_execpath', process.execPath);
    const h = openAppSandbox();
    const outcome = await h.sandbox.execute(action(waterTracker(), { amount_ml: 300 }, 'log_water', 'anna'));
    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toEqual({ success: true });
    expect(h.rows('exo_water_entries')).toEqual([{ tenant_id: 'anna', amount_ml: 300, logged_at: expect.any(String) }]);
    expect(h.sandbox.runtimeStatus).toEqual({ nodePath: process.execPath, source: 'npm', nodeVersion: process.versions.node, state: 'ready', problem: null });
  });

  it.runIf(process.platform === 'linux')("none of main's environment reaches the host, which works in a private empty folder", async () => {
    for (const [name, value] of Object.entries(SECRETS)) vi.stubEnv(name, value);
    vi.stubEnv('FOUNDRY_NODE', process.execPath);
    const h = openAppSandbox();
    expect(process.env.ANTHROPIC_API_KEY).toBe(SECRETS.ANTHROPIC_API_KEY);
    const status = await h.sandbox.start();
    expect(status).toMatchObject({ state: 'ready', source: 'FOUNDRY_NODE' });
    const pid = h.sandbox.hostPid!;

    const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
    const names = environ.map((entry) => entry.slice(0, entry.indexOf('=')));
    // Node's own message channel is all the host gets.
    expect(names.sort()).toEqual(['NODE_CHANNEL_FD', 'NODE_CHANNEL_SERIALIZATION_MODE']);
    for (const secret of Object.values(SECRETS)) expect(environ.join('\n')).not.toContain(secret);

    const workDir = fs.readlinkSync(`/proc/${pid}/cwd`);
    expect(path.basename(workDir)).toMatch(/^skill-foundry-sandbox-/);
    expect(workDir).not.toBe(os.homedir());
    expect(fs.readdirSync(workDir)).toEqual([]);
    expect(fs.statSync(workDir).mode & 0o077).toBe(0);

    await h.sandbox.close();
    await vi.waitFor(() => expect(fs.existsSync(workDir)).toBe(false));
  });

  it('a Node older than 24 is refused before anything starts, and the owner is told what to do', async () => {
    vi.stubEnv('FOUNDRY_NODE', fakeNode('echo v20.11.1'));
    const h = openAppSandbox();
    const outcome = await h.sandbox.execute(action(waterTracker(), { amount_ml: 300 }));
    expect(outcome.error?.code).toBe('host-unavailable');
    expect(outcome.record.status).toBe('failed');
    expect(h.sandbox.hostPid).toBeUndefined();
    const status = h.sandbox.runtimeStatus;
    expect(status).toMatchObject({ state: 'failed', source: 'FOUNDRY_NODE', nodeVersion: null });
    expect(status.problem?.en).toContain('Skills need Node.js 24 or newer');
    expect(status.problem?.pl).toContain('Skille wymagają Node.js 24 lub nowszego');
    expect(h.rows('exo_water_entries')).toEqual([]);
  });

  it('a runtime that fails the start-up check (it cannot create isolates) refuses runs and says why', async () => {
    vi.stubEnv('FOUNDRY_NODE', fakeNode('[ "$1" = --version ] && { echo v24.1.0; exit 0; }\necho "isolated-vm: cannot load" >&2\nexit 3'));
    const h = openAppSandbox();
    const outcome = await h.sandbox.execute(action(waterTracker(), { amount_ml: 300 }));
    expect(outcome.error?.code).toBe('host-unavailable');
    const status = h.sandbox.runtimeStatus;
    expect(status).toMatchObject({ state: 'failed', nodeVersion: '24.1.0' });
    expect(status.problem?.en).toMatch(/The sandbox did not pass its start-up check under .*: it exited during start \(exit code 3\)/);
    expect(status.problem?.pl).toContain('Piaskownica nie przeszła kontroli startowej');
  });
});
