// A skill's place among the others (seed 004 §5), as the window, the API and the CLI show it.
import type { Localized } from '../i18n-types.ts';

export interface DependencyLink {
  /** As the manifest lists it: a slug or a capability name (`water.log`). */
  name: string;
  /** The skill it reaches now; null when it reaches none. */
  slug: string | null;
  /** Why it cannot be called now; null when it can. */
  problem: Localized | null;
}

export interface SkillDependencies {
  slug: string;
  /** Capability names this skill offers others. */
  provides: string[];
  /** What its running (or, before approval, its newest) version may call directly. */
  dependencies: DependencyLink[];
  /** Skills reached only through those, at most three calls deep. */
  indirect: string[];
  /** Running skills that call this one (by slug or through what it provides). */
  dependents: string[];
  /** Why this skill cannot run because of a dependency; null when nothing stops it. */
  disabled: Localized | null;
}
