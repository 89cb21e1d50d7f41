// A short text a manifest gives in both languages and the window quotes inside a sentence (an
// action's label, a table's label): one line each, so it can never forge a line of its own.

const isLine = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max && !/[\p{Cc}\u2028\u2029]/u.test(value);

/** `{ en, pl }`, nothing else, each a non-empty line of at most `max` characters. */
export function isLocalizedLine(value: unknown, max: number): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && isLine((value as Record<string, unknown>).en, max) && isLine((value as Record<string, unknown>).pl, max) && Object.keys(value).length === 2;
}
