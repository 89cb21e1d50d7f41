import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';
import { builtinMember, globalName, isGlobalMember, propertyName, rootGlobal, unwrapExpression } from './ast-utils.ts';
import { escapingBuiltin } from './builtin-flow.ts';
import type { FindingSink } from './findings.ts';
import {
  BLOCKED_GLOBALS, BLOCKED_MEMBERS, BUILTIN_METHOD_NAMES, GLOBAL_OBJECT_NAMES, RISKY_SYMBOLS, SAFE_GLOBALS,
  SANDBOX_NAMES, SENSITIVE_STRINGS,
} from './globals.ts';
import { dangerousJsonKey } from './json-keys.ts';
import { isBuiltFromConstants, isNumericKey, picksFromCoercedText } from './key-provenance.ts';
import { literalKey } from './literal-eval.ts';
import type { Visitor, WalkContext } from './walk.ts';

/**
 * What an object expression is, as far as computed access goes: a computed key on the global
 * object, a built-in or a function can reach the Function constructor; on plain local data it cannot.
 */
type ObjectKind = 'global-object' | 'builtin' | 'sandbox' | 'function' | 'builtin-method' | 'local';

function globalKind(name: string): ObjectKind {
  if (SANDBOX_NAMES.has(name)) return 'sandbox';
  return GLOBAL_OBJECT_NAMES.has(name) ? 'global-object' : 'builtin';
}

function classify(expression: TSESTree.Node, context: WalkContext): { kind: ObjectKind; label: string } {
  const node = unwrapExpression(expression);
  switch (node.type) {
    case T.Identifier: {
      // Through aliases too: `const m = Math.max` makes `m` a built-in.
      const global = rootGlobal(node, context);
      if (global !== null) return { kind: globalName(node, context) === null ? 'builtin' : globalKind(global), label: global };
      return { kind: context.resolve(node.name)?.isFunction ? 'function' : 'local', label: node.name };
    }
    case T.ThisExpression:
      return { kind: context.thisIsGlobal ? 'global-object' : 'local', label: 'this' };
    case T.FunctionExpression:
    case T.ArrowFunctionExpression:
    case T.ClassExpression:
      return { kind: 'function', label: 'function' };
    case T.MemberExpression: {
      const name = literalKey(node);
      if (!node.computed && name !== null && BUILTIN_METHOD_NAMES.has(name)) return { kind: 'builtin-method', label: name };
      const root = rootGlobal(node, context);
      if (root === null) return { kind: 'local', label: '' };
      return { kind: SANDBOX_NAMES.has(root) ? 'sandbox' : 'builtin', label: root };
    }
    default:
      return { kind: 'local', label: '' };
  }
}

const DECODERS = new Set(['atob', 'btoa', 'unescape', 'decodeURIComponent', 'decodeURI']);

/** How a computed key was built, when it was built from character codes or decoding. */
function builtKey(key: TSESTree.Node, context: WalkContext): string | null {
  const node = unwrapExpression(key);
  if (node.type === T.TaggedTemplateExpression && isGlobalMember(node.tag, 'String', 'raw', context)) return 'String.raw';
  if (node.type !== T.CallExpression) return null;
  for (const method of ['fromCharCode', 'fromCodePoint']) {
    if (isGlobalMember(node.callee, 'String', method, context)) return `String.${method}`;
  }
  const callee = globalName(node.callee, context);
  return callee !== null && DECODERS.has(callee) ? `${callee}()` : null;
}

/** A computed key built only from constants that the evaluator could not spell out (see key-provenance.ts). */
function isOpaqueKey(key: TSESTree.Node, context: WalkContext): boolean {
  return !isNumericKey(key) && isBuiltFromConstants(key, context);
}

