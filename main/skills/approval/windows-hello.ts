// Windows: Windows Hello through WinRT's UserConsentVerifier, called from Windows PowerShell 5.1
// (the one that can load WinRT types; PowerShell 7 cannot). Chosen over WebAuthn in the renderer
// because it needs no credential registration, no relying-party origin (the app is not served from
// a web origin) and no assertion parsing, and it runs in main where the decision is made. Like
// Touch ID it is a yes/no "the owner is here" gate, and Windows Hello also accepts the PIN.
//
// The prompt itself goes through the API Microsoft documents for desktop apps:
// IUserConsentVerifierInterop::RequestVerificationForWindowAsync with the review window's handle,
// so the dialog belongs to (and appears over) our window. The plain RequestVerificationAsync is
// meant for packaged UWP apps: from a desktop process it has no owner window and may open behind
// the app or not at all. The interop interface is plain COM, reached through the activation factory
// (RoGetActivationFactory); the C# below is compiled by Windows PowerShell's Add-Type (C# 5, .NET
// Framework) and polls the returned IAsyncOperation, which needs no WinRT projection.
// The availability check keeps UserConsentVerifier.CheckAvailabilityAsync, which needs no window.
// Text reaches the script through environment variables, never spliced into code.
import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { BiometricProvider, BiometricResult } from './biometric.ts';
import { runCommand, type CommandRunner } from './run-command.ts';

const POWERSHELL = 'powershell.exe';
const PROMPT_TIMEOUT_MS = 120_000;
const PROBE_TIMEOUT_MS = 15_000;

const INTEROP_SOURCE = `
using System;
using System.Runtime.InteropServices;
using System.Threading;

public static class FoundryHello {
  [DllImport("combase.dll", CharSet = CharSet.Unicode)]
  static extern int WindowsCreateString(string text, int length, out IntPtr hstring);
  [DllImport("combase.dll")]
  static extern int WindowsDeleteString(IntPtr hstring);
  [DllImport("combase.dll")]
  static extern int RoGetActivationFactory(IntPtr classId, ref Guid iid, out IntPtr factory);

  [ComImport, Guid("39E050C3-4E74-441A-8DC0-B81104DF949C"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
  interface IUserConsentVerifierInterop {
    void GetIids(out uint count, out IntPtr iids);
    void GetRuntimeClassName(out IntPtr name);
    void GetTrustLevel(out int level);
    [PreserveSig] int RequestVerificationForWindowAsync(IntPtr appWindow, IntPtr message, ref Guid riid, out IntPtr operation);
  }

  [ComImport, Guid("00000036-0000-0000-C000-000000000046"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
  interface IAsyncInfo {
    void GetIids(out uint count, out IntPtr iids);
    void GetRuntimeClassName(out IntPtr name);
    void GetTrustLevel(out int level);
    void get_Id(out uint id);
    void get_Status(out int status);
    void get_ErrorCode(out int errorCode);
    void Cancel();
    void Close();
  }

  // IAsyncOperation<Windows.Security.Credentials.UI.UserConsentVerificationResult>
  [ComImport, Guid("FD596FFD-2318-558F-9DBE-D21DF43764A5"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
  interface IAsyncOperationOfVerificationResult {
    void GetIids(out uint count, out IntPtr iids);
    void GetRuntimeClassName(out IntPtr name);
    void GetTrustLevel(out int level);
    void put_Completed(IntPtr handler);
    void get_Completed(out IntPtr handler);
    void GetResults(out int result);
  }

  static IntPtr HString(string text) {
    IntPtr handle;
    Marshal.ThrowExceptionForHR(WindowsCreateString(text, text.Length, out handle));
    return handle;
  }

  /** UserConsentVerificationResult, or -1 when the prompt could not be shown. */
  public static int Verify(long window, string message) {
    IntPtr classId = HString("Windows.Security.Credentials.UI.UserConsentVerifier");
    IntPtr text = HString(message);
    IntPtr factory = IntPtr.Zero;
    IntPtr operation = IntPtr.Zero;
    try {
      Guid interopIid = typeof(IUserConsentVerifierInterop).GUID;
      Marshal.ThrowExceptionForHR(RoGetActivationFactory(classId, ref interopIid, out factory));
      IUserConsentVerifierInterop interop = (IUserConsentVerifierInterop)Marshal.GetObjectForIUnknown(factory);
      Guid operationIid = typeof(IAsyncOperationOfVerificationResult).GUID;
      if (interop.RequestVerificationForWindowAsync(new IntPtr(window), text, ref operationIid, out operation) < 0) return -1;
      object pending = Marshal.GetObjectForIUnknown(operation);
      IAsyncInfo info = (IAsyncInfo)pending;
      int status;
      info.get_Status(out status);
      while (status == 0) { // Started
        Thread.Sleep(50);
        info.get_Status(out status);
      }
      if (status == 2) return 6; // Canceled
      if (status != 1) return -1; // Error
      int result;
      ((IAsyncOperationOfVerificationResult)pending).GetResults(out result);
      return result;
    } finally {
      if (operation != IntPtr.Zero) Marshal.Release(operation);
      if (factory != IntPtr.Zero) Marshal.Release(factory);
      WindowsDeleteString(text);
      WindowsDeleteString(classId);
    }
  }
}
`;

