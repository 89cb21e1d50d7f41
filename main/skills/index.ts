// The skill engine: the pipeline's stages wired to one store and one sandbox host. The sandbox
// host process starts on first use, so opening the engine stays instant.
import type { Actor } from '../../shared/contract/records.ts';
import type { SkillNeed } from '../../shared/skills/need.ts';
import type { FoundryStore } from '../store/index.ts';
import { createSandbox, createDryRunner, createNodeLauncher, type Sandbox, type SandboxLimits, type SandboxProcessLauncher } from './sandbox/index.ts';
import { runPipeline, type PipelineDeps, type PipelineResult } from './pipeline.ts';
import type { SkillGenerator } from './generator/index.ts';
import type { SkillRequest } from './generator/skill-request.ts';

export interface SkillEngineOptions {
  /** The app passes the built host and the Node it resolved; plain Node forks host-entry.ts under itself. */
  launcher?: SandboxProcessLauncher;
  limits?: Partial<SandboxLimits>;
  /** Read for FOUNDRY_NODE by the default launcher; never passed to the sandbox host. */
  env?: NodeJS.ProcessEnv;
}

export interface GenerateOptions {
  generator: SkillGenerator;
  maxAttempts?: number;
  onStep?: PipelineDeps['onStep'];
}

export function createSkillEngine(store: FoundryStore, options: SkillEngineOptions = {}) {
  let sandbox: Sandbox | null = null;
  const launcher = () => options.launcher ?? createNodeLauncher(options.env ? { env: options.env } : {});
  const sandboxOnce = () => (sandbox ??= createSandbox({ store, launcher: launcher(), ...(options.limits ? { limits: options.limits } : {}) }));
  // One pipeline at a time: version numbers are taken from what is stored.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    get sandbox(): Sandbox {
      return sandboxOnce();
    },
    generate(need: SkillNeed | SkillRequest, actor: Actor, generate: GenerateOptions): Promise<PipelineResult> {
      const run = queue.then(() => runPipeline(need, actor, { store, dryRun: createDryRunner(sandboxOnce(), store.db), ...generate }));
      queue = run.catch(() => {});
      return run;
    },
    async close(): Promise<void> {
      await sandbox?.close();
      sandbox = null;
    },
  };
}
export type SkillEngine = ReturnType<typeof createSkillEngine>;
