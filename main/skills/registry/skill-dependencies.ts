// How a skill's `dependencies` resolve among what may run now. A dependency names a slug (a
// generated skill's or a built-in mod's) or a capability name, which resolves to the one approved,
// active skill whose running version lists it in `provides` (none, or several, is a problem: the
// owner must choose by archiving one, never the engine by guessing). A skill runs only while each of
// its dependencies, and theirs, can run: an archived or rolled-back dependency disables its
// dependents until it is back, so nothing half-works. The same answers serve the registry (may it
// run?), the approval (may it be deployed?) and the window (what does it depend on?).
import type { Localized } from '../../../shared/i18n-types.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { isCapabilityName } from '../../../shared/skills/dependencies.ts';
import type { SkillDependencies } from '../../../shared/contract/dependency-records.ts';

/** How deep a chain of calls may go (skill-calls.ts); dependencies are followed no deeper. */
export const MAX_CALL_DEPTH = 3;

/** What a slug would run on its own account, its dependencies not considered. */
export type OwnResolution =
  | { kind: 'builtin' }
  /** `newerApproved`: the skill was rolled back from this approved version (it runs, but not as its dependents knew it). */
  | { kind: 'dynamic'; version: SkillVersionRecord; newerApproved: string | null }
  | { kind: 'unavailable'; reason: string };

export interface DependencyCatalog {
  own(slug: string): OwnResolution;
  /** Every skill whose active version is approved, with that version. */
  running(): readonly SkillVersionRecord[];
}

export type DependencyProblem =
  | { kind: 'unavailable'; name: string; reason: string }
  | { kind: 'no-provider'; name: string }
  | { kind: 'ambiguous'; name: string; providers: string[] }
  | { kind: 'rolled-back'; name: string; slug: string; version: string; newest: string }
  /** `name` resolves, but cannot run itself: `because` says why. */
  | { kind: 'disabled'; name: string; slug: string; because: DependencyProblem };

export type DependencyTarget = { ok: true; slug: string } | { ok: false; problem: DependencyProblem };

export const dependenciesOf = (manifest: SkillManifest): readonly string[] => manifest.dependencies ?? [];

/** Which running skills provide `capability`, by slug. */
export function providersOf(catalog: DependencyCatalog, capability: string): string[] {
  return catalog
    .running()
    .filter((version) => (version.manifest.provides ?? []).includes(capability) && catalog.own(version.slug).kind === 'dynamic')
    .map((version) => version.slug)
    .sort();
}

/** The slug a dependency name reaches now, or why it reaches nothing. */
export function targetOf(catalog: DependencyCatalog, name: string): DependencyTarget {
  if (isCapabilityName(name)) {
    const providers = providersOf(catalog, name);
    if (providers.length === 0) return { ok: false, problem: { kind: 'no-provider', name } };
    if (providers.length > 1) return { ok: false, problem: { kind: 'ambiguous', name, providers } };
    return rolledBack(catalog, name, providers[0]!);
  }
  const own = catalog.own(name);
  return own.kind === 'unavailable' ? { ok: false, problem: { kind: 'unavailable', name, reason: own.reason } } : rolledBack(catalog, name, name);
}

/** A dependency rolled back to an older version disables its dependents until it is back on its newest. */
function rolledBack(catalog: DependencyCatalog, name: string, slug: string): DependencyTarget {
  const own = catalog.own(slug);
  if (own.kind !== 'dynamic' || own.newerApproved === null) return { ok: true, slug };
  return { ok: false, problem: { kind: 'rolled-back', name, slug, version: own.version.version, newest: own.newerApproved } };
}

/** The first dependency of `manifest` (followed MAX_CALL_DEPTH deep) that cannot run, or null. */
export function dependencyProblem(catalog: DependencyCatalog, manifest: SkillManifest, depth = 1, seen: ReadonlySet<string> = new Set([manifest.slug])): DependencyProblem | null {
  for (const name of dependenciesOf(manifest)) {
    const target = targetOf(catalog, name);
    if (!target.ok) return target.problem;
    if (depth >= MAX_CALL_DEPTH || seen.has(target.slug)) continue;
    const own = catalog.own(target.slug);
    if (own.kind !== 'dynamic') continue;
    const because = dependencyProblem(catalog, own.version.manifest, depth + 1, new Set([...seen, target.slug]));
    if (because) return { kind: 'disabled', name, slug: target.slug, because };
  }
  return null;
}

/**
 * A path of dependencies from `manifest`'s skill back to itself, among running skills (with
 * `manifest` standing for its skill's running version), or null. Approving a version that closes a
 * loop is refused: at run time every call in it would be refused anyway.
 */
export function dependencyCycle(catalog: DependencyCatalog, manifest: SkillManifest): string[] | null {
  const start = manifest.slug;
  const edges = (of: SkillManifest): string[] => dependenciesOf(of).flatMap((name) => {
    const target = targetOf(catalog, name);
    return target.ok ? [target.slug] : [];
  });
  const visit = (slug: string, path: string[], visited: Set<string>): string[] | null => {
    const own = slug === start ? null : catalog.own(slug);
    const next = slug === start ? edges(manifest) : own?.kind === 'dynamic' ? edges(own.version.manifest) : [];
    for (const target of next) {
      if (target === start) return [...path, target];
      if (visited.has(target)) continue;
      visited.add(target);
      const found = visit(target, [...path, target], visited);
      if (found) return found;
    }
    return null;
  };
  return visit(start, [start], new Set());
}

