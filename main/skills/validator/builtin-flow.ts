import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';
import { builtinMember, globalName, propertyName, rootGlobal } from './ast-utils.ts';
import { SAFE_GLOBALS } from './globals.ts';
import type { WalkContext } from './walk.ts';

// Where a built-in may go as a value. The audit judges a built-in by the name it is reached
// through (`Object.defineProperty(Math, …)`, `const O = Object` then `O.…`); once the built-in is
// put in an array, passed through a function, returned, assigned or picked by `a || b`, the name
// that reaches it is local data to the audit, and every check on built-ins goes blind
// (`[Object][0].defineProperty(Math, …)`). So a built-in object or function may stand only where
// the audit keeps track of it or where it turns into a primitive; anywhere else it is a finding.

/** Globals that are primitive values, not objects: nothing can be reached through them. */
const PRIMITIVE_GLOBALS = new Set(['undefined', 'NaN', 'Infinity']);

/** Built-in properties that hold numbers or texts, free to use as values anywhere. */
const CONSTANT_MEMBERS = new Set([
  'PI', 'E', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'SQRT1_2', 'SQRT2', 'MAX_SAFE_INTEGER', 'MIN_SAFE_INTEGER',
  'EPSILON', 'MAX_VALUE', 'MIN_VALUE', 'POSITIVE_INFINITY', 'NEGATIVE_INFINITY', 'NaN', 'length', 'name',
]);

/** Conversions a skill commonly hands to array methods: `xs.map(Number)`, `xs.filter(Boolean)`. */
const CONVERSION_CALLBACKS = new Set(['String', 'Number', 'Boolean']);
const CALLBACK_METHODS = new Set([
  'map', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'forEach',
]);

const TRANSPARENT = new Set<string>([
  T.TSAsExpression, T.TSSatisfiesExpression, T.TSNonNullExpression, T.TSTypeAssertion, T.TSInstantiationExpression,
  T.ChainExpression,
]);

/** The built-in object or function a node stands for, as a label (`Object`, `Object.defineProperty`), or null. */
function builtinValue(node: TSESTree.Node, context: WalkContext): string | null {
  if (node.type === T.Identifier) {
    const global = globalName(node, context);
    if (global !== null) return SAFE_GLOBALS.has(global) && !PRIMITIVE_GLOBALS.has(global) ? global : null;
  } else if (node.type !== T.MemberExpression) {
    return null;
  }
  const member = builtinMember(node, context);
  if (member !== null) {
    const [owner, name] = member;
    return SAFE_GLOBALS.has(owner) && owner !== 'Symbol' && !CONSTANT_MEMBERS.has(name) ? `${owner}.${name}` : null;
  }
  // A member of a built-in whose key is not known (`Math[k]`) has findings of its own.
  if (node.type === T.MemberExpression && propertyName(node, context) === null) return null;
  const root = node.type === T.MemberExpression ? rootGlobal(node, context) : null;
  return root !== null && SAFE_GLOBALS.has(root) && root !== 'Symbol' ? root : null;
}

/** Whether the value of `child` is used where the audit keeps track of it, or turned into a primitive. */
function isTrackedUse(parent: TSESTree.Node, child: TSESTree.Node, label: string): boolean {
  switch (parent.type) {
    case T.MemberExpression:
      return parent.object === child;
    case T.CallExpression:
    case T.NewExpression:
      return parent.callee === child || isConversionCallback(parent, child, label);
    case T.TaggedTemplateExpression:
      return parent.tag === child;
    case T.VariableDeclarator:
      // An alias (`const O = Object`) or a destructuring is followed by name.
      return parent.id.type === T.Identifier || parent.id.type === T.ObjectPattern;
    case T.ClassDeclaration:
    case T.ClassExpression:
      // `class NotFound extends Error` is everyday code; extending other built-ins inherits their statics.
      return parent.superClass === child && label.endsWith('Error') && !label.includes('.');
    case T.AssignmentExpression:
      // A write to a built-in is judged by the write rules.
      return parent.left === child;
    case T.Property:
    case T.MethodDefinition:
    case T.PropertyDefinition:
      return parent.key === child;
    case T.UnaryExpression:
    case T.UpdateExpression:
    case T.BinaryExpression:
    case T.ForInStatement:
    case T.ForOfStatement:
    case T.ExpressionStatement:
    case T.IfStatement:
    case T.WhileStatement:
    case T.DoWhileStatement:
    case T.ForStatement:
    case T.SwitchStatement:
    case T.SwitchCase:
      return true;
    case T.TemplateLiteral:
      return true;
    case T.ConditionalExpression:
      return parent.test === child;
    case T.SequenceExpression:
      return parent.expressions.at(-1) !== child;
    default:
      return false;
  }
}

function isConversionCallback(call: TSESTree.CallExpression | TSESTree.NewExpression, child: TSESTree.Node, label: string): boolean {
  if (call.type !== T.CallExpression || call.arguments[0] !== child || !CONVERSION_CALLBACKS.has(label)) return false;
  const callee = call.callee;
  return callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier && CALLBACK_METHODS.has(callee.property.name);
}

/**
 * The label of the built-in that `node` hands on where the audit loses track of it, or null.
 * Looks through wrappers (`as`, `!`, `?.`, the last item of a comma list) to the real place.
 */
export function escapingBuiltin(node: TSESTree.Node, context: WalkContext): string | null {
  const label = builtinValue(node, context);
  if (label === null) return null;
  let child = node;
  for (let n = 0; ; n++) {
    const parent = context.ancestor(n);
    if (!parent) return null;
    const passesThrough = TRANSPARENT.has(parent.type) || (parent.type === T.SequenceExpression && parent.expressions.at(-1) === child);
    if (!passesThrough) return isTrackedUse(parent, child, label) ? null : label;
    child = parent;
  }
}
