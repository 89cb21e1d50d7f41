import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeLauncher } from '../../../main/skills/sandbox/index.ts';
import { HostSupervisor } from '../../../main/skills/sandbox/host-supervisor.ts';
import { resolveLimits } from '../../../main/skills/sandbox/limits.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { action, useHarnesses, skillWith } from './skills.ts';

const tempDir = useTempDir('foundry-fake-host-');
const harness = useHarnesses();

/** A stand-in host process (plain Node), to show main copes with whatever a host does. */
function fakeHost(source: string, onStderr?: (text: string) => void) {
  const entry = path.join(tempDir(), 'fake-host.mjs');
  fs.writeFileSync(entry, source);
  return createNodeLauncher({ entry, ...(onStderr ? { onStderr } : {}) });
}

const READY = `process.send(JSON.stringify({ type: 'ready', isolates: 2 }));`;
const waitsForever = skillWith(`for (;;) { await supabase.from('exo_probe_entries').select('*'); }`, { reads: ['exo_probe_entries'] });

describe('the watchdog in main', () => {
  it('kills a host whose resident memory goes over the limit', async () => {
    // The host alone (Node, TypeScript, isolates) is well over 64 MB resident.
    const h = harness({ hostRssBytes: 64 * 1024 * 1024, timeoutMs: 5_000 });
    const started = performance.now();
    const outcome = await h.sandbox.execute(action(waitsForever));
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(outcome.record).toMatchObject({ status: 'failed', error: expect.stringMatching(/^memory: the sandbox process used \d+ MB, over its 64 MB limit/) });
    expect(h.sandbox.hostPid).toBeUndefined();
  });

  it("uses the host's own memory reports where /proc is not available", async () => {
    const supervisor = new HostSupervisor({
      launcher: createNodeLauncher(),
      limits: resolveLimits({ hostRssBytes: 64 * 1024 * 1024 }),
      readRss: () => undefined,
    });
    try {
      const result = await supervisor.run(
        {
          skillKey: 'k',
          source: waitsForever.code,
          method: 'executeAction',
          args: JSON.stringify(['t', 'a', {}]),
          config: '{}',
          notifications: false,
          limits: { timeoutMs: 5_000, memoryMb: 128, warmIsolates: 1, maxOutputBytes: 1024, maxQueryBytes: 1024, maxHostCalls: 1_000_000, maxLogEntries: 1, maxLogChars: 1, maxNotifications: 0 },
        },
        { query: () => JSON.stringify({ data: [], error: null }), http: async () => '', skill: async () => '' },
      );
      expect(result.outcome).toMatchObject({ status: 'failed', code: 'memory' });
    } finally {
      await supervisor.close();
    }
  });

  it('kills a host that stops answering, at timeout + grace', async () => {
    const h = harness({ timeoutMs: 200, graceMs: 300 }, fakeHost(`${READY} process.on('message', () => {});`));
    const started = performance.now();
    const outcome = await h.sandbox.execute(action(skillWith('return 1;')));
    expect(performance.now() - started).toBeGreaterThanOrEqual(490);
    expect(outcome.record).toMatchObject({ status: 'failed', error: 'timeout: no answer from the sandbox host within 500 ms' });
  });

  it('treats an invalid message from the host as a crash', async () => {
    const h = harness({}, fakeHost(`${READY} process.on('message', (m) => process.send(JSON.stringify({ type: 'done', id: JSON.parse(m).id, outcome: { status: 'succeeded' } })));`));
    const outcome = await h.sandbox.execute(action(skillWith('return 1;')));
    expect(outcome.record).toMatchObject({ status: 'failed', error: 'crashed: the sandbox host sent an invalid message' });
  });

  it('ignores answers to executions that are not running', async () => {
    const h = harness(
      { timeoutMs: 200, graceMs: 200 },
      fakeHost(`${READY} process.on('message', () => process.send(JSON.stringify({ type: 'done', id: 999, outcome: { status: 'succeeded', output: '1' }, logs: [], notifications: [], peakHeapBytes: null, warm: false })));`),
    );
    const outcome = await h.sandbox.execute(action(skillWith('return 1;')));
    expect(outcome.record.error).toMatch(/^timeout: /);
  });
});

describe('a host that cannot start', () => {
  it('reports the self-check failure and runs nothing', async () => {
    const h = harness({}, fakeHost(`process.send(JSON.stringify({ type: 'fatal', reason: 'cannot create isolates: no snapshot flag' }));`));
    const outcome = await h.sandbox.execute(action(skillWith('return 1;')));
    expect(outcome.result).toBeUndefined();
    expect(outcome.record).toMatchObject({ status: 'failed', error: 'host-unavailable: cannot create isolates: no snapshot flag' });
    expect(outcome.error?.message.en).toMatch(/Skills are never run outside it/);
    expect(outcome.error?.message.pl).toMatch(/nigdy nie są uruchamiane poza nią/);
  });

  it('reports a host that exits while starting, and hands its last words to the launcher’s owner', async () => {
    const stderr: string[] = [];
    const h = harness({}, fakeHost(`process.stderr.write('Cannot find module isolated-vm\\n'); process.exit(3);`, (text) => stderr.push(text)));
    const outcome = await h.sandbox.execute(action(skillWith('return 1;')));
    expect(outcome.record.error).toBe('host-unavailable: it exited during start (exit code 3)');
    await expect.poll(() => stderr).toEqual(['Cannot find module isolated-vm\n']);
  });

  it('reports a host that never becomes ready', async () => {
    const h = harness({ hostStartMs: 300 }, fakeHost(`process.on('message', () => {});`));
    const outcome = await h.sandbox.execute(action(skillWith('return 1;')));
    expect(outcome.record.error).toBe('host-unavailable: it did not start within 300 ms');
  });
});
