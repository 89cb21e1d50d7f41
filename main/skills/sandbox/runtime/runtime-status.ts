import type { SandboxRuntimeStatus } from '../../../../shared/contract/records.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import type { NodeRuntimeChoice } from './node-runtime.ts';

/** What the owner is shown about the sandbox's runtime; the supervisor reports each step. */
export class RuntimeStatusTracker {
  private state: SandboxRuntimeStatus['state'] = 'not-started';
  private version: string | null = null;
  private problem: Localized | null = null;

  private readonly runtime: NodeRuntimeChoice;

  constructor(runtime: NodeRuntimeChoice) {
    this.runtime = runtime;
  }

  starting(): void {
    if (this.state !== 'failed') this.state = 'starting';
  }

  checked(version: string): void {
    this.version = version;
  }

  ready(): void {
    this.state = 'ready';
    this.problem = null;
  }

  failed(problem: Localized): void {
    this.state = 'failed';
    this.problem = problem;
  }

  status(): SandboxRuntimeStatus {
    return {
      nodePath: this.runtime.path,
      source: this.runtime.source,
      nodeVersion: this.version,
      state: this.state,
      problem: this.problem,
    };
  }
}
