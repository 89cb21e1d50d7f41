import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPolkitProvider, pkcheckResult, POLKIT_ACTION_ID, processSubject } from '../../../main/skills/approval/polkit.ts';
import { runCommand, type CommandOutcome, type CommandRunner } from '../../../main/skills/approval/run-command.ts';

const REASON = { en: 'Approve Water Tracker v1.0.0', pl: 'Zatwierdź Water Tracker v1.0.0' };
const exit = (exitCode: number): CommandOutcome => ({ exitCode, stdout: '', failure: null });

function recordingRunner(outcome: CommandOutcome) {
  const calls: { command: string; args: readonly string[] }[] = [];
  const run: CommandRunner = async (command, args) => {
    calls.push({ command, args });
    return outcome;
  };
  return { run, calls };
}

describe('polkit provider', () => {
  it('asks pkcheck about our action for this process, in the race-free pid,start-time,uid form, allowing a prompt', async () => {
    const { run, calls } = recordingRunner(exit(0));
    const provider = createPolkitProvider({ run, subject: () => '4242,987654,1000' });
    expect(await provider.verify(REASON)).toEqual({ ok: true });
    expect(calls).toEqual([
      { command: 'pkcheck', args: ['--action-id', 'dev.skillfoundry.approve', '--process', '4242,987654,1000', '--allow-user-interaction'] },
    ]);
  });

  it.each([
    [exit(0), { ok: true }],
    [exit(1), { ok: false, reason: 'failed' }],
    [exit(2), { ok: false, reason: 'unavailable' }],
    [exit(3), { ok: false, reason: 'cancelled' }],
    [exit(126), { ok: false, reason: 'unavailable' }],
    [exit(127), { ok: false, reason: 'unavailable' }],
    [{ exitCode: null, stdout: '', failure: 'not-found' }, { ok: false, reason: 'unavailable' }],
    [{ exitCode: null, stdout: '', failure: 'timeout' }, { ok: false, reason: 'cancelled' }],
    [{ exitCode: null, stdout: '', failure: 'error' }, { ok: false, reason: 'unavailable' }],
  ] as [CommandOutcome, object][])('maps %o to %o', async (outcome, expected) => {
    const result = pkcheckResult(outcome);
    expect(result).toMatchObject(expected);
    if (!result.ok) {
      expect(result.message.en.length).toBeGreaterThan(10);
      expect(result.message.pl.length).toBeGreaterThan(10);
    }
  });

  it('is available only when pkaction knows our action', async () => {
    for (const [code, expected] of [[0, true], [1, false], [127, false]] as const) {
      const { run, calls } = recordingRunner(exit(code));
      expect(await createPolkitProvider({ run, subject: () => '1,1,1' }).available()).toBe(expected);
      expect(calls[0]).toEqual({ command: 'pkaction', args: ['--action-id', POLKIT_ACTION_ID] });
    }
    const missing = recordingRunner({ exitCode: null, stdout: '', failure: 'not-found' });
    expect(await createPolkitProvider({ run: missing.run }).available()).toBe(false);
  });

  it('reads the subject of this very process from /proc', () => {
    const subject = processSubject();
    expect(subject).toMatch(new RegExp(`^${process.pid},\\d+,${process.getuid!()}$`));
    expect(processSubject()).toBe(subject);
  });

  it('ships a policy that asks the active user to authenticate as themselves every time', () => {
    const policy = fs.readFileSync(path.resolve(import.meta.dirname, '../../../build/polkit/dev.skillfoundry.approve.policy'), 'utf8');
    expect(policy).toContain(`<action id="${POLKIT_ACTION_ID}">`);
    const defaults = /<defaults>([\s\S]*?)<\/defaults>/.exec(policy)?.[1] ?? '';
    expect(defaults.replace(/\s+/g, '')).toBe('<allow_any>no</allow_any><allow_inactive>no</allow_inactive><allow_active>auth_self</allow_active>');
    expect(policy).toMatch(/<message xml:lang="pl">/);
  });
});

describe('runCommand', () => {
  const node = process.execPath;

  it('reports the exit code and standard output of a real process', async () => {
    const outcome = await runCommand(node, ['-e', 'process.stdout.write(process.env.GREETING); process.exit(3)'], {
      env: { GREETING: 'cześć' },
      timeoutMs: 10_000,
    });
    expect(outcome).toEqual({ exitCode: 3, stdout: 'cześć', failure: null });
  });

  it('reports a missing program and a program that does not finish in time', async () => {
    expect(await runCommand('skill-foundry-no-such-program', [], { timeoutMs: 10_000 })).toMatchObject({ exitCode: null, failure: 'not-found' });
    expect(await runCommand(node, ['-e', 'setTimeout(() => {}, 60_000)'], { timeoutMs: 200 })).toMatchObject({ exitCode: null, failure: 'timeout' });
  });
});
