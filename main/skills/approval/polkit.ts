// Linux: the approval asks polkit whether this process may perform dev.skillfoundry.approve. The
// policy (build/polkit/dev.skillfoundry.approve.policy, installed by the Linux package into
// /usr/share/polkit-1/actions/) says auth_self without retention: the session's authentication
// agent asks the logged-in person to authenticate every time — a fingerprint where PAM has
// fprintd, otherwise the login password (like Touch ID, a yes/no "the owner is here" gate).
// The prompt text comes from the policy file (English and Polish), not from `reason`: polkit does
// not let an unprivileged caller replace it.
import fs from 'node:fs';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { BiometricProvider, BiometricResult } from './biometric.ts';
import { runCommand, type CommandOutcome, type CommandRunner } from './run-command.ts';

export const POLKIT_ACTION_ID = 'dev.skillfoundry.approve';
/** Long enough to find a fingerprint reader or type a password; then the request counts as cancelled. */
const PROMPT_TIMEOUT_MS = 120_000;
const PROBE_TIMEOUT_MS = 10_000;

/**
 * pkcheck's `--process` subject in its race-free form pid,start-time,uid (man pkcheck: the bare
 * pid could be reused by another process between our call and polkit's lookup).
 */
export function processSubject(pid: number = process.pid, uid: number = process.getuid!()): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 2 (comm) may contain spaces and parentheses: count fields after its closing ')'.
  const afterComm = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const startTime = afterComm[19]; // field 22 of proc(5), the 20th after comm
  if (!startTime || !/^\d+$/.test(startTime)) throw new Error(`Unexpected /proc/${pid}/stat format`);
  return `${pid},${startTime},${uid}`;
}

const unavailable = (detail: Localized): BiometricResult => ({
  ok: false,
  reason: 'unavailable',
  message: {
    en: `System authentication (polkit) is not available: ${detail.en}`,
    pl: `Uwierzytelnienie systemowe (polkit) jest niedostępne: ${detail.pl}`,
  },
});

/** pkcheck's exit status (man pkcheck, RETURN VALUE) as a biometric result. */
export function pkcheckResult(outcome: CommandOutcome): BiometricResult {
  if (outcome.failure === 'not-found') return unavailable({ en: 'pkcheck is not installed.', pl: 'brak programu pkcheck.' });
  if (outcome.failure === 'timeout') {
    return { ok: false, reason: 'cancelled', message: { en: 'No answer to the system prompt in time.', pl: 'Brak odpowiedzi na monit systemu w wyznaczonym czasie.' } };
  }
  switch (outcome.exitCode) {
    case 0:
      return { ok: true };
    case 1:
      return { ok: false, reason: 'failed', message: { en: 'The system did not confirm it is you.', pl: 'System nie potwierdził Twojej tożsamości.' } };
    case 2:
      return unavailable({ en: 'no authentication agent is running in this session.', pl: 'w tej sesji nie działa agent uwierzytelniania.' });
    case 3:
      return { ok: false, reason: 'cancelled', message: { en: 'The system prompt was dismissed.', pl: 'Monit systemu został zamknięty.' } };
    default:
      // 126 (bad arguments; also seen when polkitd cannot be reached), 127 (error while checking).
      return unavailable({ en: `polkit could not check (exit ${outcome.exitCode ?? 'none'}).`, pl: `polkit nie mógł sprawdzić uprawnień (kod ${outcome.exitCode ?? 'brak'}).` });
  }
}

export interface PolkitProviderOptions {
  run?: CommandRunner;
  subject?: () => string;
}

export function createPolkitProvider(options: PolkitProviderOptions = {}): BiometricProvider {
  const run = options.run ?? runCommand;
  const subject = options.subject ?? (() => processSubject());
  return {
    id: 'polkit',
    label: { en: 'System authentication (polkit)', pl: 'Uwierzytelnienie systemowe (polkit)' },
    async available() {
      // Succeeds only with polkitd reachable and our action installed.
      const outcome = await run('pkaction', ['--action-id', POLKIT_ACTION_ID], { timeoutMs: PROBE_TIMEOUT_MS });
      return outcome.exitCode === 0;
    },
    async verify() {
      const outcome = await run(
        'pkcheck',
        ['--action-id', POLKIT_ACTION_ID, '--process', subject(), '--allow-user-interaction'],
        { timeoutMs: PROMPT_TIMEOUT_MS },
      );
      return pkcheckResult(outcome);
    },
  };
}
