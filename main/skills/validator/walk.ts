import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';
import { evaluate, isPrimitive, type EvalResult, type StaticPrimitive, type StaticValue } from './literal-eval.ts';
import { openScope, Scope, type Binding } from './scope.ts';

/** For an identifier: a value reference, a name being declared, or a property / label name. */
export type Role = 'expr' | 'binding' | 'name';

/** What a visitor may ask about the node it is visiting; valid only during `enter`. */
export interface WalkContext {
  readonly parent: TSESTree.Node | null;
  readonly role: Role;
  /** The n-th ancestor: 0 is the parent. */
  ancestor(n: number): TSESTree.Node | undefined;
  /** The binding a name refers to here, or null for a free (global) name. */
  resolve(name: string): Binding | null;
  /** Whether `this` here may be the global object (top level, or a plain function). */
  readonly thisIsGlobal: boolean;
  /** The primitive value of an expression when it is known statically (literals, consts, folding). */
  fold(node: TSESTree.Node): StaticPrimitive | undefined;
}

export interface Visitor {
  enter(node: TSESTree.Node, context: WalkContext): void;
}

/** Deeper than any real skill; past it the walk stops instead of risking the stack. */
const MAX_NESTING = 1000;
export class TooDeepError extends Error {}

/** One pass over the program in source order, calling every visitor on every runtime node. */
export function walk(program: TSESTree.Program, visitors: readonly Visitor[]): void {
  new Walker(visitors).visit(program, null, 'expr', 0);
}

const SKIPPED_KEYS = new Set([
  'parent', 'loc', 'range', 'type', 'tokens', 'comments',
  // Type positions: erased before the code runs.
  'typeAnnotation', 'typeParameters', 'typeArguments', 'returnType', 'implements', 'superTypeArguments',
]);

// TypeScript nodes that hold runtime code; every other `TS…` node is a type and is skipped.
const RUNTIME_TS_NODES = new Set<string>([
  T.TSAsExpression, T.TSSatisfiesExpression, T.TSNonNullExpression, T.TSTypeAssertion, T.TSInstantiationExpression,
  T.TSParameterProperty, T.TSEnumDeclaration, T.TSEnumBody, T.TSEnumMember, T.TSModuleDeclaration, T.TSModuleBlock,
  T.TSExportAssignment, T.TSImportEqualsDeclaration,
]);

const MAX_CONST_CHAIN = 50;