const SCRIPT = `
$ErrorActionPreference = 'Stop'
if ($env:FOUNDRY_HELLO_MODE -eq 'check') {
  Add-Type -AssemblyName System.Runtime.WindowsRuntime
  $asTask = [System.WindowsRuntimeSystemExtensions].GetMethods() | Where-Object {
    $_.Name -eq 'AsTask' -and $_.GetParameters().Count -eq 1 -and $_.GetParameters()[0].ParameterType.Name -eq 'IAsyncOperation\`1'
  } | Select-Object -First 1
  $verifier = [Windows.Security.Credentials.UI.UserConsentVerifier, Windows.Security.Credentials.UI, ContentType = WindowsRuntime]
  $task = $asTask.MakeGenericMethod([Windows.Security.Credentials.UI.UserConsentVerifierAvailability]).Invoke($null, @($verifier::CheckAvailabilityAsync()))
  $task.Wait() | Out-Null
  [Console]::Out.Write([int]$task.Result)
} else {
  Add-Type -TypeDefinition $env:FOUNDRY_HELLO_INTEROP
  [Console]::Out.Write([FoundryHello]::Verify([long]$env:FOUNDRY_HELLO_WINDOW, $env:FOUNDRY_HELLO_REASON))
}
`;

// -EncodedCommand takes UTF-16LE base64: no quoting of the script through the command line.
const ENCODED_SCRIPT = Buffer.from(SCRIPT, 'utf16le').toString('base64');
const ARGS = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', ENCODED_SCRIPT];

/** UserConsentVerifierAvailability.Available */
const AVAILABLE = 0;

/** UserConsentVerificationResult (Windows.Security.Credentials.UI) as a biometric result. */
export function helloResult(value: number | null): BiometricResult {
  const unavailable = (detail: Localized): BiometricResult => ({
    ok: false,
    reason: 'unavailable',
    message: { en: `Windows Hello is not available: ${detail.en}`, pl: `Nie można użyć Windows Hello: ${detail.pl}` },
  });
  switch (value) {
    case 0: // Verified
      return { ok: true };
    case 1: // DeviceNotPresent
      return unavailable({ en: 'no Windows Hello device is present.', pl: 'brak urządzenia Windows Hello.' });
    case 2: // NotConfiguredForUser
      return unavailable({ en: 'it is not set up for this user.', pl: 'nie skonfigurowano tej funkcji dla tego użytkownika.' });
    case 3: // DisabledByPolicy
      return unavailable({ en: 'it is disabled by policy.', pl: 'wyłączono tę funkcję zasadami.' });
    case 4: // DeviceBusy
      return unavailable({ en: 'the device is busy; try again.', pl: 'urządzenie jest zajęte; spróbuj ponownie.' });
    case 5: // RetriesExhausted
      return { ok: false, reason: 'failed', message: { en: 'Windows Hello did not recognise you.', pl: 'Nie udało się potwierdzić Twojej tożsamości w Windows Hello.' } };
    case 6: // Canceled
      return { ok: false, reason: 'cancelled', message: { en: 'The Windows Hello prompt was cancelled.', pl: 'Monit Windows Hello został anulowany.' } };
    default:
      return unavailable({ en: 'the check could not run.', pl: 'nie udało się przeprowadzić weryfikacji.' });
  }
}

const parseResult = (stdout: string): number | null => (/^\d+$/.test(stdout.trim()) ? Number(stdout.trim()) : null);

export interface WindowsHelloProviderOptions {
  /** The language of the reason shown in the Windows prompt. */
  locale: () => Locale;
  /** The review window's native handle (HWND, as a decimal string) that owns the prompt; null without a window. */
  ownerWindow?: () => string | null;
  run?: CommandRunner;
}

export function createWindowsHelloProvider(options: WindowsHelloProviderOptions): BiometricProvider {
  const run = options.run ?? runCommand;
  return {
    id: 'windows-hello',
    label: { en: 'Windows Hello', pl: 'Windows Hello' },
    async available() {
      const outcome = await run(POWERSHELL, ARGS, { env: { FOUNDRY_HELLO_MODE: 'check' }, timeoutMs: PROBE_TIMEOUT_MS });
      return outcome.exitCode === 0 && parseResult(outcome.stdout) === AVAILABLE;
    },
    async verify(reason) {
      const window = options.ownerWindow?.() ?? null;
      if (window === null || !/^\d+$/.test(window)) return helloResult(null);
      const outcome = await run(POWERSHELL, ARGS, {
        env: { FOUNDRY_HELLO_MODE: 'verify', FOUNDRY_HELLO_REASON: reason[options.locale()], FOUNDRY_HELLO_WINDOW: window, FOUNDRY_HELLO_INTEROP: INTEROP_SOURCE },
        timeoutMs: PROMPT_TIMEOUT_MS,
      });
      if (outcome.failure === 'timeout') {
        return { ok: false, reason: 'cancelled', message: { en: 'No answer to Windows Hello in time.', pl: 'Brak odpowiedzi w Windows Hello w wyznaczonym czasie.' } };
      }
      return helloResult(outcome.exitCode === 0 ? parseResult(outcome.stdout) : null);
    },
  };
}
