import type { Localized } from '../../../shared/i18n-types.ts';

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
export class ActionRefusedError extends Error {
  readonly code: ActionRefusalCode;
  readonly userMessage: Localized;

  constructor(code: ActionRefusalCode, userMessage: Localized) {
    super(userMessage.en);
    this.name = 'ActionRefusedError';
    this.code = code;
    this.userMessage = userMessage;
  }
}
