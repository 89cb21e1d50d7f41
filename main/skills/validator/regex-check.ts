interface Group {
  /** Whether something inside repeats without bound (`+`, `*`, `{n,}`). */
  repeats: boolean;
}

const GROUP_PREFIX = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/;
const BRACE_QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;

/**
 * Whether a regular expression repeats something that itself repeats, like `(a+)+` or `(\w+\s?)*`:
 * the shape behind catastrophic backtracking. A deliberately simple, linear scan; it errs towards
 * reporting (a separator inside the group, as in `(\d+,)*`, would make it safe).
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const open: Group[] = [{ repeats: false }];
  let previous: Group | null = null;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    const quantifier = quantifierAt(pattern, i);
    if (quantifier) {
      i += quantifier.length;
      if (pattern[i] === '?') i++;
      if (quantifier.unbounded) {
        if (previous?.repeats) return true;
        markRepeats(open);
      }
      previous = null;
      continue;
    }
    if (c === '\\') {
      i += 2;
      previous = { repeats: false };
    } else if (c === '[') {
      i = skipClass(pattern, i);
      previous = { repeats: false };
    } else if (c === '(') {
      open.push({ repeats: false });
      i += 1 + (GROUP_PREFIX.exec(pattern.slice(i + 1, i + 40))?.[0].length ?? 0);
      previous = null;
    } else if (c === ')') {
      previous = open.length > 1 ? (open.pop() ?? null) : null;
      if (previous?.repeats) markRepeats(open);
      i++;
    } else {
      previous = c === '|' ? null : { repeats: false };
      i++;
    }
  }
  return false;
}

function markRepeats(open: Group[]): void {
  const current = open.at(-1);
  if (current) current.repeats = true;
}

function quantifierAt(pattern: string, i: number): { length: number; unbounded: boolean } | null {
  const c = pattern[i];
  if (c === '*' || c === '+') return { length: 1, unbounded: true };
  if (c === '?') return { length: 1, unbounded: false };
  if (c !== '{') return null;
  const match = BRACE_QUANTIFIER.exec(pattern.slice(i, i + 24));
  if (!match) return null;
  return { length: match[0].length, unbounded: match[2] !== undefined && match[3] === '' };
}

function skipClass(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}