function pick(value: StaticValue, key: string, at: TSESTree.Node): EvalResult {
  if (isPrimitive(value) || !Object.hasOwn(value, key)) return { ok: false, at };
  const item = (value as Record<string, StaticValue>)[key];
  return item === undefined ? { ok: false, at } : { ok: true, value: item };
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function isTypeOnly(node: TSESTree.Node): boolean {
  if (node.type.startsWith('TS') && !RUNTIME_TS_NODES.has(node.type)) return true;
  return 'declare' in node && node.declare === true;
}

/** Nodes whose children are names in another module, not code of this one. */
function isOpaque(node: TSESTree.Node): boolean {
  return (
    node.type === T.ImportDeclaration ||
    node.type === T.ExportAllDeclaration ||
    node.type === T.TSImportEqualsDeclaration ||
    (node.type === T.ExportNamedDeclaration && (node.source !== null || node.exportKind === 'type'))
  );
}

function isMethodSlot(parent: TSESTree.Node | null): boolean {
  return (
    parent?.type === T.MethodDefinition ||
    parent?.type === T.Property ||
    parent?.type === T.PropertyDefinition ||
    parent?.type === T.AccessorProperty
  );
}

/** Whether `this` becomes possibly-global (true), local (false) or is inherited (undefined) in a node. */
function thisContextOf(node: TSESTree.Node, parent: TSESTree.Node | null): boolean | undefined {
  if (node.type === T.ClassBody) return false;
  if (node.type === T.FunctionDeclaration || node.type === T.FunctionExpression) return !isMethodSlot(parent);
  return undefined;
}

function childRole(parent: TSESTree.Node, key: string, role: Role): Role {
  switch (parent.type) {
    case T.VariableDeclarator:
    case T.ClassDeclaration:
    case T.ClassExpression:
    case T.TSEnumDeclaration:
    case T.TSModuleDeclaration:
      return key === 'id' ? 'binding' : 'expr';
    case T.FunctionDeclaration:
    case T.FunctionExpression:
    case T.ArrowFunctionExpression:
      return key === 'id' || key === 'params' ? 'binding' : 'expr';
    case T.CatchClause:
      return key === 'param' ? 'binding' : 'expr';
    case T.TSParameterProperty:
      return key === 'parameter' ? 'binding' : 'expr';
    case T.TSEnumMember:
      return key === 'id' ? 'name' : 'expr';
    case T.MemberExpression:
      return key === 'property' && !parent.computed ? 'name' : 'expr';
    case T.Property:
      if (key === 'key') return parent.computed ? 'expr' : 'name';
      return role === 'binding' ? 'binding' : 'expr';
    case T.MethodDefinition:
    case T.PropertyDefinition:
    case T.AccessorProperty:
      return key === 'key' && !parent.computed ? 'name' : 'expr';
    case T.ObjectPattern:
    case T.ArrayPattern:
    case T.RestElement:
      return role === 'binding' ? 'binding' : 'expr';
    case T.AssignmentPattern:
      return key === 'left' && role === 'binding' ? 'binding' : 'expr';
    case T.LabeledStatement:
    case T.BreakStatement:
    case T.ContinueStatement:
      return key === 'label' ? 'name' : 'expr';
    case T.MetaProperty:
      return 'name';
    case T.ExportSpecifier:
      return key === 'exported' ? 'name' : 'expr';
    default:
      return 'expr';
  }
}

function isComputedClassKey(parent: TSESTree.Node, key: string): boolean {
  return (
    key === 'key' &&
    (parent.type === T.MethodDefinition || parent.type === T.PropertyDefinition || parent.type === T.AccessorProperty) &&
    parent.computed
  );
}

class Walker implements WalkContext {
  parent: TSESTree.Node | null = null;
  role: Role = 'expr';
  readonly #visitors: readonly Visitor[];
  readonly #ancestors: TSESTree.Node[] = [];
  readonly #thisStack: boolean[] = [true];
  readonly #constValues = new Map<Binding, EvalResult | 'pending'>();
  #scope = new Scope(null);
  #constChain = 0;

  constructor(visitors: readonly Visitor[]) {
    this.#visitors = visitors;
  }

  get thisIsGlobal(): boolean {
    return this.#thisStack.at(-1) ?? true;
  }

  ancestor(n: number): TSESTree.Node | undefined {
    return this.#ancestors[this.#ancestors.length - 1 - n];
  }

  resolve(name: string): Binding | null {
    return this.#scope.lookup(name);
  }

  fold(node: TSESTree.Node): StaticPrimitive | undefined {
    const result = this.#foldIn(node, this.#scope);
    return result.ok && isPrimitive(result.value) ? result.value : undefined;
  }

  #foldIn(node: TSESTree.Node, scope: Scope): EvalResult {
    return evaluate(node, { mode: 'fold', resolve: (name, at) => this.#constValue(scope, name, at) });
  }

  #constValue(scope: Scope, name: string, at: TSESTree.Identifier): EvalResult {
    const binding = scope.lookup(name);
    const cached = binding && this.#constValues.get(binding);
    const from = binding?.init ?? binding?.source?.object;
    if (binding?.kind !== 'const' || !from || cached === 'pending' || this.#constChain >= MAX_CONST_CHAIN) {
      return { ok: false, at };
    }
    if (cached) return cached;
    this.#constValues.set(binding, 'pending');
    this.#constChain++;
    let folded = this.#foldIn(from, binding.scope);
    // `const [a, b] = ['x', 'y']` takes its element when the destructured initializer is a literal.
    if (binding.source && folded.ok) folded = pick(folded.value, binding.source.key, at);
    this.#constChain--;
    // Only primitives count: the contents of a const object or array can still change at run time.
    const result: EvalResult = folded.ok && isPrimitive(folded.value) ? folded : { ok: false, at };
    this.#constValues.set(binding, result);
    return result;
  }

  visit(node: TSESTree.Node, parent: TSESTree.Node | null, role: Role, depth: number): void {
    if (depth > MAX_NESTING) throw new TooDeepError();
    if (isTypeOnly(node)) return;
    const outerScope = this.#scope;
    this.#scope = openScope(node, parent, outerScope) ?? outerScope;
    const thisContext = thisContextOf(node, parent);
    if (thisContext !== undefined) this.#thisStack.push(thisContext);

    this.parent = parent;
    this.role = role;
    for (const visitor of this.#visitors) visitor.enter(node, this);

    if (!isOpaque(node)) {
      this.#ancestors.push(node);
      for (const key in node) {
        if (SKIPPED_KEYS.has(key) || (node.type === T.Property && node.shorthand && key === 'key')) continue;
        const value: unknown = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
          for (const item of value) if (isNode(item)) this.#visitChild(node, key, item, role, depth);
        } else if (isNode(value)) {
          this.#visitChild(node, key, value, role, depth);
        }
      }
      this.#ancestors.pop();
    }

    if (thisContext !== undefined) this.#thisStack.pop();
    this.#scope = outerScope;
  }

  #visitChild(parent: TSESTree.Node, key: string, child: TSESTree.Node, role: Role, depth: number): void {
    // A computed class member key runs outside the class body: its `this` is the one around the class.
    const outsideClass = isComputedClassKey(parent, key);
    if (outsideClass) this.#thisStack.push(this.#thisStack.at(-2) ?? true);
    this.visit(child, parent, childRole(parent, key, role), depth + 1);
    if (outsideClass) this.#thisStack.pop();
  }
}
