import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapExpression } from './ast-utils.ts';
import { RUNTIME_GLOBAL_NAMES } from './globals.ts';

export type BindingKind = 'var' | 'let' | 'const' | 'function' | 'class' | 'param' | 'import' | 'catch' | 'implicit' | 'enum' | 'namespace';

export interface Binding {
  readonly kind: BindingKind;
  /** The scope that declares it (where its initializer's names resolve). */
  readonly scope: Scope;
  /**
   * The initializer of a variable bound to a plain name. Only a `const`'s is its lasting value;
   * a `let` / `var` initializer is kept to follow aliases (`let A = Array`).
   */
  readonly init: TSESTree.Expression | null;
  /** Whether the value is a function or class, whose `.constructor` is the Function constructor. */
  readonly isFunction: boolean;
  /** For a name destructured from an initializer (`const { key: name } = object`, `const [name] = object`): where its value comes from. */
  readonly source: DestructuredSource | null;
}

export interface DestructuredSource {
  readonly object: TSESTree.Expression;
  readonly key: string;
}

export class Scope {
  readonly parent: Scope | null;
  readonly #bindings = new Map<string, Binding>();

  constructor(parent: Scope | null) {
    this.parent = parent;
  }

  declare(
    name: string,
    kind: BindingKind,
    init: TSESTree.Expression | null = null,
    isFunction = false,
    source: DestructuredSource | null = null,
  ): void {
    this.#bindings.set(name, { kind, scope: this, init, isFunction, source });
  }

  /** The binding a name refers to here, or null for a free (global) name. */
  lookup(name: string): Binding | null {
    return this.#bindings.get(name) ?? this.parent?.lookup(name) ?? null;
  }
}

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

function isFunctionValue(init: TSESTree.Expression | null): boolean {
  if (!init) return false;
  const value = unwrapExpression(init);
  return value.type === T.FunctionExpression || value.type === T.ArrowFunctionExpression || value.type === T.ClassExpression;
}

/**
 * The scope a node opens, with every name declared in it bound up front (hoisting), or null if the
 * node opens none. Hoisting looks only at statements, so the whole audit stays linear in size.
 */
export function openScope(node: TSESTree.Node, parentNode: TSESTree.Node | null, outer: Scope): Scope | null {
  switch (node.type) {
    case T.Program:
    case T.StaticBlock:
    case T.TSModuleBlock:
      return withStatements(new Scope(outer), node.body, true);
    case T.FunctionDeclaration:
    case T.FunctionExpression:
    case T.ArrowFunctionExpression:
      return parameterScope(node, outer);
    case T.BlockStatement:
      // A function body is a scope of its own, inside the parameters' one (see `parameterScope`).
      return withStatements(new Scope(outer), node.body, parentNode !== null && isFunction(parentNode));
    case T.ForStatement:
    case T.ForInStatement:
    case T.ForOfStatement: {
      const head = node.type === T.ForStatement ? node.init : node.left;
      if (head?.type !== T.VariableDeclaration || head.kind === 'var') return null;
      const scope = new Scope(outer);
      declareStatement(scope, head);
      return scope;
    }
    case T.SwitchStatement:
      return withStatements(
        new Scope(outer),
        node.cases.flatMap((c) => c.consequent),
        false,
      );
    case T.CatchClause: {
      const scope = new Scope(outer);
      if (node.param) declarePattern(scope, node.param, 'catch');
      return scope;
    }
    case T.ClassExpression: {
      if (!node.id) return null;
      const scope = new Scope(outer);
      scope.declare(node.id.name, 'class', null, true);
      return scope;
    }
    case T.TSEnumBody: {
      const scope = new Scope(outer);
      for (const member of node.members) {
        if (member.id.type === T.Identifier) scope.declare(member.id.name, 'enum');
      }
      return scope;
    }
    default:
      return null;
  }
}

function isFunction(node: TSESTree.Node): node is FunctionNode {
  return node.type === T.FunctionDeclaration || node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression;
}

/**
 * The names a function's parameters see: its own name, `arguments` and the parameters, but not the
 * body's declarations. A default value runs before the body, so in `function f(P = Proxy) { var Proxy }`
 * the default is the global Proxy, not the body's variable.
 */
function parameterScope(node: FunctionNode, outer: Scope): Scope {
  const scope = new Scope(outer);
  if (node.type === T.FunctionExpression && node.id) scope.declare(node.id.name, 'function', null, true);
  if (node.type !== T.ArrowFunctionExpression) scope.declare('arguments', 'implicit');
  for (const param of node.params) declarePattern(scope, param, 'param');
  return scope;
}

/**
 * Whether a TypeScript-only declaration (`enum`, `const enum`, `namespace`) may bind its name.
 * TypeScript emits nothing for some of them (an empty or type-only namespace; a const enum, in other
 * settings than ours), and then the name still means the global at run time: such a declaration
 * never hides a global from the audit.
 */
function mayShadow(name: string): boolean {
  return !RUNTIME_GLOBAL_NAMES.has(name);
}