/** The object a destructuring pattern (the visited property's parent) reads from, when it is written beside it. */
function destructuredObject(context: WalkContext): TSESTree.Node | null {
  const pattern = context.parent;
  const holder = context.ancestor(1);
  if (holder?.type === T.VariableDeclarator && holder.id === pattern) return holder.init;
  if (holder?.type === T.AssignmentExpression && holder.left === pattern) return holder.right;
  return null;
}

function isDynamicMember(node: TSESTree.Node, context: WalkContext): node is TSESTree.MemberExpression {
  return node.type === T.MemberExpression && node.computed && propertyName(node, context) === null;
}

const STRING_FUNCTIONS = new Set([
  'toString', 'join', 'concat', 'fromCharCode', 'fromCodePoint', 'toLowerCase', 'toUpperCase', 'slice', 'substring', 'trim',
]);

/** Expressions that may build a string; only the outermost of a nested group is folded (linear cost). */
function isStringBuilder(node: TSESTree.Node, parent: TSESTree.Node | null): boolean {
  if (parent?.type === T.TemplateLiteral || (parent?.type === T.BinaryExpression && parent.operator === '+')) return false;
  switch (node.type) {
    case T.TemplateLiteral:
    case T.TaggedTemplateExpression:
      return true;
    case T.BinaryExpression:
      return node.operator === '+';
    case T.CallExpression: {
      const callee = node.callee;
      if (callee.type !== T.MemberExpression || (parent?.type === T.MemberExpression && parent.object === node)) return false;
      const name = literalKey(callee);
      return name !== null && STRING_FUNCTIONS.has(name);
    }
    default:
      return false;
  }
}

/** A string in a property-key position is judged by the member rules, not as a free-standing string. */
function isKeyPosition(node: TSESTree.Node, parent: TSESTree.Node | null): boolean {
  return (
    (parent?.type === T.MemberExpression && parent.computed && parent.property === node) ||
    (parent?.type === T.Property && parent.key === node)
  );
}

const FS_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises']);
const CHILD_PROCESS_MODULES = new Set(['child_process', 'node:child_process']);
const OBJECT_MUTATORS = new Set(['defineProperty', 'defineProperties', 'assign']);

