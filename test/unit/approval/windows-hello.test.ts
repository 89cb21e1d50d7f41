import { describe, expect, it } from 'vitest';
import { createWindowsHelloProvider, helloResult } from '../../../main/skills/approval/windows-hello.ts';
import type { CommandOptions, CommandOutcome } from '../../../main/skills/approval/run-command.ts';

const REASON = { en: 'Approve Water Tracker v1.0.0', pl: 'Zatwierdź Water Tracker v1.0.0' };

function provider(outcome: CommandOutcome, locale: 'pl' | 'en' = 'pl', ownerWindow: string | null = '263174') {
  const calls: { command: string; args: readonly string[]; options: CommandOptions }[] = [];
  const hello = createWindowsHelloProvider({
    locale: () => locale,
    ownerWindow: () => ownerWindow,
    run: async (command, args, options) => {
      calls.push({ command, args, options });
      return outcome;
    },
  });
  return { hello, calls };
}

describe('Windows Hello provider (UserConsentVerifier through Windows PowerShell)', () => {
  it('asks for the prompt over the review window (RequestVerificationForWindowAsync), the reason passed through the environment', async () => {
    const { hello, calls } = provider({ exitCode: 0, stdout: '0', failure: null });
    expect(await hello.verify(REASON)).toEqual({ ok: true });
    const [call] = calls;
    expect(call!.command).toBe('powershell.exe');
    expect(call!.args).toContain('-EncodedCommand');
    expect(call!.options.env).toMatchObject({ FOUNDRY_HELLO_MODE: 'verify', FOUNDRY_HELLO_REASON: REASON.pl, FOUNDRY_HELLO_WINDOW: '263174' });
    expect(call!.args.join(' ')).not.toContain('Zatwierdź');
    const script = Buffer.from(call!.args.at(-1)!, 'base64').toString('utf16le');
    expect(script).toContain('[FoundryHello]::Verify([long]$env:FOUNDRY_HELLO_WINDOW, $env:FOUNDRY_HELLO_REASON)');
    expect(script).not.toContain('RequestVerificationAsync(');
    const interop = call!.options.env!.FOUNDRY_HELLO_INTEROP!;
    // IUserConsentVerifierInterop, and IAsyncOperation<UserConsentVerificationResult> as its riid.
    expect(interop).toContain('Guid("39E050C3-4E74-441A-8DC0-B81104DF949C")');
    expect(interop).toContain('RequestVerificationForWindowAsync(IntPtr appWindow, IntPtr message, ref Guid riid, out IntPtr operation)');
    expect(interop).toContain('Guid("FD596FFD-2318-558F-9DBE-D21DF43764A5")');
  });

  it('without a review window to own the prompt, nothing is started and the check is unavailable', async () => {
    const { hello, calls } = provider({ exitCode: 0, stdout: '0', failure: null }, 'en', null);
    expect(await hello.verify(REASON)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(calls).toEqual([]);
  });

  it.each([
    [0, { ok: true }],
    [1, { ok: false, reason: 'unavailable' }],
    [2, { ok: false, reason: 'unavailable' }],
    [3, { ok: false, reason: 'unavailable' }],
    [4, { ok: false, reason: 'unavailable' }],
    [5, { ok: false, reason: 'failed' }],
    [6, { ok: false, reason: 'cancelled' }],
    [null, { ok: false, reason: 'unavailable' }],
  ] as const)('maps UserConsentVerificationResult %s', (value, expected) => {
    expect(helloResult(value)).toMatchObject(expected);
  });

  it('treats a failed script or odd output as unavailable, and no answer in time as cancelled', async () => {
    expect(await provider({ exitCode: 1, stdout: '0', failure: null }).hello.verify(REASON)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await provider({ exitCode: 0, stdout: 'Verified', failure: null }).hello.verify(REASON)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await provider({ exitCode: null, stdout: '', failure: 'timeout' }).hello.verify(REASON)).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('is available only when the availability check answers Available', async () => {
    const available = provider({ exitCode: 0, stdout: '0\r\n', failure: null });
    expect(await available.hello.available()).toBe(true);
    expect(available.calls[0]!.options.env).toEqual({ FOUNDRY_HELLO_MODE: 'check' });
    expect(await provider({ exitCode: 0, stdout: '2', failure: null }).hello.available()).toBe(false);
    expect(await provider({ exitCode: null, stdout: '', failure: 'not-found' }).hello.available()).toBe(false);
  });
});
