// The registry (seed stage 6): getModExecutor over built-in mods and approved generated skills,
// versions with diffs and rollback, and the lifecycle that archives what nobody uses.
export { createSkillRegistry, type SkillRegistry, type SkillResolution, type UnavailableReason } from './dynamic-registry.ts';
export { DynamicSkillExecutor } from './dynamic-executor.ts';
export { SkillExecutionError } from './skill-execution-error.ts';
export { DASHBOARD_TRIGGER, LOCAL_TENANT, type ExecutionContext } from './execution-context.ts';
export { createRegistryRepositories, type RegistryRepositories } from './registry-repositories.ts';
export { createLifecycleManager, ARCHIVE_AFTER_UNUSED_MS } from './lifecycle-manager.ts';
export { createVersionManager, versionNumber, type RollbackRefusalCode, type RollbackRequest } from './version-manager.ts';
export { versionDiff, type VersionDiff } from './version-diff.ts';
export { isContentIntact } from './content-check.ts';
