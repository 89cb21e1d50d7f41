import type { Span } from './cadence.ts';

// "w litrach" / "in miles": a unit the person named overrides the subject's default.
const UNIT_PHRASES: [unit: string, pattern: string][] = [
  ['ml', 'w\\s+mililitrach|in\\s+(?:ml|millilit(?:er|re)s)'],
  ['l', 'w\\s+litrach|in\\s+(?:liters|litres)'],
  ['szklanki', 'w\\s+szklankach'],
  ['glasses', 'in\\s+glasses'],
  ['cups', 'in\\s+cups'],
  ['km', 'w\\s+kilometrach|in\\s+(?:km|kilomet(?:er|re)s)'],
  ['mi', 'in\\s+miles'],
  ['min', 'w\\s+minutach|in\\s+minutes'],
  ['h', 'w\\s+godzinach|in\\s+hours'],
  ['kg', 'w\\s+(?:kilogramach|kilo|kg)|in\\s+(?:kg|kilograms|kilos)'],
  ['lb', 'in\\s+(?:pounds|lbs)'],
  ['kcal', 'w\\s+kaloriach|in\\s+calories'],
  ['strony', 'w\\s+stronach'],
  ['pages', 'in\\s+pages'],
  ['zł', 'w\\s+(?:złotych|złotówkach|zł)'],
  ['PLN', 'in\\s+(?:zloty|złoty|pln)'],
  ['EUR', 'w\\s+euro|in\\s+euros?'],
  ['USD', 'w\\s+dolarach|in\\s+dollars'],
];

const RULES = UNIT_PHRASES.map(([unit, source]) => ({ unit, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu') }));

/** The unit named explicitly in the request, with where it was said; null when none was. */
export function findExplicitUnit(normalized: string): { unit: string; span: Span } | null {
  for (const { unit, pattern } of RULES) {
    pattern.lastIndex = 0;
    const m = pattern.exec(normalized);
    if (m) return { unit, span: { start: m.index, end: m.index + m[0].length } };
  }
  return null;
}
