import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';
import { globalName, isGlobalMember, unwrapExpression } from './ast-utils.ts';
import type { FindingSink } from './findings.ts';
import { literalKey } from './literal-eval.ts';
import { backtracksCatastrophically } from './regex-check.ts';
import type { Visitor, WalkContext } from './walk.ts';

/** More elements or characters than a skill could need in one allocation. */
const MAX_LITERAL_ALLOCATION = 10_000_000;

const SIZED_CONSTRUCTORS = new Set([
  'Array', 'ArrayBuffer', 'SharedArrayBuffer', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array',
  'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
]);
const SIZED_STRING_METHODS = new Set(['repeat', 'padStart', 'padEnd']);

type Loop = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

/**
 * Whether control can leave a loop body: a `return`, `throw` or `yield`, a `break` that targets this
 * loop or an outer statement, or a `continue` of an outer loop. Statements only, never expressions.
 */
function canLeave(body: TSESTree.Statement, ownLabels: ReadonlySet<string>): boolean {
  const visit = (statement: TSESTree.Node | null | undefined, nested: number, inner: ReadonlySet<string>): boolean => {
    if (!statement) return false;
    const here = (s: TSESTree.Node | null | undefined): boolean => visit(s, nested, inner);
    const deeper = (s: TSESTree.Node | null | undefined): boolean => visit(s, nested + 1, inner);
    switch (statement.type) {
      case T.ReturnStatement:
      case T.ThrowStatement:
        return true;
      case T.BreakStatement:
        return statement.label ? !inner.has(statement.label.name) : nested === 0;
      case T.ContinueStatement:
        return statement.label !== null && !inner.has(statement.label.name) && !ownLabels.has(statement.label.name);
      case T.ExpressionStatement:
        return unwrapExpression(statement.expression).type === T.YieldExpression;
      case T.BlockStatement:
        return statement.body.some(here);
      case T.IfStatement:
        return here(statement.consequent) || here(statement.alternate);
      case T.LabeledStatement:
        return visit(statement.body, nested, new Set([...inner, statement.label.name]));
      case T.TryStatement:
        return here(statement.block) || here(statement.handler?.body) || here(statement.finalizer);
      case T.WhileStatement:
      case T.DoWhileStatement:
      case T.ForStatement:
      case T.ForInStatement:
      case T.ForOfStatement:
        return deeper(statement.body);
      case T.SwitchStatement:
        return statement.cases.some((c) => c.consequent.some(deeper));
      default:
        return false;
    }
  };
  return visit(body, 0, new Set());
}

function isEndless(loop: Loop, context: WalkContext): boolean {
  if (loop.test !== null && !context.fold(loop.test)) return false;
  const ownLabels = new Set<string>();
  for (let n = 0, p = context.ancestor(0); p?.type === T.LabeledStatement; p = context.ancestor(++n)) ownLabels.add(p.label.name);
  return !canLeave(loop.body, ownLabels);
}

export function createDosAuditor(sink: FindingSink): Visitor {
  function checkPattern(pattern: string, flags: string, at: TSESTree.Node): void {
    if (backtracksCatastrophically(pattern, flags)) sink.report('dos/redos', at, pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern);
  }

  function checkSize(size: TSESTree.Node | undefined, at: TSESTree.Node, context: WalkContext): void {
    const value = size && size.type !== T.SpreadElement ? context.fold(size) : undefined;
    if (typeof value === 'number' && value > MAX_LITERAL_ALLOCATION) sink.report('dos/memory-bomb', at, value);
  }

  function checkCall(node: TSESTree.CallExpression | TSESTree.NewExpression, context: WalkContext): void {
    const [first] = node.arguments;
    const constructor = globalName(node.callee, context);
    if (constructor === 'RegExp' && first && first.type !== T.SpreadElement) {
      const pattern = context.fold(first);
      const flags = node.arguments[1] === undefined || node.arguments[1].type === T.SpreadElement ? '' : context.fold(node.arguments[1]);
      if (typeof pattern === 'string') checkPattern(pattern, typeof flags === 'string' ? flags : '', node);
      else sink.report('dos/dynamic-regex', node);
      return;
    }
    if (constructor !== null && SIZED_CONSTRUCTORS.has(constructor) && node.arguments.length === 1) {
      checkSize(first, node, context);
      return;
    }
    const callee = unwrapExpression(node.callee);
    if (callee.type !== T.MemberExpression) return;
    const method = literalKey(callee);
    if (method !== null && SIZED_STRING_METHODS.has(method)) checkSize(first, node, context);
    else if (isGlobalMember(callee, 'Array', 'from', context) && first?.type === T.ObjectExpression) {
      const length = first.properties.find(
        (p): p is TSESTree.Property => p.type === T.Property && !p.computed && p.key.type === T.Identifier && p.key.name === 'length',
      );
      checkSize(length?.value, node, context);
    }
  }

  return {
    enter(node, context) {
      switch (node.type) {
        case T.WhileStatement:
        case T.DoWhileStatement:
        case T.ForStatement:
          if (isEndless(node, context)) sink.report('dos/infinite-loop', node);
          return;
        case T.Literal:
          if ('regex' in node && node.regex) checkPattern(node.regex.pattern, node.regex.flags, node);
          return;
        case T.CallExpression:
        case T.NewExpression:
          checkCall(node, context);
          return;
        default:
          return;
      }
    },
  };
}
