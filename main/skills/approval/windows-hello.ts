// Windows: Windows Hello through WinRT's UserConsentVerifier, called from Windows PowerShell 5.1
// (the one that can load WinRT types; PowerShell 7 cannot). Chosen over WebAuthn in the renderer
// because it needs no credential registration, no relying-party origin (the app is not served from
// a web origin) and no assertion parsing, and it runs in main where the decision is made. Like
// Touch ID it is a yes/no "the owner is here" gate, and Windows Hello also accepts the PIN.
// The reason text reaches the script through an environment variable, never spliced into code.
import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { BiometricProvider, BiometricResult } from './biometric.ts';
import { runCommand, type CommandRunner } from './run-command.ts';

const POWERSHELL = 'powershell.exe';
const PROMPT_TIMEOUT_MS = 120_000;
const PROBE_TIMEOUT_MS = 15_000;

const SCRIPT = `
$ErrorActionPreference = 'Stop'
Add-Type -AssemblyName System.Runtime.WindowsRuntime
$asTask = [System.WindowsRuntimeSystemExtensions].GetMethods() | Where-Object {
  $_.Name -eq 'AsTask' -and $_.GetParameters().Count -eq 1 -and $_.GetParameters()[0].ParameterType.Name -eq 'IAsyncOperation\`1'
} | Select-Object -First 1
function Await($operation, [Type]$resultType) {
  $task = $asTask.MakeGenericMethod($resultType).Invoke($null, @($operation))
  $task.Wait() | Out-Null
  $task.Result
}
$verifier = [Windows.Security.Credentials.UI.UserConsentVerifier, Windows.Security.Credentials.UI, ContentType = WindowsRuntime]
if ($env:FOUNDRY_HELLO_MODE -eq 'check') {
  $result = Await ($verifier::CheckAvailabilityAsync()) ([Windows.Security.Credentials.UI.UserConsentVerifierAvailability])
} else {
  $result = Await ($verifier::RequestVerificationAsync($env:FOUNDRY_HELLO_REASON)) ([Windows.Security.Credentials.UI.UserConsentVerificationResult])
}
[Console]::Out.Write([int]$result)
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
      const outcome = await run(POWERSHELL, ARGS, {
        env: { FOUNDRY_HELLO_MODE: 'verify', FOUNDRY_HELLO_REASON: reason[options.locale()] },
        timeoutMs: PROMPT_TIMEOUT_MS,
      });
      if (outcome.failure === 'timeout') {
        return { ok: false, reason: 'cancelled', message: { en: 'No answer to Windows Hello in time.', pl: 'Brak odpowiedzi w Windows Hello w wyznaczonym czasie.' } };
      }
      return helloResult(outcome.exitCode === 0 ? parseResult(outcome.stdout) : null);
    },
  };
}
