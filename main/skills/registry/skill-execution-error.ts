import type { Localized } from '../../../shared/i18n-types.ts';
import type { ExecutionRecord } from '../../../shared/contract/records.ts';
import type { SandboxFailure } from '../sandbox/index.ts';

/** A generated skill's method failed in the sandbox (or answered with the wrong shape); it changed nothing. */
export class SkillExecutionError extends Error {
  readonly failure: SandboxFailure;
  readonly userMessage: Localized;
  /** The failed execution as recorded. */
  readonly execution: ExecutionRecord;

  constructor(failure: SandboxFailure, execution: ExecutionRecord) {
    super(failure.message.en);
    this.name = 'SkillExecutionError';
    this.failure = failure;
    this.userMessage = failure.message;
    this.execution = execution;
  }
}
