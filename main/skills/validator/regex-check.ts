// Whether a regular expression can backtrack catastrophically, decided by redos-detector: it walks
// every pair of ways a pattern could match the same text and scores how many backtracks that can
// cost. A pattern it cannot finish checking within its step budget (or cannot parse) is treated
// as unsafe: the audit reports what it cannot prove harmless.
//
// The pattern is checked as one attempt anchored at the start. An unanchored search also retries
// from every position, which makes even /(ab)*c/ quadratic; that cost is bounded by the isolate's
// time limit and is no reason to refuse a skill. What the rule refuses is the blow-up within one
// attempt: (a+)+, (\w|[0-9])*, (.*a){25}.
//
// Schema patterns never run with backtracking on main (ajv uses a linear-time engine, see
// main/json-schema.ts), and regexes in a skill's code run only inside the isolate's time limit;
// this check is what the owner reads, before either runs.
import { isSafePattern } from 'redos-detector';

/**
 * Steps redos-detector may take per pattern. Deterministic (unlike its wall-clock timeout), and
 * enough for every ordinary pattern we tried; a pattern that needs more is reported.
 */
const MAX_STEPS = 2_000;

/** Whether `pattern` (with JavaScript `flags`) may take super-linear time on some text. */
export function backtracksCatastrophically(pattern: string, flags = ''): boolean {
  const options = { maxSteps: MAX_STEPS, caseInsensitive: flags.includes('i'), dotAll: flags.includes('s'), multiLine: flags.includes('m') };
  const attempt = `^(?:${pattern})`;
  try {
    return !isSafePattern(attempt, { ...options, unicode: flags.includes('u') || flags.includes('v') }).safe;
  } catch {
    // Named groups and \p{…} parse only in unicode mode; anything else unparseable is unproven.
    try {
      return !isSafePattern(attempt, { ...options, unicode: true }).safe;
    } catch {
      return true;
    }
  }
}
