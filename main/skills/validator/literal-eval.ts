import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';

export type StaticPrimitive = string | number | boolean | null;
export type StaticValue = StaticPrimitive | StaticValue[] | { [key: string]: StaticValue };
export type EvalResult = { ok: true; value: StaticValue } | { ok: false; at: TSESTree.Node };

export interface EvalOptions {
  /**
   * `json`: literal data only (objects, arrays, strings, numbers, booleans, null), as action schemas
   * must be. `fold`: also the string and number operators and pure string functions that obfuscated
   * code uses to spell names (`'ev' + 'al'`, `String.fromCharCode(…)`, `[…].reverse().join('')`).
   */
  mode: 'json' | 'fold';
  /** The value of a name, when the caller can prove it (a `const` with a static initializer). */
  resolve?: (name: string, at: TSESTree.Identifier) => EvalResult;
}

// Caps keep the evaluator itself from being turned into a memory or CPU bomb.
const MAX_STRING = 10_000;
const MAX_ITEMS = 10_000;
const MAX_DEPTH = 200;

export function isPrimitive(value: StaticValue): value is StaticPrimitive {
  return value === null || typeof value !== 'object';
}

export function evaluate(node: TSESTree.Node, options: EvalOptions): EvalResult {
  return evalNode(node, options, 0);
}

function fail(at: TSESTree.Node): EvalResult {
  return { ok: false, at };
}

function ok(value: StaticValue, at: TSESTree.Node): EvalResult {
  if (typeof value === 'string' && value.length > MAX_STRING) return fail(at);
  if (typeof value === 'number' && !Number.isFinite(value)) return fail(at);
  if (Array.isArray(value) && value.length > MAX_ITEMS) return fail(at);
  return { ok: true, value };
}

function evalNode(node: TSESTree.Node, options: EvalOptions, depth: number): EvalResult {
  if (depth > MAX_DEPTH) return fail(node);
  const next = (child: TSESTree.Node): EvalResult => evalNode(child, options, depth + 1);
  const fold = options.mode === 'fold';
  switch (node.type) {
    case T.Literal:
      if ('regex' in node || typeof node.value === 'bigint') return fail(node);
      return ok(node.value as StaticPrimitive, node);
    case T.TemplateLiteral:
      return evalTemplate(node, (q) => q.value.cooked, fold ? next : null);
    case T.ArrayExpression:
      return evalArray(node, next);
    case T.ObjectExpression:
      return evalObject(node, next, fold);
    case T.TSAsExpression:
    case T.TSSatisfiesExpression:
    case T.TSNonNullExpression:
    case T.TSTypeAssertion:
      return next(node.expression);
    case T.UnaryExpression:
      return evalUnary(node, next, fold);
    case T.Identifier:
      return options.resolve ? options.resolve(node.name, node) : fail(node);
    case T.BinaryExpression:
      return fold ? evalBinary(node, next) : fail(node);
    case T.MemberExpression:
      return fold ? evalMember(node, next) : fail(node);
    case T.CallExpression:
      return fold ? evalCall(node, next) : fail(node);
    case T.TaggedTemplateExpression:
      return fold && isStaticMember(node.tag, 'String', 'raw') ? evalTemplate(node.quasi, (q) => q.value.raw, next) : fail(node);
    default:
      return fail(node);
  }
}

type Next = (child: TSESTree.Node) => EvalResult;

function evalTemplate(
  node: TSESTree.TemplateLiteral,
  text: (quasi: TSESTree.TemplateElement) => string | null,
  next: Next | null,
): EvalResult {
  if (node.expressions.length > 0 && !next) return fail(node);
  let out = '';
  for (const [i, quasi] of node.quasis.entries()) {
    const part = text(quasi);
    if (part === null) return fail(node);
    out += part;
    const expression = node.expressions[i];
    if (expression && next) {
      const result = next(expression);
      if (!result.ok) return result;
      const part = asText(result.value);
      if (part === null) return fail(expression);
      out += part;
    }
    if (out.length > MAX_STRING) return fail(node);
  }
  return ok(out, node);
}

