import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';
import { EXECUTOR_METHODS, isCustomModSlug } from '../../../shared/skills/mod-types.ts';
import { unwrapExpression } from './ast-utils.ts';
import { START_OF_FILE, type FindingSink, type Where } from './findings.ts';
import { evaluate, type EvalResult, type StaticValue } from './literal-eval.ts';
import { catastrophicPatterns, schemaProblem } from './schema-check.ts';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
type ClassMember = TSESTree.ClassElement;

/** What the rest of the audit needs to know about the executor class. */
export interface ExecutorFacts {
  /** Where findings about the skill as a whole point: the executor class name, or the file start. */
  anchor: Where;
  slug: string | null;
  slugAt: Where;
  /** The action slugs getActions() returns, when its literal list could be read; null otherwise. */
  actionSlugs: string[] | null;
}

const ACTION_SLUG = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const MAX_ACTION_SLUG = 64;

/** An action's slug as callers name it: snake_case, at most 64 characters (code and manifest actions alike). */
export const isActionSlug = (value: unknown): boolean => typeof value === 'string' && value.length <= MAX_ACTION_SLUG && ACTION_SLUG.test(value);

function exportedClasses(program: TSESTree.Program, sink: FindingSink): ClassNode[] {
  const classes: ClassNode[] = [];
  for (const statement of program.body) {
    if (statement.type === T.ExportDefaultDeclaration) {
      const declaration = statement.declaration;
      if (declaration.type === T.ClassDeclaration || declaration.type === T.ClassExpression) classes.push(declaration);
      else if (declaration.type !== T.TSInterfaceDeclaration) sink.add('conformance/extra-export', statement);
    } else if (statement.type === T.ExportNamedDeclaration) {
      // `export … from` is judged (and blocked) by the security auditor.
      if (statement.source || statement.exportKind === 'type') continue;
      const declaration = statement.declaration;
      if (declaration?.type === T.ClassDeclaration && !declaration.declare) classes.push(declaration);
      else if (declaration ? !isTypeDeclaration(declaration) : statement.specifiers.some((s) => s.exportKind !== 'type')) {
        sink.add('conformance/extra-export', statement);
      }
    } else if (statement.type === T.TSExportAssignment) {
      sink.add('conformance/extra-export', statement);
    }
  }
  return classes;
}

function isTypeDeclaration(node: TSESTree.Node): boolean {
  return (
    node.type === T.TSInterfaceDeclaration ||
    node.type === T.TSTypeAliasDeclaration ||
    node.type === T.TSDeclareFunction ||
    ('declare' in node && node.declare === true)
  );
}

function memberName(member: ClassMember): string | null {
  if (member.type === T.StaticBlock || member.type === T.TSIndexSignature || member.computed || member.static) return null;
  if (member.key.type === T.Identifier) return member.key.name;
  return member.key.type === T.Literal && typeof member.key.value === 'string' ? member.key.value : null;
}

function findMember(members: readonly ClassMember[], name: string): ClassMember | undefined {
  return members.find((member) => memberName(member) === name);
}

/** The function a method member runs: a method, or a property holding a function. */
function methodFunction(member: ClassMember | undefined): TSESTree.FunctionLike | null {
  if (member?.type === T.MethodDefinition && member.kind === 'method') return member.value;
  if (member?.type === T.PropertyDefinition && member.value) {
    const value = unwrapExpression(member.value);
    if (value.type === T.FunctionExpression || value.type === T.ArrowFunctionExpression) return value;
  }
  return null;
}

/** `const` initializers by name, from a list of statements (a method body or the module). */
function constInitializers(statements: readonly TSESTree.Node[]): Map<string, TSESTree.Expression> {
  const initializers = new Map<string, TSESTree.Expression>();
  for (const statement of statements) {
    const declaration = statement.type === T.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== T.VariableDeclaration || declaration.kind !== 'const' || declaration.declare) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === T.Identifier && declarator.init) initializers.set(declarator.id.name, declarator.init);
    }
  }
  return initializers;
}

type ConstScopes = readonly Map<string, TSESTree.Expression>[];

function lookupConst(scopes: ConstScopes, name: string): TSESTree.Expression | undefined {
  for (const scope of scopes) {
    const init = scope.get(name);
    if (init) return init;
  }
  return undefined;
}

/** Evaluates literal data, following `const` names through the given scopes (innermost first). */
function literalEvaluator(scopes: ConstScopes): (node: TSESTree.Node) => EvalResult {
  const pending = new Set<string>();
  const resolve = (name: string, at: TSESTree.Identifier): EvalResult => {
    const init = lookupConst(scopes, name);
    if (!init || pending.has(name)) return { ok: false, at };
    pending.add(name);
    const result = evaluate(init, { mode: 'json', resolve });
    pending.delete(name);
    return result;
  };
  return (node) => evaluate(node, { mode: 'json', resolve });
}

/** The node a name stands for, following `const` names, so findings can point at the literal. */
function literalNode(node: TSESTree.Node, scopes: ConstScopes): TSESTree.Node {
  let current = unwrapExpression(node);
  for (let hops = 0; current.type === T.Identifier && hops < 10; hops++) {
    const init = lookupConst(scopes, current.name);
    if (!init) break;
    current = unwrapExpression(init);
  }
  return current;
}

