// `foundry skills deps SLUG`: what a skill calls (directly and through them), who calls it and what
// it provides, as the service answers it.
import type { SkillDependencies } from '../../../shared/contract/dependency-records.ts';

export function dependencyLines(view: SkillDependencies): string[] {
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : 'none');
  return [
    `${view.slug}`,
    ...(view.disabled ? [`disabled     ${view.disabled.en}`] : []),
    `provides     ${list(view.provides)}`,
    'calls:',
    ...(view.dependencies.length > 0
      ? view.dependencies.map((d) => `  ${d.name}${d.slug && d.slug !== d.name ? ` → ${d.slug}` : ''}${d.problem ? `  (cannot be called: ${d.problem.en})` : ''}`)
      : ['  nothing']),
    `through them ${list(view.indirect)}`,
    `called by    ${list(view.dependents)}`,
  ];
}
