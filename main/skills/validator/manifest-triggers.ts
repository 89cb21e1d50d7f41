// The triggers a manifest declares (issue 13 §2): what starts the skill with nobody asking at that
// moment. The threat is a skill that runs more often, or on more of the conversation, than the
// owner understood from the disclosure, or whose matching could hold main while an event waits for
// its answer. Contract, and why each limit exists (main/skills/triggers/trigger-limits.ts):
// - only the kinds of TRIGGER_KINDS, each entry only its own fields: a misspelt field would be a
//   condition that silently never applies;
// - each names an action the skill has (declared in the manifest or listed by getActions()), with
//   fixed params as a JSON object of at most MAX_TRIGGER_PARAMS_BYTES; the action's params_schema
//   checks them again at each run;
// - onMessage and onToolUse have at most MAX_TRIGGER_ENTRIES entries of at most
//   MAX_MATCHERS_PER_ENTRY phrases, patterns or tools: each is a line of the disclosure;
// - a phrase has words and no punctuation splitting it, at most MAX_PHRASE_LENGTH characters;
// - a pattern is anchored (^…$, so it says what the whole message must be), compiles in RE2
//   (no lookaround or backreferences; linear time) and is at most MAX_PATTERN_LENGTH characters and
//   MAX_PATTERN_PROGRAM_SIZE steps, so matching one message stays within its work budget;
// - tool names are short identifiers, matched exactly.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { TRIGGER_KINDS } from '../../../shared/skills/triggers.ts';
import { compilePattern, phraseProblem } from '../triggers/message-matcher.ts';
import {
  MAX_MATCHERS_PER_ENTRY, MAX_PATTERN_LENGTH, MAX_PHRASE_LENGTH, MAX_TOOL_NAME_LENGTH, MAX_TRIGGER_ENTRIES, MAX_TRIGGER_PARAMS_BYTES,
} from '../triggers/trigger-limits.ts';
import type { FindingSink, Where } from './findings.ts';

type Entry = Record<string, unknown>;

const isObject = (value: unknown): value is Entry => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const problem = (en: string, pl: string): Localized => ({ en, pl });
const shown = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

const TOOL_NAME = new RegExp(`^[A-Za-z0-9_.:/-]{1,${MAX_TOOL_NAME_LENGTH}}$`);
const LIST_KINDS = new Set(['onMessage', 'onToolUse']);

/** Why an entry's shape is wrong, or null. */
function entryProblem(kind: string, entry: unknown): Localized | null {
  if (!isObject(entry)) return problem('it must be an object naming the “action” to run.', 'musi być obiektem wskazującym „action” do uruchomienia.');
  const fields = kind === 'onMessage' ? ['action', 'params', 'phrases', 'patterns'] : kind === 'onToolUse' ? ['action', 'params', 'tools'] : ['action', 'params'];
  const unknown = Object.keys(entry).find((key) => !fields.includes(key));
  if (unknown !== undefined) return problem(`“${shown(unknown, 40)}” is not one of its fields (${fields.join(', ')}).`, `„${shown(unknown, 40)}” nie jest jego polem (${fields.join(', ')}).`);
  if (typeof entry.action !== 'string' || entry.action === '') return problem('“action” must name an action of the skill.', '„action” musi wskazywać akcję skilla.');
  if (entry.params !== undefined && !isObject(entry.params)) return problem('“params” must be an object of fixed values.', '„params” musi być obiektem stałych wartości.');
  if (entry.params !== undefined && Buffer.byteLength(JSON.stringify(entry.params)) > MAX_TRIGGER_PARAMS_BYTES) {
    return problem(`“params” may hold at most ${MAX_TRIGGER_PARAMS_BYTES} bytes of JSON.`, `„params” może mieć najwyżej ${MAX_TRIGGER_PARAMS_BYTES} bajtów JSON.`);
  }
  if (kind === 'onMessage') {
    if ((entry.phrases !== undefined && !isTextList(entry.phrases)) || (entry.patterns !== undefined && !isTextList(entry.patterns))) {
      return problem('“phrases” and “patterns” must be lists of texts.', '„phrases” i „patterns” muszą być listami tekstów.');
    }
    const count = ((entry.phrases as string[] | undefined)?.length ?? 0) + ((entry.patterns as string[] | undefined)?.length ?? 0);
    if (count === 0 || count > MAX_MATCHERS_PER_ENTRY) {
      return problem(`it needs 1 to ${MAX_MATCHERS_PER_ENTRY} phrases and patterns together.`, `potrzebuje od 1 do ${MAX_MATCHERS_PER_ENTRY} fraz i wzorców łącznie.`);
    }
  }
  if (kind === 'onToolUse') {
    const tools = entry.tools;
    if (!isTextList(tools) || tools.length === 0 || tools.length > MAX_MATCHERS_PER_ENTRY || !tools.every((tool) => TOOL_NAME.test(tool))) {
      return problem(
        `“tools” must list 1 to ${MAX_MATCHERS_PER_ENTRY} tool names (letters, digits, _ . : / -, at most ${MAX_TOOL_NAME_LENGTH} characters).`,
        `„tools” musi wymieniać od 1 do ${MAX_MATCHERS_PER_ENTRY} nazw narzędzi (litery, cyfry, _ . : / -, najwyżej ${MAX_TOOL_NAME_LENGTH} znaków).`,
      );
    }
  }
  return null;
}

