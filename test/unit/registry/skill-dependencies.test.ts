// The dependency graph over a catalog of running skills, without a sandbox: how names resolve, why a
// skill is disabled through a chain, and which loops an approval would close.
import { describe, expect, it } from 'vitest';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { emptyCapabilities, type SkillManifest } from '../../../shared/skills/manifest.ts';
import {
  approvalDependencyProblem, dependencyProblem, dependencyView, describeDependencyProblem, type DependencyCatalog, type OwnResolution,
} from '../../../main/skills/registry/skill-dependencies.ts';

function manifest(slug: string, dependencies: string[] = [], provides: string[] = []): SkillManifest {
  return { slug: slug as SkillManifest['slug'], name: slug, description: '', version: '1.0.0', capabilities: emptyCapabilities(), config_schema: {}, dependencies, provides };
}

/** Running skills by manifest; `archived` ones resolve as archived, `rolledBack` ones as rolled back from 2.0.0. */
function catalog(running: SkillManifest[], options: { archived?: string[]; rolledBack?: string[] } = {}): DependencyCatalog {
  const versions = running.map((m) => ({ slug: m.slug, version: '1.0.0', manifest: m }) as unknown as SkillVersionRecord);
  return {
    own(slug): OwnResolution {
      if (slug === 'sleep-tracker') return { kind: 'builtin' };
      if (options.archived?.includes(slug)) return { kind: 'unavailable', reason: 'archived' };
      const version = versions.find((v) => v.slug === slug);
      if (!version) return { kind: 'unavailable', reason: 'not-found' };
      return { kind: 'dynamic', version, newerApproved: options.rolledBack?.includes(slug) ? '2.0.0' : null };
    },
    running: () => versions.filter((v) => !options.archived?.includes(v.slug)),
  };
}

describe('the dependency graph', () => {
  it('disables a skill whose dependency’s dependency was archived, saying so through the chain', () => {
    const c = manifest('custom-c');
    const b = manifest('custom-b', ['custom-c']);
    const a = manifest('custom-a', ['custom-b']);
    const problem = dependencyProblem(catalog([a, b, c], { archived: ['custom-c'] }), a);
    expect(describeDependencyProblem(problem!).en).toBe('depends on custom-b, which cannot run: it depends on custom-c, which was archived');
  });

  it('resolves a capability to its one provider, and names every provider when there are several', () => {
    const a = manifest('custom-a', ['water.log']);
    expect(dependencyView(catalog([a, manifest('custom-water', [], ['water.log'])]), a).dependencies).toEqual([{ name: 'water.log', slug: 'custom-water', problem: null }]);
    const twice = catalog([a, manifest('custom-water', [], ['water.log']), manifest('custom-spring', [], ['water.log'])]);
    expect(describeDependencyProblem(dependencyProblem(twice, a)!).en).toContain('several skills provide (custom-spring, custom-water)');
  });

  it('lets a built-in mod be a dependency', () => {
    expect(dependencyProblem(catalog([]), manifest('custom-a', ['sleep-tracker']))).toBeNull();
  });

  it('disables the dependents of a skill rolled back to an older version', () => {
    const a = manifest('custom-a', ['custom-b']);
    const problem = dependencyProblem(catalog([a, manifest('custom-b')], { rolledBack: ['custom-b'] }), a);
    expect(describeDependencyProblem(problem!).en).toBe('depends on custom-b, which was rolled back to v1.0.0; it runs again once custom-b is back on v2.0.0 or newer');
  });

  it('refuses to approve a version that closes a loop, through a capability too', () => {
    const b = manifest('custom-b', ['custom-a']);
    const c = manifest('custom-c', ['custom-b'], ['morning.start']);
    const next = manifest('custom-a', ['morning.start']);
    const refused = approvalDependencyProblem(catalog([b, c, manifest('custom-a')]), next);
    expect(refused).toMatchObject({ code: 'dependency-cycle' });
    expect(refused!.message.en).toContain('custom-a → custom-c → custom-b → custom-a');
    expect(approvalDependencyProblem(catalog([c, manifest('custom-b')]), next)).toBeNull();
  });

  it('shows what is reached through the direct dependencies, at most three calls deep', () => {
    const skills = [manifest('custom-a', ['custom-b']), manifest('custom-b', ['custom-c']), manifest('custom-c', ['custom-d']), manifest('custom-d', ['custom-e']), manifest('custom-e')];
    expect(dependencyView(catalog(skills), skills[0]!)).toMatchObject({ indirect: ['custom-c', 'custom-d'], dependents: [] });
    expect(dependencyView(catalog(skills), skills[2]!)).toMatchObject({ dependents: ['custom-b'] });
  });
});
