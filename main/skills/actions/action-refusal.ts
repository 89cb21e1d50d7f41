import { CodedError } from '../../../shared/coded-error.ts';

export type ActionRefusalCode =
  | 'permission-denied'
  | 'consent-denied'
  | 'consent-timed-out'
  | 'consent-unavailable'
  | 'shell-off'
  | 'shell-unconfirmed'
  | 'shell-pin-unproven'
  | 'shell-executable-changed'
  | 'shell-executable-missing'
  | 'shell-no-folder'
  | 'shell-cwd-outside'
  | 'shell-argv-refused'
  | 'code-action-missing';

/** An action's policy refused this run before anything ran; nothing changed and nothing was recorded as executed. */
export class ActionRefusedError extends CodedError<ActionRefusalCode> {
  override name = 'ActionRefusedError';
}
