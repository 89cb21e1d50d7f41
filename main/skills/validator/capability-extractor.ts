import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { UsedCapabilities } from '../../../shared/skills/audit.ts';
import { httpCapabilityOf } from '../../../shared/skills/http-capability.ts';
import { QUERY_BLOCKED_METHODS, QUERY_READ_METHODS, QUERY_WRITE_METHODS, SKILL_TABLE_NAME } from '../../../shared/skills/api-allowlist.ts';
import { isCallableSlug, isCapabilityName } from '../../../shared/skills/dependencies.ts';
import { propertyName, unwrapExpression } from './ast-utils.ts';
import type { FindingSink } from './findings.ts';
import { GLOBAL_OBJECT_NAMES, SANDBOX_NAMES } from './globals.ts';
import { literalKey } from './literal-eval.ts';
import type { Visitor, WalkContext } from './walk.ts';

/** Where each capability is first used, so a finding about it can point at the code. */
export interface CapabilitySites {
  reads: ReadonlyMap<string, TSESTree.Node>;
  writes: ReadonlyMap<string, TSESTree.Node>;
  http: ReadonlyMap<string, TSESTree.Node>;
  skills: ReadonlyMap<string, TSESTree.Node>;
  notifications: TSESTree.Node | null;
}

/** One `foundry.http.*` call whose URL fixes its origin, for binding secrets to hosts. */
export interface HttpCallSite {
  capability: string;
  call: TSESTree.CallExpression;
  /** The whole URL when it is known before running (it may name secrets through constants). */
  url: string | null;
}

export interface CapabilityExtractor extends Visitor {
  result(): { used: UsedCapabilities; sites: CapabilitySites; httpCalls: readonly HttpCallSite[] };
}

/** One `.name(…)` step of a call chain above an expression. */
interface Link {
  name: string | null;
  member: TSESTree.MemberExpression;
  call: TSESTree.CallExpression | null;
  /** The outermost node of the link (the call, or the member with any wrappers), and the ancestor index above it. */
  top: TSESTree.Node;
  above: number;
}