function isNonEmptyText(value: StaticValue | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export function checkConformance(program: TSESTree.Program, sink: FindingSink): ExecutorFacts {
  const classes = exportedClasses(program, sink);
  const [executor, ...extra] = classes;
  for (const other of extra) sink.add('conformance/multiple-classes', other);
  if (!executor) {
    sink.add('conformance/no-executor-class', START_OF_FILE);
    return { anchor: START_OF_FILE, slug: null, slugAt: START_OF_FILE, actionSlugs: null };
  }
  const anchor: Where = executor.id ?? executor;
  const className = executor.id?.name ?? 'default';
  const implementsExecutor = executor.implements.some(
    (clause) => clause.expression.type === T.Identifier && clause.expression.name === 'IModExecutor',
  );
  if (!implementsExecutor) sink.add('conformance/not-executor', anchor, className);

  const members = executor.body.body;
  const moduleConsts = constInitializers(program.body);
  const slug = checkSlug(members, anchor, className, moduleConsts, sink);
  for (const method of EXECUTOR_METHODS) {
    if (!methodFunction(findMember(members, method))) sink.add('conformance/missing-method', anchor, method);
  }
  const getActions = findMember(members, 'getActions');
  const actionSlugs = getActions && methodFunction(getActions) ? checkActions(getActions, moduleConsts, sink) : null;
  return { anchor, ...slug, actionSlugs };
}

function checkSlug(
  members: readonly ClassMember[],
  anchor: Where,
  className: string,
  moduleConsts: Map<string, TSESTree.Expression>,
  sink: FindingSink,
): { slug: string | null; slugAt: Where } {
  const member = findMember(members, 'slug');
  if (!member) {
    sink.add('conformance/missing-slug', anchor, className);
    return { slug: null, slugAt: anchor };
  }
  const value = member.type === T.PropertyDefinition && member.value ? literalEvaluator([moduleConsts])(member.value) : null;
  if (!value?.ok || typeof value.value !== 'string') {
    sink.add('conformance/slug-not-literal', member);
    return { slug: null, slugAt: member };
  }
  if (!isCustomModSlug(value.value)) sink.add('conformance/invalid-slug', member, value.value.slice(0, 100));
  return { slug: value.value, slugAt: member };
}

/** The returned expression when a method body is only `const` declarations and one final return. */
function returnedExpression(fn: TSESTree.FunctionLike): { returned: TSESTree.Node; statements: readonly TSESTree.Node[] } | null {
  if (fn.async || fn.generator || !fn.body) return null;
  if (fn.body.type !== T.BlockStatement) return { returned: fn.body, statements: [] };
  const statements = fn.body.body;
  const last = statements.at(-1);
  if (last?.type !== T.ReturnStatement || !last.argument) return null;
  const constsOnly = statements
    .slice(0, -1)
    .every((s) => s.type === T.VariableDeclaration && s.kind === 'const' && !s.declare);
  return constsOnly ? { returned: last.argument, statements } : null;
}

/** The slugs of the actions getActions() lists, or null when its list is not literal data. */
function checkActions(
  member: ClassMember,
  moduleConsts: Map<string, TSESTree.Expression>,
  sink: FindingSink,
): string[] | null {
  const fn = methodFunction(member);
  const body = fn && returnedExpression(fn);
  if (!body) {
    sink.add('conformance/actions-not-literal', member);
    return null;
  }
  const scopes = [constInitializers(body.statements), moduleConsts];
  const list = literalNode(body.returned, scopes);
  if (list.type !== T.ArrayExpression) {
    sink.add('conformance/actions-not-literal', body.returned);
    return null;
  }
  let readable = true;
  const evaluateLiteral = literalEvaluator(scopes);
  const seen = new Set<string>();
  for (const [index, element] of list.elements.entries()) {
    const at = element ?? list;
    const result = element ? evaluateLiteral(element) : null;
    if (!result?.ok) {
      sink.add('conformance/actions-not-literal', result?.at ?? at);
      readable = false;
      continue;
    }
    const action = result.value;
    if (typeof action !== 'object' || action === null || Array.isArray(action)) {
      sink.add('conformance/invalid-action', at, index + 1);
      continue;
    }
    const { slug, name, description, params_schema: paramsSchema } = action;
    if (!isNonEmptyText(slug) || !isNonEmptyText(name) || !isNonEmptyText(description) || paramsSchema === undefined) {
      sink.add('conformance/invalid-action', at, index + 1);
      continue;
    }
    if (!isActionSlug(slug)) sink.add('conformance/action-slug', at, slug.slice(0, 100));
    if (seen.has(slug)) sink.add('conformance/duplicate-action', at, slug);
    seen.add(slug);
    const schemaAt = schemaNode(element ? literalNode(element, scopes) : null) ?? at;
    const problem = schemaProblem(paramsSchema);
    if (problem) sink.add('schema/invalid-params-schema', schemaAt, slug, problem);
    for (const pattern of catastrophicPatterns(paramsSchema)) sink.add('schema/redos-pattern', schemaAt, pattern);
  }
  return readable ? [...seen] : null;
}

function schemaNode(action: TSESTree.Node | null): TSESTree.Node | null {
  if (action?.type !== T.ObjectExpression) return null;
  const property = action.properties.find(
    (p) => p.type === T.Property && !p.computed && p.key.type === T.Identifier && p.key.name === 'params_schema',
  );
  return property ?? null;
}
