// A skill's `dependencies` and `provides` (seed 004), and what it calls against them: every
// foundry.skills.call target and every `function` action's skill must be listed in `dependencies`
// (a slug or a capability name, written exactly as called), so what the disclosure shows is all
// the skill can reach; the registry refuses anything else at run time too. Names are checked for
// their form here; whether they resolve to an approved skill is the approval's question.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { isCallableSlug, isCapabilityName } from '../../../shared/skills/dependencies.ts';
import type { FindingSink, Where } from './findings.ts';

export function checkDependencies(manifest: SkillManifest, calledSites: ReadonlyMap<string, TSESTree.Node>, anchor: Where, sink: FindingSink): void {
  const dependencies = manifest.dependencies ?? [];
  const provides = manifest.provides ?? [];
  for (const name of dependencies) {
    if (!isCallableSlug(name) && !isCapabilityName(name)) sink.add('manifest/bad-dependency', anchor, name.slice(0, 120));
    else if (name === manifest.slug || provides.includes(name)) sink.add('manifest/self-dependency', anchor, name);
  }
  for (const name of provides) if (!isCapabilityName(name)) sink.add('manifest/bad-provides', anchor, name.slice(0, 120));
  const declared = new Set(dependencies);
  for (const [name, site] of calledSites) if (!declared.has(name)) sink.add('dependency/undeclared-call', site, name);
  for (const action of manifest.actions ?? []) {
    const target: unknown = action.type === 'function' ? action.function?.skill : undefined;
    if (typeof target === 'string' && !declared.has(target)) sink.add('dependency/undeclared-call', anchor, target.slice(0, 120));
  }
}