const READ_METHODS = new Set<string>(QUERY_READ_METHODS.filter((m) => m !== 'from'));
const WRITE_METHODS = new Set<string>(QUERY_WRITE_METHODS);
const BLOCKED_METHODS = new Set<string>(QUERY_BLOCKED_METHODS);
const SIMPLE_FOUNDRY_METHODS = new Set(['log', 'now', 'notify']);
/** Read-only data the sandbox hands the skill: its settings. Reading them touches nothing. */
const FOUNDRY_DATA = new Set(['config']);
const HTTP_METHODS = new Set(['fetch', 'get', 'post']);
// A literal URL prefix that already fixes the origin: scheme, host and port, then the start of path, query or fragment.
const URL_WITH_HOST = /^https?:\/\/[^/?#\s]+[/?#]/i;

// Wrappers that do not change the value: `supabase!.from`, `(foundry as Api).log`, optional chains.
const VALUE_WRAPPERS = new Set<string>([
  T.ChainExpression, T.TSNonNullExpression, T.TSAsExpression, T.TSSatisfiesExpression, T.TSTypeAssertion,
]);

function isWrapperOf(node: TSESTree.Node | undefined, child: TSESTree.Node): boolean {
  return node !== undefined && VALUE_WRAPPERS.has(node.type) && (node as { expression?: unknown }).expression === child;
}

/** The `.name(…)` link whose object is `from` (found at ancestor index `index` and up), if any. */
function linkAbove(context: WalkContext, from: TSESTree.Node, index: number): Link | null {
  let child = from;
  let i = index;
  let parent = context.ancestor(i);
  for (; isWrapperOf(parent, child); parent = context.ancestor(++i)) child = parent as TSESTree.Node;
  if (parent?.type !== T.MemberExpression || parent.object !== child) return null;
  const member = parent;
  child = member;
  parent = context.ancestor(++i);
  for (; isWrapperOf(parent, child); parent = context.ancestor(++i)) child = parent as TSESTree.Node;
  const call = parent?.type === T.CallExpression && parent.callee === child ? parent : null;
  return { name: literalKey(member), member, call, top: call ?? child, above: call ? i + 1 : i };
}

export function createCapabilityExtractor(sink: FindingSink): CapabilityExtractor {
  const reads = new Map<string, TSESTree.Node>();
  const writes = new Map<string, TSESTree.Node>();
  const updates = new Set<string>();
  const http = new Map<string, TSESTree.Node>();
  const skills = new Map<string, TSESTree.Node>();
  const httpCalls: HttpCallSite[] = [];
  const blockedCalls = new Set<string>();
  let notifications: TSESTree.Node | null = null;

  function record(map: Map<string, TSESTree.Node>, key: string, at: TSESTree.Node): void {
    if (!map.has(key)) map.set(key, at);
  }

  /** The first argument as a static string: undefined when it cannot be known before running. */
  function staticArgument(call: TSESTree.CallExpression, context: WalkContext): string | undefined {
    const [first] = call.arguments;
    const value = first && first.type !== T.SpreadElement ? context.fold(first) : undefined;
    return typeof value === 'string' ? value : undefined;
  }

  function tableOf(call: TSESTree.CallExpression, context: WalkContext): string | null {
    const table = staticArgument(call, context);
    if (table === undefined) sink.report('capability/dynamic-table', call.arguments[0] ?? call);
    else if (!SKILL_TABLE_NAME.test(table)) sink.report('capability/bad-table-name', call.arguments[0] ?? call, table);
    else return table;
    return null;
  }

  function supabaseChain(head: TSESTree.Node, context: WalkContext, above: number): void {
    const first = linkAbove(context, head, above);
    if (!first?.call || first.name === null) {
      sink.report('capability/sandbox-alias', head, 'supabase');
      return;
    }
    if (first.name === 'rpc') {
      blockedCalls.add('rpc');
      sink.report('blocked/rpc', first.member);
      return;
    }
    if (first.name !== 'from') {
      sink.report('capability/unknown-sandbox-api', first.member, `supabase.${first.name}`);
      return;
    }
    const table = tableOf(first.call, context);
    let selects = false;
    let writesTable = false;
    let updatesTable = false;
    let methods = 0;
    for (let link = linkAbove(context, first.call, first.above); link; link = link.call ? linkAbove(context, link.top, link.above) : null) {
      const name = link.name;
      if (name === null || !link.call || !(READ_METHODS.has(name) || WRITE_METHODS.has(name) || BLOCKED_METHODS.has(name))) {
        sink.report('capability/unknown-query-method', link.member, name ?? '[…]');
        return;
      }
      methods++;
      if (BLOCKED_METHODS.has(name)) {
        blockedCalls.add(name);
        if (name === 'rpc') sink.report('blocked/rpc', link.member);
        else sink.report('blocked/delete', link.member, table ?? '?');
        return;
      }
      if (name === 'select') selects = true;
      if (WRITE_METHODS.has(name)) writesTable = true;
      if (name === 'update') updatesTable = true;
    }
    if (methods === 0) sink.report('capability/detached-query', first.call);
    else if (table !== null) {
      if (writesTable) record(writes, table, head);
      if (updatesTable) updates.add(table);
      // insert(…).select() reads back what it wrote.
      if (!writesTable || selects) record(reads, table, head);
    }
  }

  /** The literal part of a URL that is known before running: the whole URL, or its leading text. */
  function staticUrlPrefix(node: TSESTree.Node, context: WalkContext): string | null {
    const value = unwrapExpression(node);
    if (value.type === T.TemplateLiteral) return value.quasis[0]?.value.cooked ?? null;
    if (value.type !== T.BinaryExpression || value.operator !== '+') return null;
    const left = context.fold(value.left);
    return typeof left === 'string' ? left : staticUrlPrefix(value.left, context);
  }

  function originOf(call: TSESTree.CallExpression, context: WalkContext): void {
    const [first] = call.arguments;
    const whole = staticArgument(call, context);
    const prefix = whole ?? (first && first.type !== T.SpreadElement ? staticUrlPrefix(first, context) : null);
    const at = first ?? call;
    if (prefix === null || (whole === undefined && !URL_WITH_HOST.test(prefix))) {
      sink.report('capability/dynamic-url', at);
      return;
    }
    const url = URL.parse(prefix);
    const capability = url && httpCapabilityOf(url);
    if (!capability) {
      sink.report('capability/bad-url', at, prefix.slice(0, 120));
      return;
    }
    record(http, capability, call);
    httpCalls.push({ capability, call, url: whole ?? null });
  }

  function skillOf(call: TSESTree.CallExpression, context: WalkContext): void {
    const slug = staticArgument(call, context);
    const at = call.arguments[0] ?? call;
    if (slug === undefined) sink.report('capability/dynamic-skill', at);
    else if (!isCallableSlug(slug) && !isCapabilityName(slug)) sink.report('capability/bad-skill-slug', at, slug.slice(0, 120));
    else record(skills, slug, call);
  }

  function foundryChain(head: TSESTree.Node, context: WalkContext, above: number): void {
    const first = linkAbove(context, head, above);
    const name = first?.name;
    if (!first || name === null || name === undefined) {
      sink.report('capability/sandbox-alias', head, 'foundry');
      return;
    }
    if (FOUNDRY_DATA.has(name)) return;
    if (SIMPLE_FOUNDRY_METHODS.has(name)) {
      if (!first.call) sink.report('capability/sandbox-alias', head, 'foundry');
      else if (name === 'notify') notifications ??= first.call;
      return;
    }
    if (name !== 'http' && name !== 'skills') {
      sink.report('capability/unknown-sandbox-api', first.member, `foundry.${name}`);
      return;
    }
    const second = first.call ? null : linkAbove(context, first.top, first.above);
    if (!second?.call || second.name === null) {
      sink.report('capability/sandbox-alias', head, `foundry.${name}`);
      return;
    }
    if (name === 'http' && HTTP_METHODS.has(second.name)) originOf(second.call, context);
    else if (name === 'skills' && second.name === 'call') skillOf(second.call, context);
    else sink.report('capability/unknown-sandbox-api', second.member, `foundry.${name}.${second.name}`);
  }

  /**
   * `globalThis.supabase`, `self['foundry']`, top-level `this.supabase`: the global object is a
   * finding of its own, but what the chain touches still belongs in the report, or the owner would
   * read "touches nothing" for a skill that writes.
   */
  function throughGlobalObject(node: TSESTree.Node, context: WalkContext): void {
    const link = linkAbove(context, node, 0);
    if (!link || link.call) return;
    const name = propertyName(link.member, context);
    if (name === 'supabase') supabaseChain(link.top, context, link.above);
    else if (name === 'foundry') foundryChain(link.top, context, link.above);
  }

  return {
    enter(node, context) {
      if (node.type === T.ThisExpression && context.thisIsGlobal) throughGlobalObject(node, context);
      if (node.type !== T.Identifier || context.role !== 'expr' || context.resolve(node.name) !== null) {
        if (node.type === T.Identifier && SANDBOX_NAMES.has(node.name) && context.role === 'binding') {
          sink.report('capability/sandbox-shadow', node, node.name);
        }
        return;
      }
      if (GLOBAL_OBJECT_NAMES.has(node.name)) throughGlobalObject(node, context);
      else if (node.name === 'supabase') supabaseChain(node, context, 0);
      else if (node.name === 'foundry') foundryChain(node, context, 0);
    },
    result() {
      const sorted = (map: ReadonlyMap<string, unknown>): string[] => [...map.keys()].sort();
      return {
        used: {
          reads: sorted(reads),
          writes: sorted(writes),
          http: sorted(http),
          notifications: notifications !== null,
          skills: sorted(skills),
          blockedCalls: [...blockedCalls].sort(),
          updates: [...updates].sort(),
        },
        sites: { reads, writes, http, skills, notifications },
        httpCalls,
      };
    },
  };
}
