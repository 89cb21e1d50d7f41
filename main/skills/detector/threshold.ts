import type { NeedThreshold } from '../../../shared/skills/need.ts';
import type { Span } from './cadence.ts';

// A limit with its direction: "więcej niż 500 zł", "under 6 hours", "at least 8 glasses".
// "co najmniej" / "at least" is a goal: the warning comes while the total is below it.
const ABOVE = 'więcej\\s+niż|ponad|powyżej|przekrocz\\p{L}*|najwyżej|maksymalnie|more\\s+than|over|above|exceed\\p{L}*|at\\s+most|>';
const BELOW = 'mniej\\s+niż|poniżej|co\\s+najmniej|przynajmniej|minimum|less\\s+than|fewer\\s+than|under|below|at\\s+least|<';
const NUMBER = '(\\d{1,3}(?:[\\s\\u00a0]\\d{3})+|\\d+)(?:[.,](\\d+))?';
const PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(${ABOVE}|${BELOW})\\s*${NUMBER}(?!\\p{N})`, 'gu');
const BELOW_WORDS = new RegExp(`^(?:${BELOW})$`, 'u');

/** The first limit named with a direction, and where; null when the request names none. */
export function findThreshold(normalized: string): { threshold: NeedThreshold; span: Span } | null {
  PATTERN.lastIndex = 0;
  const m = PATTERN.exec(normalized);
  if (!m) return null;
  const limit = Number(`${m[2]!.replace(/\D/g, '')}${m[3] ? `.${m[3]}` : ''}`);
  if (!(limit > 0)) return null;
  const direction = BELOW_WORDS.test(m[1]!) ? 'below' : 'above';
  return { threshold: { direction, limit }, span: { start: m.index, end: m.index + m[0].length } };
}
