import type { Localized } from '../../../shared/i18n-types.ts';

export type GeneratorErrorCode =
  /** Claude answered, but not with a usable `submit_skill` call. */
  | 'generator/malformed-answer'
  | 'generator/timeout'
  | 'generator/rate-limited'
  | 'generator/unauthorized'
  /** Network failure, overload or a server error on the model's side. */
  | 'generator/unavailable'
  /** The API refused the request itself (unknown model, request too large). */
  | 'generator/request-refused'
  /** The need cannot name a skill (nothing usable left of its subject). */
  | 'generator/invalid-need'
  /** The words are not a skill request: the detector's reason for the built-in generator, the model's own for a model. */
  | 'generator/not-a-request'
  /** The configured model id is unknown or retired; the message names the replacement. */
  | 'generator/unknown-model'
  /** The built-in generator is deterministic: asking it again gives the same answer. */
  | 'generator/cannot-repair'
  /** The owner's generator settings (API key, model) were refused or cannot be used here. */
  | 'generator/invalid-settings'
  | 'skill-md/invalid'
  | 'skill-folder/invalid'
  /** Export refuses to write over an existing folder. */
  | 'skill-folder/exists'
  | 'candidate/invalid';

/**
 * Every failure of the generator stage. `message` is for the owner; `details` are technical lines
 * (schema paths, file names) for the review window. Neither ever holds an API key.
 */
export class GeneratorError extends Error {
  readonly code: GeneratorErrorCode;
  readonly userMessage: Localized;
  readonly details: string[];
  /** For `generator/rate-limited`: how long the API asked us to wait. */
  readonly retryAfterSeconds: number | undefined;
  /** The model cannot be reached, and the built-in generator can write this request: the owner may choose it. */
  readonly offlineCanServe: boolean;

  constructor(code: GeneratorErrorCode, userMessage: Localized, options: { details?: string[]; retryAfterSeconds?: number; offlineCanServe?: boolean } = {}) {
    super(userMessage.en);
    this.name = 'GeneratorError';
    this.code = code;
    this.userMessage = userMessage;
    this.details = options.details ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.offlineCanServe = options.offlineCanServe ?? false;
  }

  toJSON() {
    return {
      code: this.code,
      message: this.userMessage,
      details: this.details,
      ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds }),
      ...(this.offlineCanServe ? { offlineCanServe: true } : {}),
    };
  }
}
