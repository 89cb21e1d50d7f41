// Reading and editing config.yaml's text: parsed with `yaml` (positions for every error), checked
// against the schema, and changed through yaml's Document API so the owner's comments and layout
// survive a change made in Settings or with `foundry config set`.
import { isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { CONFIG_KEYS, CONFIG_KEY_NAMES, type ConfigKey, type ConfigProblem, type ConfigValue } from '../../../shared/contract/config-records.ts';
import { at, CONFIG_MESSAGES } from './config-messages.ts';
import { describeErrors, validateFile } from './config-schema.ts';
import { safeValueFor, weakeningReason } from './safety.ts';

/** What the file starts as on the first change: the seed's configuration, its comments included. */
export const DEFAULT_CONFIG_TEXT = `# Skill Foundry configuration (seed 004). Safety values cannot be weakened:
# execution.sandbox and learning.requireApproval stay true, learning.mode never includes autonomous.
skills:
  enabled: true

  # Execution
  execution:
    sandbox: true
    timeoutMs: 30000 # the longest an action may ask for; 5000 unless it asks
    maxRetries: 2
    # Shell actions run commands on this computer. Only you turn them on, here in this file (the app,
    # the API and foundry config set cannot), and then confirm it in the app with both factors.
    shell: false

  # Learning
  learning:
    mode: [user_authored, ai_proposed]  # No autonomous yet
    requireApproval: true
    maxProposedPerDay: 5

  # Marketplace (registryUrl: one or more https:// or file:// registries, separated by spaces)
  marketplace:
    enabled: false
    registryUrl: "https://skills.friday.ai"
    autoUpdate: false

  # Scheduling
  scheduled:
    enabled: true
    maxScheduled: 20
    maxFailures: 5 # failures in a row that pause a schedule
`;

export type ConfigValues = Record<ConfigKey, ConfigValue>;

export interface ParsedConfig {
  /** What the app uses: the file's values where they are valid and safe, defaults or safe values elsewhere. */
  values: ConfigValues;
  /** The values as written in the file (valid ones only), for auditing a change. */
  written: Partial<ConfigValues>;
  problems: ConfigProblem[];
}

export const defaultValues = (): ConfigValues =>
  Object.fromEntries(CONFIG_KEY_NAMES.map((key) => [key, structuredClone(CONFIG_KEYS[key].defaultValue)])) as ConfigValues;

const pathOf = (key: ConfigKey) => key.split('.');

/** The key an error at `segments` is about: the longest key that is a prefix of it. */
function keyAt(segments: readonly string[]): ConfigKey | null {
  return CONFIG_KEY_NAMES.find((key) => pathOf(key).every((s, i) => segments[i] === s)) ?? null;
}

export function parseConfigText(text: string): ParsedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const position = (node: Node | null | undefined) => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { line: null, column: null };
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const values = defaultValues();
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const { line, col } = lines.linePos(error.pos[0]);
    const reason = error.message.split('\n')[0]!;
    return { values, written: {}, problems: [{ kind: 'syntax', key: null, line, column: col, message: CONFIG_MESSAGES.syntax(at(line, col), reason) }] };
  }
  const data: unknown = doc.toJS() ?? {};
  const problems: ConfigProblem[] = [];
  const invalidKeys = new Set<ConfigKey>();
  if (!validateFile(data)) {
    for (const error of validateFile.errors ?? []) {
      const segments = error.instancePath.split('/').slice(1);
      if (error.keyword === 'additionalProperties') {
        const name = String((error.params as { additionalProperty: string }).additionalProperty);
        const parent = segments.length === 0 ? doc.contents : doc.getIn(segments, true);
        const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === name) : undefined;
        const { line, column } = position(pair?.key as Node | undefined);
        const fullName = [...segments, name].join('.');
        problems.push({ kind: 'unknown-key', key: null, line, column, message: CONFIG_MESSAGES.unknownKey(fullName, at(line, column)) });
        continue;
      }
      const key = keyAt(segments);
      if (key) invalidKeys.add(key);
      const { line, column } = position(segments.length === 0 ? doc.contents : (doc.getIn(segments, true) as Node | undefined));
      const name = key ?? (segments.join('.') || '(root)');
      problems.push({ kind: 'invalid', key, line, column, message: CONFIG_MESSAGES.invalid(name, at(line, column), describeErrors([error])) });
    }
  }
  // An object where a map was expected leaves every key under it at its default.
  const structureBroken = problems.some((p) => p.kind === 'invalid' && p.key === null);
  const written: Partial<ConfigValues> = {};
  for (const key of CONFIG_KEY_NAMES) {
    if (invalidKeys.has(key) || structureBroken) continue;
    const node = doc.getIn(pathOf(key), true) as Node | undefined;
    if (node === undefined) continue;
    const value = (isCollection(node) ? node.toJSON() : (node as { value?: unknown }).value) as ConfigValue;
    written[key] = value;
    const reason = weakeningReason(key, value);
    if (reason) {
      const { line, column } = position(node);
      problems.push({ kind: 'weakens-safety', key, line, column, message: CONFIG_MESSAGES.usingSafeValue(key, at(line, column), reason) });
      values[key] = safeValueFor(key, value);
    } else {
      values[key] = value;
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { values, written, problems };
}

/**
 * `text` with `key` set to `value` (already validated), comments and layout kept. A list keeps its
 * flow or block style and the comment on its line. Throws when the text is not YAML.
 */
export function withValue(text: string, key: ConfigKey, value: ConfigValue): string {
  const doc: Document = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
  const path = pathOf(key);
  const old = doc.getIn(path, true);
  if (isSeq(old) && Array.isArray(value)) {
    const next = doc.createNode(value);
    next.flow = old.flow;
    next.comment = old.comment;
    next.commentBefore = old.commentBefore;
    doc.setIn(path, next);
  } else {
    doc.setIn(path, value);
  }
  return doc.toString({ flowCollectionPadding: false });
}