function withStatements(scope: Scope, statements: readonly TSESTree.Node[], hoistVar: boolean): Scope {
  if (hoistVar) for (const statement of statements) hoistVars(scope, statement);
  for (const statement of statements) declareStatement(scope, statement);
  return scope;
}

function declareStatement(scope: Scope, statement: TSESTree.Node): void {
  switch (statement.type) {
    case T.VariableDeclaration:
      if (statement.declare || statement.kind === 'var') return;
      for (const declarator of statement.declarations) {
        declarePattern(scope, declarator.id, statement.kind === 'const' ? 'const' : 'let', declarator.init, isFunctionValue(declarator.init));
      }
      return;
    case T.FunctionDeclaration:
      if (statement.id) scope.declare(statement.id.name, 'function', null, true);
      return;
    case T.ClassDeclaration:
      if (statement.id && !statement.declare) scope.declare(statement.id.name, 'class', null, true);
      return;
    case T.TSEnumDeclaration:
      if (!statement.declare && mayShadow(statement.id.name)) scope.declare(statement.id.name, 'enum');
      return;
    case T.TSModuleDeclaration:
      if (!statement.declare && statement.id.type === T.Identifier && mayShadow(statement.id.name)) {
        scope.declare(statement.id.name, 'namespace');
      }
      return;
    case T.TSImportEqualsDeclaration:
      if (statement.importKind === 'value') scope.declare(statement.id.name, 'import');
      return;
    case T.ImportDeclaration:
      if (statement.importKind === 'type') return;
      for (const specifier of statement.specifiers) {
        if (specifier.type !== T.ImportSpecifier || specifier.importKind !== 'type') scope.declare(specifier.local.name, 'import');
      }
      return;
    case T.ExportNamedDeclaration:
    case T.ExportDefaultDeclaration:
      if (statement.declaration) declareStatement(scope, statement.declaration);
      return;
    default:
      return;
  }
}

/** `var` declarations anywhere in a function body (not in nested functions) belong to the function. */
function hoistVars(scope: Scope, statement: TSESTree.Node | null | undefined): void {
  if (!statement) return;
  switch (statement.type) {
    case T.VariableDeclaration:
      if (statement.kind === 'var' && !statement.declare) {
        for (const declarator of statement.declarations) {
          declarePattern(scope, declarator.id, 'var', declarator.init, isFunctionValue(declarator.init));
        }
      }
      return;
    case T.BlockStatement:
      for (const inner of statement.body) hoistVars(scope, inner);
      return;
    case T.IfStatement:
      hoistVars(scope, statement.consequent);
      hoistVars(scope, statement.alternate);
      return;
    case T.ForStatement:
      hoistVars(scope, statement.init);
      hoistVars(scope, statement.body);
      return;
    case T.ForInStatement:
    case T.ForOfStatement:
      hoistVars(scope, statement.left);
      hoistVars(scope, statement.body);
      return;
    case T.WhileStatement:
    case T.DoWhileStatement:
    case T.LabeledStatement:
    case T.WithStatement:
      hoistVars(scope, statement.body);
      return;
    case T.TryStatement:
      hoistVars(scope, statement.block);
      hoistVars(scope, statement.handler?.body);
      hoistVars(scope, statement.finalizer);
      return;
    case T.SwitchStatement:
      for (const switchCase of statement.cases) for (const inner of switchCase.consequent) hoistVars(scope, inner);
      return;
    case T.ExportNamedDeclaration:
      hoistVars(scope, statement.declaration);
      return;
    default:
      return;
  }
}

function declarePattern(
  scope: Scope,
  pattern: TSESTree.Node,
  kind: BindingKind,
  init: TSESTree.Expression | null = null,
  isFunctionValued = false,
  source: DestructuredSource | null = null,
): void {
  switch (pattern.type) {
    case T.Identifier:
      // An initializer belongs to the name only when the pattern is that bare name.
      scope.declare(pattern.name, kind, init, isFunctionValued, source);
      return;
    case T.ObjectPattern:
      for (const property of pattern.properties) {
        if (property.type === T.RestElement) declarePattern(scope, property.argument, kind);
        else declarePattern(scope, property.value, kind, null, false, sourceOf(init, staticPropertyKey(property)));
      }
      return;
    case T.ArrayPattern:
      for (const [index, element] of pattern.elements.entries()) {
        if (element) declarePattern(scope, element, kind, null, false, element.type === T.RestElement ? null : sourceOf(init, String(index)));
      }
      return;
    case T.RestElement:
      declarePattern(scope, pattern.argument, kind);
      return;
    case T.AssignmentPattern:
      // With a default, the value may be the default instead; the default is judged where it stands.
      declarePattern(scope, pattern.left, kind, null, false, source);
      return;
    case T.TSParameterProperty:
      declarePattern(scope, pattern.parameter, kind);
      return;
    default:
      return;
  }
}

function sourceOf(object: TSESTree.Expression | null, key: string | null): DestructuredSource | null {
  return object && key !== null ? { object, key } : null;
}

function staticPropertyKey(property: TSESTree.Property): string | null {
  if (property.computed) return null;
  if (property.key.type === T.Identifier) return property.key.name;
  return property.key.type === T.Literal ? String(property.key.value) : null;
}
