/** Keys that, copied out of parsed JSON by Object.assign or a spread, reach an object's prototype. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first prototype-reaching key anywhere in a JSON text, or null (also for text that is not
 * JSON: JSON.parse would throw on it). The text is a folded constant, capped in size by the
 * evaluator, so parsing it here costs at most a few milliseconds.
 */
export function dangerousJsonKey(text: string): string | null {
  let found: string | null = null;
  try {
    JSON.parse(text, function (key) {
      // The reviver sees every key, nested ones first; `this` is the holder, left untouched.
      if (found === null && PROTOTYPE_KEYS.has(key)) found = key;
      return undefined;
    });
  } catch {
    return null;
  }
  return found;
}