function evalArray(node: TSESTree.ArrayExpression, next: Next): EvalResult {
  const values: StaticValue[] = [];
  for (const element of node.elements) {
    if (!element || element.type === T.SpreadElement) return fail(element ?? node);
    const result = next(element);
    if (!result.ok) return result;
    values.push(result.value);
  }
  return ok(values, node);
}

function evalObject(node: TSESTree.ObjectExpression, next: Next, fold: boolean): EvalResult {
  const out: { [key: string]: StaticValue } = {};
  for (const property of node.properties) {
    if (property.type !== T.Property || property.kind !== 'init' || property.method) return fail(property);
    let key: string;
    if (!property.computed && property.key.type === T.Identifier) key = property.key.name;
    else if (!property.computed && property.key.type === T.Literal) key = String(property.key.value);
    else if (property.computed && fold) {
      const result = next(property.key);
      if (!result.ok || !isPrimitive(result.value)) return fail(property.key);
      key = String(result.value);
    } else return fail(property);
    const value = next(property.value);
    if (!value.ok) return value;
    // defineProperty, not assignment: a `__proto__` key must stay data, never set the prototype.
    Object.defineProperty(out, key, { value: value.value, enumerable: true, writable: true, configurable: true });
  }
  return ok(out, node);
}

function evalUnary(node: TSESTree.UnaryExpression, next: Next, fold: boolean): EvalResult {
  if (node.operator !== '-' && node.operator !== '+' && !(fold && node.operator === '!')) return fail(node);
  if (!fold && node.argument.type !== T.Literal) return fail(node);
  const result = next(node.argument);
  if (!result.ok) return result;
  // Arrays and objects are truthy: `![]` is false.
  if (node.operator === '!') return ok(isPrimitive(result.value) ? !result.value : false, node);
  if (typeof result.value !== 'number') return fail(node);
  return ok(node.operator === '-' ? -result.value : result.value, node);
}

function evalBinary(node: TSESTree.BinaryExpression, next: Next): EvalResult {
  const left = next(node.left);
  if (!left.ok) return left;
  const right = next(node.right);
  if (!right.ok) return right;
  const a = left.value;
  const b = right.value;
  if (node.operator === '+') {
    // An array or object operand turns into text, as `[] + {}` does at run time.
    if (typeof a === 'string' || typeof b === 'string' || !isPrimitive(a) || !isPrimitive(b)) {
      const leftText = asText(a);
      const rightText = asText(b);
      if (leftText === null || rightText === null || leftText.length + rightText.length > MAX_STRING) return fail(node);
      return ok(leftText + rightText, node);
    }
    return typeof a === 'number' && typeof b === 'number' ? ok(a + b, node) : fail(node);
  }
  if (!isPrimitive(a) || !isPrimitive(b)) return fail(node);
  if (typeof a !== 'number' || typeof b !== 'number') return fail(node);
  switch (node.operator) {
    case '-':
      return ok(a - b, node);
    case '*':
      return ok(a * b, node);
    case '/':
      return ok(a / b, node);
    case '%':
      return ok(a % b, node);
    case '**':
      return ok(a ** b, node);
    default:
      return fail(node);
  }
}

/** What `String(value)` gives for a static value (arrays join their items, objects are `[object Object]`), or null past the caps. */
function asText(value: StaticValue, depth = 0): string | null {
  if (isPrimitive(value)) return String(value);
  if (depth > MAX_DEPTH) return null;
  if (!Array.isArray(value)) return '[object Object]';
  const parts: string[] = [];
  let length = 0;
  for (const item of value) {
    const part = item === null ? '' : asText(item, depth + 1);
    if (part === null || (length += part.length + 1) > MAX_STRING) return null;
    parts.push(part);
  }
  return parts.join(',');
}

/** A literal property key: `o.name`, `o['name']`, `o[0]`. */
export function literalKey(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) return node.property.type === T.Identifier ? node.property.name : null;
  const key = node.property;
  if (key.type === T.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === T.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? null;
  return null;
}