function checkMatchers(where: string, entry: Entry, at: Where, sink: FindingSink): void {
  for (const phrase of (entry.phrases as string[] | undefined) ?? []) {
    const why = phrase.length > MAX_PHRASE_LENGTH
      ? problem(`it is longer than ${MAX_PHRASE_LENGTH} characters`, `jest dłuższa niż ${MAX_PHRASE_LENGTH} znaków`)
      : phraseProblem(phrase);
    if (why) sink.add('trigger/bad-phrase', at, where, why, shown(phrase));
  }
  for (const pattern of (entry.patterns as string[] | undefined) ?? []) {
    const compiled = pattern.length > MAX_PATTERN_LENGTH
      ? { ok: false as const, problem: problem(`it is longer than ${MAX_PATTERN_LENGTH} characters`, `jest dłuższy niż ${MAX_PATTERN_LENGTH} znaków`) }
      : compilePattern(pattern);
    if (!compiled.ok) sink.add('trigger/bad-pattern', at, where, compiled.problem, shown(pattern));
  }
}

/**
 * Checks `manifest.triggers` against the actions the skill has: those its manifest declares and,
 * when the audit could read them, those getActions() lists (null: it could not).
 */
export function checkTriggers(manifest: SkillManifest, codeActions: readonly string[] | null, at: Where, sink: FindingSink): void {
  const triggers: unknown = manifest.triggers;
  if (triggers === undefined) return;
  if (!isObject(triggers)) {
    sink.add('trigger/invalid', at, 'triggers', problem('“triggers” must be an object.', '„triggers” musi być obiektem.'));
    return;
  }
  const declared = new Set((manifest.actions ?? []).map((action) => action.slug));
  for (const [kind, value] of Object.entries(triggers)) {
    if (!(TRIGGER_KINDS as readonly string[]).includes(kind)) {
      sink.add('trigger/invalid', at, shown(kind, 40), problem(`the kinds are ${TRIGGER_KINDS.join(', ')}.`, `rodzaje to ${TRIGGER_KINDS.join(', ')}.`));
      continue;
    }
    const isList = LIST_KINDS.has(kind);
    if (isList && !Array.isArray(value)) {
      sink.add('trigger/invalid', at, kind, problem('it must be a list of entries.', 'musi być listą pozycji.'));
      continue;
    }
    const entries: unknown[] = isList ? (value as unknown[]) : [value];
    if (entries.length > MAX_TRIGGER_ENTRIES) sink.add('trigger/too-many', at, kind, entries.length, MAX_TRIGGER_ENTRIES);
    entries.slice(0, MAX_TRIGGER_ENTRIES).forEach((entry, i) => {
      const where = isList ? `${kind}[${i + 1}]` : kind;
      const shapeProblem = entryProblem(kind, entry);
      if (shapeProblem) {
        sink.add('trigger/invalid', at, where, shapeProblem);
        return;
      }
      const action = (entry as Entry).action as string;
      if (!declared.has(action)) {
        if (codeActions === null) sink.add('trigger/action-unverified', at, where, shown(action));
        else if (!codeActions.includes(action)) sink.add('trigger/unknown-action', at, where, shown(action));
      }
      checkMatchers(where, entry as Entry, at, sink);
    });
  }
}
