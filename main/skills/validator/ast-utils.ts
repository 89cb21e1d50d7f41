import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';
import { literalKey } from './literal-eval.ts';
import type { Binding } from './scope.ts';
import type { WalkContext } from './walk.ts';

/**
 * The expression whose value a node yields: type assertions, `!`, optional-chain wrappers and
 * comma sequences (`(0, eval)`) do not change which object is meant.
 */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
      case T.TSNonNullExpression:
      case T.TSTypeAssertion:
      case T.TSInstantiationExpression:
      case T.ChainExpression:
        current = current.expression;
        break;
      case T.SequenceExpression: {
        const last = current.expressions.at(-1);
        if (!last) return current;
        current = last;
        break;
      }
      default:
        return current;
    }
  }
}

/** The property name of a member access when it is known: dotted, literal, or folded from constants. */
export function propertyName(node: TSESTree.MemberExpression, context: WalkContext): string | null {
  const literal = literalKey(node);
  if (literal !== null || !node.computed) return literal;
  const folded = context.fold(node.property);
  return folded === undefined ? null : String(folded);
}

/** The innermost object of a member chain: `a` in `a.b[c].d`. */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  while (current.type === T.MemberExpression) current = unwrapExpression(current.object);
  return current;
}

const MAX_ALIAS_HOPS = 8;

/**
 * The free (global) name an expression stands for, following variables initialized with one
 * (`const O = Object`) and, when `throughMembers`, member chains (`const P = Array.prototype`) and
 * destructuring (`const { prototype } = Array`). Null when it is, or may be, local.
 */
function followToGlobal(node: TSESTree.Node, context: WalkContext, throughMembers: boolean): string | null {
  const step = (expression: TSESTree.Node): TSESTree.Node =>
    throughMembers ? chainRoot(expression) : unwrapExpression(expression);
  let value = step(node);
  let lookup = (name: string): Binding | null => context.resolve(name);
  for (let hops = 0; hops < MAX_ALIAS_HOPS && value.type === T.Identifier; hops++) {
    const binding = lookup(value.name);
    if (!binding) return value.name;
    // A destructured name is a member of its source: the global itself only through members.
    const next = binding.init ?? (throughMembers ? binding.source?.object : undefined);
    if (!next) return null;
    value = step(next);
    lookup = (name) => binding.scope.lookup(name);
  }
  return null;
}

/** The global an expression is, directly or through an alias: `eval`, or `e` after `const e = eval`. */
export function globalName(node: TSESTree.Node, context: WalkContext): string | null {
  return followToGlobal(node, context, false);
}

/** The global a member chain hangs off: `Array` for `Array.prototype.map` or `P.map` after `const P = Array.prototype`. */
export function rootGlobal(node: TSESTree.Node, context: WalkContext): string | null {
  return followToGlobal(node, context, true);
}

/**
 * The built-in member an expression stands for, as `[global, property]`: `Object.defineProperty`,
 * `Object['define' + 'Property']`, `d` after `const d = Object.defineProperty`, or `defineProperty`
 * after `const { defineProperty } = Object`. Null when it is not (provably) one.
 */
export function builtinMember(node: TSESTree.Node, context: WalkContext): readonly [string, string] | null {
  let value = unwrapExpression(node);
  let lookup = (name: string): Binding | null => context.resolve(name);
  for (let hops = 0; hops < MAX_ALIAS_HOPS; hops++) {
    if (value.type === T.MemberExpression) {
      const name = propertyName(value, context);
      const owner = globalName(value.object, context);
      return name !== null && owner !== null ? [owner, name] : null;
    }
    if (value.type !== T.Identifier) return null;
    const binding = lookup(value.name);
    if (!binding) return null;
    if (binding.source) {
      const owner = globalName(binding.source.object, context);
      return owner !== null ? [owner, binding.source.key] : null;
    }
    if (!binding.init) return null;
    value = unwrapExpression(binding.init);
    lookup = (name) => binding.scope.lookup(name);
  }
  return null;
}

/** `Global.member` where Global is a free name (or an alias of one): `Object.setPrototypeOf`. */
export function isGlobalMember(node: TSESTree.Node, object: string, member: string, context: WalkContext): boolean {
  const found = builtinMember(node, context);
  return found !== null && found[0] === object && found[1] === member;
}
