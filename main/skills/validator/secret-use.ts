import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { secretPlaceholders } from '../../../shared/skills/http-capability.ts';
import type { HttpCallSite } from './capability-extractor.ts';
import type { FindingSink, Where } from './findings.ts';
import type { SecretHosts } from './manifest-secrets.ts';
import type { PlaceholderSite } from './secret-placeholders.ts';

const within = (inner: TSESTree.Node, outer: TSESTree.Node): boolean => outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];

/** The innermost `foundry.http.*` call whose arguments hold `node`, if any. */
function enclosingCall(node: TSESTree.Node, calls: readonly HttpCallSite[]): HttpCallSite | null {
  let best: HttpCallSite | null = null;
  for (const site of calls) {
    if (!site.call.arguments.some((argument) => within(node, argument))) continue;
    if (!best || within(site.call, best.call)) best = site;
  }
  return best;
}

/**
 * The code's `{{secret:NAME}}` placeholders against the manifest's secrets: a name the manifest
 * does not declare blocks; a placeholder in a request (URL, headers or body written in the call)
 * to an origin the secret is not bound to blocks, since the guard would refuse that request at
 * run time; a declared secret the code never names only warns. Placeholders in text built away
 * from the call are held to their hosts by the guard when the request is made.
 */
export function checkSecretUse(
  placeholders: readonly PlaceholderSite[],
  httpCalls: readonly HttpCallSite[],
  secrets: SecretHosts,
  anchor: Where,
  sink: FindingSink,
): void {
  const used = new Set<string>();
  const reported = new Set<string>();
  const once = (key: string): boolean => {
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  };

  const bindTo = (name: string, site: HttpCallSite, where: Where): void => {
    const hosts = secrets.get(name);
    if (hosts && !hosts.includes(site.capability) && once(`${name} ${site.capability}`)) {
      sink.add('secret/wrong-host', where, name, site.capability, hosts.join(', '));
    }
  };

  for (const { name, node } of placeholders) {
    used.add(name);
    if (!secrets.has(name)) {
      if (once(name)) sink.add('secret/undeclared', node, name);
      continue;
    }
    const site = enclosingCall(node, httpCalls);
    if (site) bindTo(name, site, node);
  }
  // `const KEY = '{{secret:K}}'; foundry.http.get('https://…?k=' + KEY)`: the literal sits away
  // from the call, but the URL the call folds to names the secret all the same.
  for (const site of httpCalls) {
    for (const name of secretPlaceholders(site.url ?? '')) bindTo(name, site, site.call.arguments[0] ?? site.call);
  }
  for (const name of secrets.keys()) if (!used.has(name)) sink.add('secret/unused', anchor, name);
}
