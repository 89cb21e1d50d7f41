// Shape checks for data that crossed a boundary (host ⇄ main, isolate ⇄ host, caller ⇄ sandbox).

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isBoundedString(value: unknown, maxChars: number): value is string {
  return typeof value === 'string' && value.length <= maxChars;
}

export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Whether `value` is plain JSON data no deeper than `maxDepth` (deep nesting would overflow recursive code later). */
export function isJsonValue(value: unknown, maxDepth = 64): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (maxDepth <= 0 || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, maxDepth - 1));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((item) => isJsonValue(item, maxDepth - 1));
}

/**
 * How deep JSON from outside may nest (HTTP bodies, IPC requests, `--params`). Nothing Foundry
 * accepts needs more, and recursive code further on (hashing, schema checks) would overflow the
 * stack on 20,000 levels: refusing it at the door is a clear 400, not an internal error.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether arrays and objects in `value` nest deeper than `maxDepth`; stops looking there, so it never recurses further. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (maxDepth <= 0) return true;
  return Object.values(value).some((item) => nestsDeeperThan(item, maxDepth - 1));
}

/** Parses JSON text, answering undefined instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
