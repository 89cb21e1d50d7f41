import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapExpression } from './ast-utils.ts';
import type { Binding } from './scope.ts';
import type { WalkContext } from './walk.ts';

// Where a computed key comes from. A key known only at run time (`counts[String(day)]`) is how
// ordinary code indexes its own data. A key built only from constants is known before the skill
// runs, so the audit evaluates it (literal-eval.ts) and judges the name; when it cannot, the
// constants spell something by a route the evaluator does not follow (JSFuck's `([] + {})[5]`,
// `[].join.call(…)`), and the key is a finding: the audit does not guess.

const MAX_DEPTH = 200;
const MAX_ALIAS_HOPS = 8;
/**
 * Nodes looked at per question, and how deep. Following consts re-reads their initializers, so a
 * chain of consts that each name the previous one many times would cost exponential time without
 * a cap. Past either the answer is "built from constants": the key is then a finding, never a stall.
 */
const MAX_VISITS = 10_000;

type Lookup = (name: string) => Binding | null;

/**
 * Whether an expression's value is fixed by the source alone: literals, functions, built-ins, and
 * `const`s (or `const` destructurings) of such, combined by operators, member reads and calls with
 * constant arguments. Parameters, `let`/`var` variables, the contents of `const` arrays and
 * objects, `this`, `await` and calls without arguments are run-time values.
 */
export function isBuiltFromConstants(node: TSESTree.Node, context: WalkContext): boolean {
  const budget = { visits: 0 };
  return fromConstants(node, (name) => context.resolve(name), 0, 0, budget) || budget.visits > MAX_VISITS;
}

function fromConstants(node: TSESTree.Node, lookup: Lookup, depth: number, hops: number, budget: { visits: number }): boolean {
  // Past either limit the question is given up, and the caller's answer fails closed.
  if (depth > MAX_DEPTH) budget.visits = MAX_VISITS;
  if (++budget.visits > MAX_VISITS) return false;
  const next = (child: TSESTree.Node | null | undefined): boolean => !child || fromConstants(child, lookup, depth + 1, hops, budget);
  switch (node.type) {
    case T.Literal:
    case T.FunctionExpression:
    case T.ArrowFunctionExpression:
    case T.ClassExpression:
      return true;
    case T.TemplateLiteral:
      return node.expressions.every(next);
    case T.TaggedTemplateExpression:
      return next(node.tag) && next(node.quasi);
    case T.ArrayExpression:
      return node.elements.every(next);
    case T.ObjectExpression:
      return node.properties.every((p) => (p.type === T.SpreadElement ? next(p.argument) : (!p.computed || next(p.key)) && next(p.value)));
    case T.SpreadElement:
      return next(node.argument);
    case T.UnaryExpression:
      return next(node.argument);
    case T.BinaryExpression:
    case T.LogicalExpression:
      return next(node.left) && next(node.right);
    case T.ConditionalExpression:
      return next(node.test) && next(node.consequent) && next(node.alternate);
    case T.SequenceExpression:
      return node.expressions.every(next);
    case T.MemberExpression:
      return next(node.object) && (!node.computed || next(node.property));
    case T.CallExpression:
    case T.NewExpression:
      // Without arguments a call reads the world (`Date.now()`, `new Date()`, `Math.random()`).
      return node.arguments.length > 0 && next(node.callee) && node.arguments.every(next);
    case T.TSAsExpression:
    case T.TSSatisfiesExpression:
    case T.TSNonNullExpression:
    case T.TSTypeAssertion:
    case T.TSInstantiationExpression:
    case T.ChainExpression:
      return next(node.expression);
    case T.Identifier: {
      const binding = lookup(node.name);
      if (!binding) return true;
      if (binding.kind === 'function' || binding.kind === 'class') return true;
      const from = binding.init ?? binding.source?.object;
      if (binding.kind !== 'const' || !from) return false;
      // Too long a chain to follow: it may be constants all the way, so the answer fails closed.
      if (hops >= MAX_ALIAS_HOPS) return true;
      // A const array or object is filled at run time (`counts[key] = …`): its contents are run-time values.
      if (binding.init && isContainer(binding.init)) return false;
      return fromConstants(from, (name) => binding.scope.lookup(name), depth + 1, hops + 1, budget);
    }
    default:
      return false;
  }
}

function isContainer(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return value.type === T.ArrayExpression || value.type === T.ObjectExpression;
}

/** Values whose text form is not what they look like (`[]` is '', `{}` is '[object Object]', `!1` is 'false'). */
function isNonTextConstant(node: TSESTree.Node, context: WalkContext): boolean {
  const value = unwrapExpression(node);
  switch (value.type) {
    case T.ArrayExpression:
    case T.ObjectExpression:
    case T.FunctionExpression:
    case T.ArrowFunctionExpression:
    case T.ClassExpression:
      return true;
    case T.Literal:
      return typeof value.value === 'boolean' || 'regex' in value;
    case T.UnaryExpression:
      return value.operator === '!' || value.operator === 'void';
    case T.Identifier:
      return context.resolve(value.name) === null ? value.name === 'undefined' || value.name === 'NaN' || value.name === 'Infinity' : false;
    case T.BinaryExpression:
      return value.operator === '+' && (isNonTextConstant(value.left, context) || isNonTextConstant(value.right, context));
    default:
      return false;
  }
}

/** Text made by coercing a non-text constant: `[] + {}`, `` `${!1}` ``, `String(undefined)`, `(() => 0).toString()`. */
function isCoercedText(node: TSESTree.Node, context: WalkContext): boolean {
  const value = unwrapExpression(node);
  switch (value.type) {
    case T.BinaryExpression:
      return value.operator === '+' && (isNonTextConstant(value.left, context) || isNonTextConstant(value.right, context));
    case T.TemplateLiteral:
      return value.expressions.some((e) => isNonTextConstant(e, context));
    case T.CallExpression: {
      const [first] = value.arguments;
      const callee = value.callee;
      if (callee.type === T.Identifier && callee.name === 'String' && context.resolve('String') === null) {
        return first !== undefined && isNonTextConstant(first, context);
      }
      return callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier &&
        callee.property.name === 'toString' && isNonTextConstant(callee.object, context);
    }
    default:
      return false;
  }
}

const NUMERIC_BINARY = new Set(['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);

/** A key that is a number whatever its operands are (`xs[xs.length - 1]`): a number cannot spell a name. */
export function isNumericKey(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  switch (value.type) {
    case T.Literal:
      return typeof value.value === 'number';
    case T.BinaryExpression:
      return NUMERIC_BINARY.has(value.operator);
    case T.UnaryExpression:
      return value.operator === '-' || value.operator === '+' || value.operator === '~';
    case T.UpdateExpression:
      return true;
    default:
      return false;
  }
}

const CHARACTER_PICKERS = new Set(['at', 'charAt', 'slice', 'substring', 'substr', 'split', 'codePointAt', 'charCodeAt']);

/** A character picked out of coerced text: `([] + {})[5]`, `(!1 + '').charAt(3)`. */
export function picksFromCoercedText(node: TSESTree.MemberExpression, context: WalkContext): boolean {
  if (!isCoercedText(node.object, context)) return false;
  if (node.computed) return true;
  const call = context.parent;
  return node.property.type === T.Identifier && CHARACTER_PICKERS.has(node.property.name) && call?.type === T.CallExpression && call.callee === node;
}
