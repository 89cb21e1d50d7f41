// What a skill may name in `dependencies` and `provides` (seed 004): a skill's slug (`custom-…` or a
// built-in mod's) or a capability name (`water.log`) that another skill advertises in `provides`.
import { BUILTIN_MOD_SLUGS, isCustomModSlug } from './mod-types.ts';

/** Dotted lowercase words, at least two: `water.log`, `home.lights-off`. Never a slug (no dot there). */
export const CAPABILITY_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

export const MAX_CAPABILITY_NAME_CHARS = 100;

export function isCapabilityName(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_CAPABILITY_NAME_CHARS && CAPABILITY_NAME.test(value);
}

/** A slug a dependency may name: a generated skill's or a built-in mod's. */
export function isCallableSlug(value: unknown): boolean {
  return isCustomModSlug(value) || (BUILTIN_MOD_SLUGS as readonly unknown[]).includes(value);
}
