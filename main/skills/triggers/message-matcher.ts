// Does a message fire an onMessage trigger? Phrases go through the detector's own reading of text
// (normalize, tokenize, the lexicon's subjects), so "woda" matches "wypiłem wodę" exactly when the
// pattern detector would count that message as being about water; words the lexicon does not know
// match as written (any case). Patterns are anchored regular expressions compiled by re2js, whose
// time is linear in the text, within a work budget shared by every pattern checked for one message.
import { RE2JS } from 're2js';
import type { Localized } from '../../../shared/i18n-types.ts';
import { findSubjects } from '../detector/subjects.ts';
import { normalize, tokenize } from '../detector/text.ts';
import { MATCH_WORK_PER_EVENT, MAX_PATTERN_PROGRAM_SIZE } from './trigger-limits.ts';

/** A text as the detector reads it: subjects by their key, other words as written, clause breaks. */
function units(text: string): string[] {
  const tokens = tokenize(normalize(text));
  const subjects = new Map(findSubjects(tokens).map((mention) => [mention.start, mention]));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const subject = subjects.get(i);
    if (subject) {
      out.push(`subject:${subject.entry.key}`);
      i = subject.end - 1;
    } else {
      out.push(tokens[i]!.isBreak ? '|' : `word:${tokens[i]!.text}`);
    }
  }
  return out;
}

/** The phrase's units, or why it cannot be a phrase (no words, or a clause break inside). */
export function phraseProblem(phrase: string): Localized | null {
  const read = units(phrase);
  if (read.length === 0) return { en: 'it has no words', pl: 'nie ma w niej słów' };
  if (read.includes('|')) return { en: 'it holds punctuation that splits it', pl: 'zawiera znak interpunkcyjny, który ją dzieli' };
  return null;
}

const isAnchored = (pattern: string) => pattern.startsWith('^') && pattern.endsWith('$') && !pattern.endsWith('\\$');

/** The compiled pattern, or why it is refused: not anchored, not RE2 syntax, or too large a program. */
export function compilePattern(pattern: string): { ok: true; regex: RE2JS } | { ok: false; problem: Localized } {
  if (!isAnchored(pattern)) return { ok: false, problem: { en: 'it must be anchored: start with ^ and end with $', pl: 'musi być zakotwiczony: zaczynać się od ^ i kończyć na $' } };
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(RE2JS.translateRegExp(pattern), RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { en: `the linear-time engine (RE2) cannot compile it: ${reason}`, pl: `silnik o liniowym czasie (RE2) nie potrafi go skompilować: ${reason}` } };
  }
  if (regex.programSize() > MAX_PATTERN_PROGRAM_SIZE) {
    return { ok: false, problem: { en: `it is too complex (${regex.programSize()} steps; at most ${MAX_PATTERN_PROGRAM_SIZE})`, pl: `jest zbyt złożony (${regex.programSize()} kroków; najwyżej ${MAX_PATTERN_PROGRAM_SIZE})` } };
  }
  return { ok: true, regex };
}

// Phrases and patterns of approved versions, read or compiled once: the same few are checked
// against every message. Bounded, as the set of approved versions changes over time.
const MAX_CACHED = 4096;
const compiled = new Map<string, RE2JS | null>();
const phraseUnits = new Map<string, string[]>();

function cachedUnits(phrase: string): string[] {
  let read = phraseUnits.get(phrase);
  if (read === undefined) {
    if (phraseUnits.size >= MAX_CACHED) phraseUnits.clear();
    read = units(phrase);
    phraseUnits.set(phrase, read);
  }
  return read;
}

function cachedPattern(pattern: string): RE2JS | null {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    const result = compilePattern(pattern);
    regex = result.ok ? result.regex : null;
    compiled.set(pattern, regex);
  }
  return regex;
}

const containsRun = (haystack: readonly string[], needle: readonly string[]) =>
  needle.length > 0 && haystack.some((_, i) => needle.every((unit, j) => haystack[i + j] === unit));

/** One message, read once, matched against any number of triggers within one work budget. */
export function readMessage(text: string) {
  const read = units(text);
  let workLeft = MATCH_WORK_PER_EVENT;
  return {
    mentions: (phrase: string): boolean => containsRun(read, cachedUnits(phrase)),
    /** False for a pattern that would not compile (the audit refuses those) or that no longer fits the budget. */
    matches(pattern: string): boolean {
      const regex = cachedPattern(pattern);
      if (!regex) return false;
      workLeft -= regex.programSize() * text.length;
      return workLeft >= 0 && regex.matcher(text).find();
    },
  };
}
