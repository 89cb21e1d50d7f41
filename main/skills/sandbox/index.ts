// The sandbox stage (DESIGN.md): skills run in isolated-vm isolates inside a separate host process.
export { createSandbox, type Sandbox, type SandboxOptions, type ExecutionOutcome } from './sandbox.ts';
export type { ExecutionRequest, SandboxSkill, SkillCall } from './execution-request.ts';
export type { ExecutionNetwork, NetworkLimits } from './execution-network.ts';
export { DEFAULT_CONCURRENCY, type ConcurrencyLimits } from './execution-slots.ts';
export { type SkillCallAnswer, type SkillCallAnswerer, type SkillCallRequest } from './execution-skill-calls.ts';
export { SandboxInputError, type SandboxFailure, type SandboxFailureCode } from './errors.ts';
export { DEFAULT_LIMITS, type SandboxLimits, type ExecutionLimitOverrides } from './limits.ts';
export {
  createNodeLauncher,
  SANDBOX_HOST_EXEC_ARGV,
  type NodeLauncherOptions,
  type SandboxProcess,
  type SandboxProcessExit,
  type SandboxProcessLauncher,
} from './process-launcher.ts';
export type { SkillNotification } from './protocol.ts';
export { createDryRunner, DRY_RUN_TENANT } from './dry-run.ts';
export { checkActionParams, type ParamsCheck } from './action-params.ts';
export { resolveNodeRuntime, RuntimeProblem, type NodeRuntimeChoice, type NodeRuntimeContext, type NodeRuntimeSource } from './runtime/index.ts';
