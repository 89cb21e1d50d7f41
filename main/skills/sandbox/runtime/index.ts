// The sandbox host's runtime: which Node runs it, whether that Node can, and what it inherits.
export { resolveNodeRuntime, bundledRuntimePath, type NodeRuntimeChoice, type NodeRuntimeContext, type NodeRuntimeSource } from './node-runtime.ts';
export { checkNodeRuntime, probeNodeVersion, MIN_NODE_MAJOR, type VersionProbe } from './runtime-check.ts';
export { RuntimeProblem, runtimeMessages } from './runtime-messages.ts';
export { RuntimeStatusTracker } from './runtime-status.ts';
export { sandboxHostEnv } from './host-environment.ts';
