// Whether each skill a proposal may call can change data, for its risk: calling a skill that only
// reads is less than calling one that writes. Judged on what the name reaches when the proposal is
// made (the running version of a slug; the one running skill that provides a capability name). A
// name that reaches nothing, or several skills, or a built-in mod (whose code the audit never
// reads) is left out, and the risk counts what is left out as writing.
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { isCapabilityName } from '../../../shared/skills/dependencies.ts';
import type { VersionsRepository } from '../../store/repositories/versions.ts';

/** It writes, or it calls other skills (which might). */
const canWrite = (version: SkillVersionRecord) =>
  version.manifest.capabilities.writes.length > 0 || version.manifest.capabilities.skills.length > 0 || (version.manifest.dependencies ?? []).length > 0;

export function dependencyWrites(versions: Pick<VersionsRepository, 'active' | 'running'>, names: Iterable<string>): Record<string, boolean> {
  const answers: Record<string, boolean> = {};
  for (const name of new Set(names)) {
    const reached = isCapabilityName(name)
      ? versions.running().filter((v) => (v.manifest.provides ?? []).includes(name))
      : [versions.active(name)].filter((v): v is SkillVersionRecord => v !== null);
    if (reached.length === 1) answers[name] = canWrite(reached[0]!);
  }
  return answers;
}
