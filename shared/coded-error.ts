import type { Localized } from './i18n-types.ts';

/**
 * A refusal with a machine-readable code and the message a person reads, in both languages
 * (`message` is the English). Subclasses set `name` as a literal: a bundler may rename classes.
 */
export class CodedError<Code extends string> extends Error {
  readonly code: Code;
  readonly userMessage: Localized;

  constructor(code: Code, userMessage: Localized) {
    super(userMessage.en);
    this.code = code;
    this.userMessage = userMessage;
  }
}