function isStaticMember(node: TSESTree.Node, object: string, property: string): boolean {
  return (
    node.type === T.MemberExpression &&
    node.object.type === T.Identifier &&
    node.object.name === object &&
    literalKey(node) === property
  );
}

function evalMember(node: TSESTree.MemberExpression, next: Next): EvalResult {
  const object = next(node.object);
  if (!object.ok) return object;
  let key = literalKey(node);
  if (key === null && node.computed) {
    const result = next(node.property);
    if (!result.ok || !isPrimitive(result.value)) return fail(node.property);
    key = String(result.value);
  }
  if (key === null) return fail(node);
  const value = object.value;
  if (typeof value === 'string' || Array.isArray(value)) {
    if (key === 'length') return ok(value.length, node);
    const index = Number(key);
    const item = Number.isInteger(index) ? value[index] : undefined;
    return item === undefined ? fail(node) : ok(item, node);
  }
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, key)) return ok(value[key] ?? null, node);
  return fail(node);
}

function evalArgs(node: TSESTree.CallExpression, next: Next): StaticPrimitive[] | null {
  const args: StaticPrimitive[] = [];
  for (const arg of node.arguments) {
    if (arg.type === T.SpreadElement) return null;
    const result = next(arg);
    if (!result.ok || !isPrimitive(result.value)) return null;
    args.push(result.value);
  }
  return args;
}

function evalCall(node: TSESTree.CallExpression, next: Next): EvalResult {
  const callee = node.callee;
  if (callee.type !== T.MemberExpression) return fail(node);
  const method = literalKey(callee);
  const args = evalArgs(node, next);
  if (method === null || args === null) return fail(node);

  if (isStaticMember(callee, 'String', 'fromCharCode') || isStaticMember(callee, 'String', 'fromCodePoint')) {
    if (!args.every((a) => typeof a === 'number' && Number.isInteger(a) && a >= 0 && a <= 0x10ffff)) return fail(node);
    return ok(String.fromCodePoint(...(args as number[])), node);
  }

  const receiver = next(callee.object);
  if (!receiver.ok) return receiver;
  const value = receiver.value;
  const [first] = args;
  if (typeof value === 'number' && method === 'toString') {
    // `(214).toString(36)` spells words too.
    const radix = first ?? 10;
    return typeof radix === 'number' && Number.isInteger(radix) && radix >= 2 && radix <= 36 ? ok(value.toString(radix), node) : fail(node);
  }
  if (Array.isArray(value)) {
    if (method === 'join' && (first === undefined || typeof first === 'string')) {
      // Items turn into text as `join` does at run time: nested arrays join with commas, null is ''.
      const text = asText(value);
      if (text === null) return fail(node);
      const separator = first ?? ',';
      const parts = value.map((item) => (item === null ? '' : asText(item) ?? ''));
      const length = parts.reduce((sum, part) => sum + part.length + separator.length, 0);
      return length > MAX_STRING ? fail(node) : ok(parts.join(separator), node);
    }
    if (method === 'reverse' && args.length === 0) return ok([...value].reverse(), node);
    return fail(node);
  }
  if (typeof value !== 'string') return fail(node);
  switch (method) {
    case 'split':
      return typeof first === 'string' && args.length === 1 ? ok(value.split(first), node) : fail(node);
    case 'concat': {
      const parts = args.map(String);
      const length = parts.reduce((sum, part) => sum + part.length, value.length);
      return length > MAX_STRING ? fail(node) : ok(value.concat(...parts), node);
    }
    case 'toLowerCase':
      return ok(value.toLowerCase(), node);
    case 'toUpperCase':
      return ok(value.toUpperCase(), node);
    case 'trim':
      return ok(value.trim(), node);
    case 'slice':
    case 'substring': {
      if (!args.every((a) => typeof a === 'number')) return fail(node);
      const [start = 0, end] = args as number[];
      return ok(method === 'slice' ? value.slice(start, end) : value.substring(start, end), node);
    }
    default:
      return fail(node);
  }
}
