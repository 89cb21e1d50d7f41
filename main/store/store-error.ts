import type { Localized } from '../../shared/i18n-types.ts';

export type StoreErrorCode = 'corrupt' | 'newer-version' | 'not-foundry' | 'unreadable';

/** A database the app must not touch; the message tells the owner what happened and what to do. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly file: string;
  readonly userMessage: Localized;

  constructor(code: StoreErrorCode, file: string, userMessage: Localized, options?: { cause?: unknown }) {
    super(`${userMessage.en} (${file})`, options);
    this.name = 'StoreError';
    this.code = code;
    this.file = file;
    this.userMessage = userMessage;
  }
}