/** Running skills that name `slug` (or a capability its running version provides) among their dependencies. */
export function dependentsOf(catalog: DependencyCatalog, slug: string): string[] {
  const own = catalog.own(slug);
  const provided = own.kind === 'dynamic' ? own.version.manifest.provides ?? [] : [];
  return catalog
    .running()
    .filter((version) => version.slug !== slug && dependenciesOf(version.manifest).some((name) => name === slug || provided.includes(name)))
    .map((version) => version.slug)
    .sort();
}

/** What the owner reads about a dependency that cannot run. */
export function describeDependencyProblem(problem: DependencyProblem): Localized {
  switch (problem.kind) {
    case 'unavailable':
      return problem.reason === 'archived'
        ? { en: `depends on ${problem.name}, which was archived`, pl: `zależy od ${problem.name}, który został zarchiwizowany` }
        : problem.reason === 'not-found'
          ? { en: `depends on ${problem.name}, which does not exist`, pl: `zależy od ${problem.name}, który nie istnieje` }
          : { en: `depends on ${problem.name}, which is not approved and running`, pl: `zależy od ${problem.name}, który nie jest zatwierdzony ani uruchomiony` };
    case 'no-provider':
      return { en: `depends on the capability ${problem.name}, which no approved skill provides`, pl: `zależy od możliwości ${problem.name}, której nie zapewnia żaden zatwierdzony skill` };
    case 'ambiguous': {
      const names = problem.providers.join(', ');
      return {
        en: `depends on the capability ${problem.name}, which several skills provide (${names}); archive all but one`,
        pl: `zależy od możliwości ${problem.name}, którą zapewnia kilka skilli (${names}); zarchiwizuj wszystkie poza jednym`,
      };
    }
    case 'rolled-back':
      return {
        en: `depends on ${problem.slug}, which was rolled back to v${problem.version}; it runs again once ${problem.slug} is back on v${problem.newest} or newer`,
        pl: `zależy od ${problem.slug}, który został cofnięty do wersji v${problem.version}; zadziała znowu, gdy ${problem.slug} wróci do v${problem.newest} lub nowszej`,
      };
    case 'disabled': {
      const inner = describeDependencyProblem(problem.because);
      return { en: `depends on ${problem.slug}, which cannot run: it ${inner.en}`, pl: `zależy od ${problem.slug}, który nie może działać: ${inner.pl}` };
    }
  }
}

export type ApprovalDependencyCode = 'dependency-not-ready' | 'dependency-cycle';

/**
 * Why a version with this manifest may not be approved now: a dependency that is not approved and
 * running (it would be disabled from its first run), or a loop of dependencies it would close.
 */
export function approvalDependencyProblem(catalog: DependencyCatalog, manifest: SkillManifest): { code: ApprovalDependencyCode; message: Localized } | null {
  const problem = dependencyProblem(catalog, manifest);
  if (problem) {
    const why = describeDependencyProblem(problem);
    return {
      code: 'dependency-not-ready',
      message: { en: `This version cannot be approved yet: it ${why.en}. Approve that first.`, pl: `Tej wersji nie można jeszcze zatwierdzić: ${why.pl}. Najpierw zatwierdź tamten.` },
    };
  }
  const cycle = dependencyCycle(catalog, manifest);
  if (!cycle) return null;
  const loop = cycle.join(' → ');
  return {
    code: 'dependency-cycle',
    message: { en: `This version cannot be approved: its dependencies go round in a circle (${loop}).`, pl: `Tej wersji nie można zatwierdzić: jej zależności zataczają koło (${loop}).` },
  };
}

/** `manifest`'s skill among the others: what it calls (directly and through them), who calls it, what it offers. */
export function dependencyView(catalog: DependencyCatalog, manifest: SkillManifest): SkillDependencies {
  const dependencies = dependenciesOf(manifest).map((name) => {
    const target = targetOf(catalog, name);
    const slug = target.ok ? target.slug : target.problem.kind === 'rolled-back' ? target.problem.slug : null;
    return { name, slug, problem: target.ok ? null : describeDependencyProblem(target.problem) };
  });
  const direct = new Set(dependencies.flatMap((d) => (d.slug ? [d.slug] : [])));
  const indirect = new Set<string>();
  let frontier = [...direct];
  for (let depth = 1; depth < MAX_CALL_DEPTH && frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const slug of frontier) {
      const own = catalog.own(slug);
      if (own.kind !== 'dynamic') continue;
      for (const name of dependenciesOf(own.version.manifest)) {
        const target = targetOf(catalog, name);
        if (!target.ok || target.slug === manifest.slug || direct.has(target.slug) || indirect.has(target.slug)) continue;
        indirect.add(target.slug);
        next.push(target.slug);
      }
    }
    frontier = next;
  }
  const problem = dependencyProblem(catalog, manifest);
  return {
    slug: manifest.slug,
    provides: [...(manifest.provides ?? [])],
    dependencies,
    indirect: [...indirect].sort(),
    dependents: dependentsOf(catalog, manifest.slug),
    disabled: problem ? describeDependencyProblem(problem) : null,
  };
}