export function createSecurityAuditor(sink: FindingSink, source: string): Visitor {
  function checkFreeName(node: TSESTree.Identifier): void {
    const rule = BLOCKED_GLOBALS.get(node.name);
    if (rule) sink.reportName(rule, node, node.name);
    else if (!SAFE_GLOBALS.has(node.name) && !SANDBOX_NAMES.has(node.name)) sink.report('blocked/unknown-global', node, node.name);
  }

  function checkName(name: string, at: TSESTree.Node, object: TSESTree.Node | null, context: WalkContext): void {
    const rule = BLOCKED_MEMBERS.get(name);
    if (rule) {
      sink.reportName(rule, at, name);
      return;
    }
    if (!object) return;
    const owner = globalName(object, context);
    if (name === 'prototype' && owner !== null) sink.report('evasion/builtin-prototype', at, owner);
    else if (owner === 'Symbol' && RISKY_SYMBOLS.has(name)) sink.report('evasion/well-known-symbol', at, name);
    else if (owner === 'Object' && name === 'setPrototypeOf') sink.report('evasion/prototype-mutation', at, 'Object.setPrototypeOf');
    else if (owner === 'Object' && name === 'getPrototypeOf') sink.report('evasion/prototype-access', at, 'Object.getPrototypeOf');
  }

  function checkMember(node: TSESTree.MemberExpression, context: WalkContext): void {
    if (!node.computed && node.property.type === T.PrivateIdentifier) return;
    const object = classify(node.object, context);
    // supabase / foundry are judged by the capability extractor, which knows their allowed shapes.
    if (object.kind === 'sandbox') return;
    if (node.computed && object.kind === 'global-object') {
      sink.report('evasion/computed-global', node, object.label);
      return;
    }
    const name = propertyName(node, context);
    if (name !== null) checkName(name, node, node.object, context);
    if (picksFromCoercedText(node, context)) sink.report('evasion/coerced-text', node);
    if (name !== null) return;
    const how = builtKey(node.property, context);
    if (how) sink.report('evasion/built-key', node, how);
    else if (isOpaqueKey(node.property, context)) sink.report('evasion/opaque-key', node);
    else if (object.kind === 'builtin') sink.report('evasion/computed-global', node, object.label);
    else if (object.kind === 'function' || object.kind === 'builtin-method') sink.report('evasion/computed-key', node);
  }

  function checkCall(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression, context: WalkContext): void {
    const callee = unwrapExpression(node.type === T.TaggedTemplateExpression ? node.tag : node.callee);
    if (isDynamicMember(callee, context) && isDynamicMember(unwrapExpression(callee.object), context)) {
      sink.report('evasion/computed-call-chain', node);
    }
    if (node.type === T.TaggedTemplateExpression) return;
    const member = builtinMember(callee, context);
    const [target] = node.arguments;
    if (!member || !target || target.type === T.SpreadElement) return;
    if (member[0] === 'Object' && OBJECT_MUTATORS.has(member[1])) checkWriteTarget(target, node, context);
    else if (member[0] === 'JSON' && member[1] === 'parse') checkJsonText(target, node, context);
  }

  /** JSON text with a `__proto__` key, copied by Object.assign or a spread, replaces the target's prototype. */
  function checkJsonText(text: TSESTree.Node, at: TSESTree.Node, context: WalkContext): void {
    const value = context.fold(text);
    if (typeof value === 'string') {
      const key = dangerousJsonKey(value);
      if (key !== null) sink.report('evasion/json-proto', at, key);
    } else if (isBuiltFromConstants(text, context)) {
      sink.report('evasion/opaque-key', at);
    }
  }

  /** A write whose target is a built-in (or something hanging off one) changes it for all code. */
  function checkWriteTarget(target: TSESTree.Node, at: TSESTree.Node, context: WalkContext): void {
    const node = unwrapExpression(target);
    // A blocked member (`Error.prepareStackTrace = …`) gets its own, more telling finding.
    if (node.type === T.MemberExpression && BLOCKED_MEMBERS.has(propertyName(node, context) ?? '')) return;
    const owner = rootGlobal(node, context);
    if (owner === null || SANDBOX_NAMES.has(owner)) return;
    if (node.type === T.MemberExpression || SAFE_GLOBALS.has(owner) || BLOCKED_GLOBALS.has(owner)) {
      sink.report('evasion/builtin-mutation', at, owner);
    }
  }

  function checkAssignmentTargets(pattern: TSESTree.Node, context: WalkContext): void {
    switch (pattern.type) {
      case T.ObjectPattern:
        for (const property of pattern.properties) {
          checkAssignmentTargets(property.type === T.Property ? property.value : property.argument, context);
        }
        return;
      case T.ArrayPattern:
        for (const element of pattern.elements) if (element) checkAssignmentTargets(element, context);
        return;
      case T.AssignmentPattern:
        checkAssignmentTargets(pattern.left, context);
        return;
      case T.RestElement:
        checkAssignmentTargets(pattern.argument, context);
        return;
      default:
        checkWriteTarget(pattern, pattern, context);
    }
  }

  function checkString(node: TSESTree.Node, context: WalkContext): void {
    if (isKeyPosition(node, context.parent)) return;
    const value = node.type === T.Literal ? node.value : isStringBuilder(node, context.parent) ? context.fold(node) : undefined;
    if (typeof value === 'string' && SENSITIVE_STRINGS.has(value)) sink.report('evasion/sensitive-string', node, value);
  }

  function checkImport(node: TSESTree.ImportDeclaration): void {
    const typeOnly =
      node.importKind === 'type' ||
      (node.specifiers.length > 0 && node.specifiers.every((s) => s.type === T.ImportSpecifier && s.importKind === 'type'));
    if (typeOnly) return;
    const from = node.source.value;
    if (FS_MODULES.has(from)) sink.report('blocked/fs', node);
    else if (CHILD_PROCESS_MODULES.has(from)) sink.report('blocked/child-process', node);
    else sink.report('blocked/import', node, from);
  }

  function checkIdentifier(node: TSESTree.Identifier, context: WalkContext): void {
    // An escaped identifier's source text differs from its name (`\u0065val` is `eval`).
    if (!source.startsWith(node.name, node.range[0])) sink.report('evasion/unicode-escape', node, node.name);
    if (context.role !== 'expr') return;
    if (context.resolve(node.name) === null) checkFreeName(node);
    checkEscape(node, context);
  }

  function checkEscape(node: TSESTree.Identifier | TSESTree.MemberExpression, context: WalkContext): void {
    const label = escapingBuiltin(node, context);
    if (label !== null) sink.report('evasion/builtin-alias', node, label);
  }

  function checkProperty(node: TSESTree.Property, context: WalkContext): void {
    const key = node.computed ? context.fold(node.key) : node.key.type === T.Identifier ? node.key.name : node.key.value;
    const inPattern = context.parent?.type === T.ObjectPattern;
    if (inPattern && key === undefined && isOpaqueKey(node.key, context)) sink.report('evasion/opaque-key', node);
    if (typeof key !== 'string') return;
    // Destructuring reads the property: `const { prototype } = Object` is `Object.prototype`.
    if (inPattern) checkName(key, node, destructuredObject(context), context);
    // In an object literal, a plain `__proto__:` key sets the prototype instead of a property.
    else if (key === '__proto__' && !node.computed && !node.shorthand && !node.method) sink.report('evasion/proto', node, key);
  }

  return {
    enter(node, context) {
      switch (node.type) {
        case T.Identifier:
          checkIdentifier(node, context);
          return;
        case T.PrivateIdentifier:
          if (!source.startsWith(`#${node.name}`, node.range[0])) sink.report('evasion/unicode-escape', node, node.name);
          return;
        case T.ThisExpression:
          if (context.thisIsGlobal) sink.report('evasion/global-this', node);
          return;
        case T.MemberExpression:
          checkMember(node, context);
          checkEscape(node, context);
          return;
        case T.Property:
          checkProperty(node, context);
          return;
        case T.CallExpression:
        case T.NewExpression:
        case T.TaggedTemplateExpression:
          checkCall(node, context);
          checkString(node, context);
          return;
        case T.Literal:
        case T.TemplateLiteral:
        case T.BinaryExpression:
          checkString(node, context);
          return;
        case T.AssignmentExpression:
          checkAssignmentTargets(node.left, context);
          return;
        case T.UpdateExpression:
          checkWriteTarget(node.argument, node, context);
          return;
        case T.UnaryExpression:
          if (node.operator === 'delete') checkWriteTarget(node.argument, node, context);
          return;
        case T.ForInStatement:
        case T.ForOfStatement:
          if (node.left.type !== T.VariableDeclaration) checkAssignmentTargets(node.left, context);
          return;
        case T.WithStatement:
          sink.report('blocked/with', node);
          return;
        case T.ImportExpression:
          sink.report('blocked/dynamic-import', node);
          return;
        case T.MetaProperty:
          if (node.meta.name === 'import') sink.report('blocked/import-meta', node);
          return;
        case T.ImportDeclaration:
          checkImport(node);
          return;
        case T.ExportAllDeclaration:
        case T.ExportNamedDeclaration:
          if (node.source && node.exportKind === 'value') sink.report('blocked/import', node, node.source.value);
          return;
        case T.TSImportEqualsDeclaration:
          if (node.importKind === 'value') sink.report('blocked/require', node);
          return;
        case T.JSXElement:
        case T.JSXFragment:
          if (!context.parent?.type.startsWith('JSX')) sink.report('blocked/jsx', node);
          return;
        default:
          return;
      }
    },
  };
}
