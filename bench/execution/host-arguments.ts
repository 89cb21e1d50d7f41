import type { SandboxSkill, SkillCall } from '../../main/skills/sandbox/index.ts';
import { validateExecutionRequest } from '../../main/skills/sandbox/execution-request.ts';
import { DEFAULT_LIMITS, resolveLimits } from '../../main/skills/sandbox/limits.ts';
import type { HostExecutionLimits } from '../../main/skills/sandbox/protocol.ts';
import type { ExecutorMethod } from '../../shared/skills/mod-types.ts';

/** What the host is asked to call for `call`: the method and its JSON arguments. */
export interface HostInvocation {
  method: ExecutorMethod;
  argsJson: string;
}

/** Computed by the sandbox's own request check, so every runner calls the skill exactly as the sandbox would. */
export function hostInvocation(skill: SandboxSkill, call: SkillCall): HostInvocation {
  const valid = validateExecutionRequest({ skill, call, trigger: 'bench', actor: 'system' }, resolveLimits());
  return { method: valid.method, argsJson: JSON.stringify(valid.args) };
}

const { timeoutMs, memoryMb, warmIsolates, maxOutputBytes, maxQueryBytes, maxHostCalls, maxLogEntries, maxLogChars, maxNotifications } = DEFAULT_LIMITS;

/** The per-execution limits the sandbox sends the host, at their defaults. */
export const HOST_LIMITS: HostExecutionLimits = {
  timeoutMs, memoryMb, warmIsolates, maxOutputBytes, maxQueryBytes, maxHostCalls, maxLogEntries, maxLogChars, maxNotifications,
};
