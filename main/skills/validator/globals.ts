import { runInNewContext } from 'node:vm';
import type { NameRuleId } from './findings.ts';

/** Standard built-ins a skill may use freely (they exist in a bare V8 isolate and reach nothing outside it). */
export const SAFE_GLOBALS: ReadonlySet<string> = new Set([
  'undefined', 'NaN', 'Infinity',
  'Object', 'Array', 'String', 'Number', 'Boolean', 'BigInt', 'Symbol', 'Math', 'JSON', 'Date', 'RegExp', 'Intl',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise',
  'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI',
  'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
]);

/** Names that are the global object itself. */
export const GLOBAL_OBJECT_NAMES: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);

export const SANDBOX_NAMES: ReadonlySet<string> = new Set(['supabase', 'foundry']);

/** Free names with a rule of their own; any other unknown free name is `blocked/unknown-global`. */
export const BLOCKED_GLOBALS: ReadonlyMap<string, NameRuleId> = new Map<string, NameRuleId>([
  ['eval', 'blocked/eval'],
  ['Function', 'blocked/function-constructor'],
  ['GeneratorFunction', 'blocked/function-constructor'],
  ['AsyncFunction', 'blocked/function-constructor'],
  ['AsyncGeneratorFunction', 'blocked/function-constructor'],
  ['require', 'blocked/require'],
  ['process', 'blocked/process'],
  ['__dirname', 'blocked/node-path'],
  ['__filename', 'blocked/node-path'],
  ['fs', 'blocked/fs'],
  ['child_process', 'blocked/child-process'],
  ['exec', 'blocked/child-process'],
  ['execSync', 'blocked/child-process'],
  ['spawn', 'blocked/child-process'],
  ['Proxy', 'blocked/proxy'],
  ['WebAssembly', 'blocked/webassembly'],
  ['SharedArrayBuffer', 'blocked/shared-memory'],
  ['Atomics', 'blocked/shared-memory'],
  ['setTimeout', 'blocked/timer'],
  ['setInterval', 'blocked/timer'],
  ['setImmediate', 'blocked/timer'],
  ['queueMicrotask', 'blocked/timer'],
  ['requestAnimationFrame', 'blocked/timer'],
  ['requestIdleCallback', 'blocked/timer'],
  ['fetch', 'blocked/network'],
  ['XMLHttpRequest', 'blocked/network'],
  ['WebSocket', 'blocked/network'],
  ['EventSource', 'blocked/network'],
  ['navigator', 'blocked/network'],
  ['importScripts', 'blocked/network'],
  ['console', 'blocked/console'],
  ['Reflect', 'evasion/reflect'],
  ...[...GLOBAL_OBJECT_NAMES].map((name): [string, NameRuleId] => [name, 'evasion/global-object']),
]);

/**
 * Every name that means something global inside a skill's context: the JavaScript built-ins of a
 * fresh V8 context (read from one, so a newer V8's additions are included), the sandbox's names,
 * and the names this audit knows by rule. A declaration TypeScript may erase never hides one.
 */
export const RUNTIME_GLOBAL_NAMES: ReadonlySet<string> = new Set([
  ...(runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[]),
  ...SAFE_GLOBALS, ...BLOCKED_GLOBALS.keys(), ...SANDBOX_NAMES,
]);

/** Property names that are dangerous on any object (read, written or destructured). */
export const BLOCKED_MEMBERS: ReadonlyMap<string, NameRuleId> = new Map<string, NameRuleId>([
  ['constructor', 'evasion/constructor'],
  ['__proto__', 'evasion/proto'],
  ['__defineGetter__', 'evasion/proto'],
  ['__defineSetter__', 'evasion/proto'],
  ['__lookupGetter__', 'evasion/proto'],
  ['__lookupSetter__', 'evasion/proto'],
  ['caller', 'evasion/caller'],
  ['callee', 'evasion/caller'],
  ['prepareStackTrace', 'evasion/stack-trace'],
  ['captureStackTrace', 'evasion/stack-trace'],
  ['stackTraceLimit', 'evasion/stack-trace'],
  ['eval', 'blocked/eval'],
  ['Function', 'blocked/function-constructor'],
  ['require', 'blocked/require'],
  ['mainModule', 'blocked/require'],
  ['env', 'blocked/env'],
  ['globalThis', 'evasion/global-object'],
]);

/** Strings that only serve to spell a blocked member; a skill has no reason to contain them. */
export const SENSITIVE_STRINGS: ReadonlySet<string> = new Set([
  'constructor', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
  'prepareStackTrace', 'captureStackTrace',
]);

/** Well-known symbols that change how built-in operations treat an object. */
export const RISKY_SYMBOLS: ReadonlySet<string> = new Set([
  'toPrimitive', 'hasInstance', 'species', 'unscopables', 'isConcatSpreadable', 'toStringTag',
  'match', 'matchAll', 'replace', 'search', 'split',
]);

/**
 * Built-in methods (functions) commonly reached through a dotted name; a computed key on one
 * (`[].map[k]`) can read `.constructor`, i.e. the Function constructor. Names that are also common
 * data fields (`entries`, `values`, `keys`) are left out so `data.entries[i]` stays allowed.
 */
export const BUILTIN_METHOD_NAMES: ReadonlySet<string> = new Set([
  'call', 'apply', 'bind', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
  'propertyIsEnumerable', 'map', 'filter', 'reduce', 'reduceRight', 'forEach', 'findIndex', 'findLast',
  'findLastIndex', 'some', 'every', 'flatMap', 'push', 'pop', 'shift', 'unshift', 'splice', 'slice', 'concat',
  'join', 'indexOf', 'lastIndexOf', 'includes', 'toSorted', 'reverse', 'charAt', 'charCodeAt', 'codePointAt',
  'replaceAll', 'matchAll', 'substring', 'substr', 'toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd',
  'padStart', 'padEnd', 'repeat', 'startsWith', 'endsWith', 'normalize', 'localeCompare', 'then', 'catch',
  'finally', 'toFixed', 'toPrecision', 'toISOString', 'getTime', 'exec',
]);
