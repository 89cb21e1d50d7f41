import { secretPlaceholders } from '../../../shared/skills/http-capability.ts';
import type { HttpCallSite } from './capability-extractor.ts';
import type { FindingSink, Where } from './findings.ts';
import type { SecretHosts } from './manifest-secrets.ts';
import type { PlaceholderSite } from './secret-placeholders.ts';

interface ArgumentSpan {
  site: HttpCallSite;
  start: number;
  end: number;
}

/**
 * Each placeholder's innermost `foundry.http.*` call whose arguments hold it, in one sweep over
 * both sorted by position (argument spans of calls nest or are apart, as the syntax tree does), so
 * a file with thousands of calls and placeholders costs n log n, not n × m.
 */
function enclosingCalls(placeholders: readonly PlaceholderSite[], calls: readonly HttpCallSite[]): Map<PlaceholderSite, HttpCallSite> {
  const spans: ArgumentSpan[] = calls
    .filter((site) => site.call.arguments.length > 0)
    .map((site) => ({ site, start: site.call.arguments[0]!.range[0], end: site.call.arguments.at(-1)!.range[1] }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const found = new Map<PlaceholderSite, HttpCallSite>();
  const open: ArgumentSpan[] = [];
  let next = 0;
  for (const placeholder of [...placeholders].sort((a, b) => a.node.range[0] - b.node.range[0])) {
    const [start, end] = placeholder.node.range;
    for (; next < spans.length && spans[next]!.start <= start; next++) {
      while (open.length > 0 && open.at(-1)!.end < spans[next]!.start) open.pop();
      open.push(spans[next]!);
    }
    while (open.length > 0 && open.at(-1)!.end < end) open.pop();
    const innermost = open.at(-1);
    if (innermost) found.set(placeholder, innermost.site);
  }
  return found;
}

/**
 * The code's `{{secret:NAME}}` placeholders against the manifest's secrets: a name the manifest
 * does not declare blocks; a placeholder in a request (URL, headers or body written in the call)
 * to an origin the secret is not bound to blocks, since the guard would refuse that request at
 * run time; a declared secret neither the code nor a declarative action names only warns. Placeholders in text built away
 * from the call are held to their hosts by the guard when the request is made.
 */
export function checkSecretUse(
  placeholders: readonly PlaceholderSite[],
  httpCalls: readonly HttpCallSite[],
  secrets: SecretHosts,
  usedByActions: ReadonlySet<string>,
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

  const callOf = enclosingCalls(placeholders, httpCalls);
  for (const placeholder of placeholders) {
    const { name, node } = placeholder;
    used.add(name);
    if (!secrets.has(name)) {
      if (once(name)) sink.add('secret/undeclared', node, name);
      continue;
    }
    const site = callOf.get(placeholder);
    if (site) bindTo(name, site, node);
  }
  // `const KEY = '{{secret:K}}'; foundry.http.get('https://…?k=' + KEY)`: the literal sits away
  // from the call, but the URL the call folds to names the secret all the same.
  for (const site of httpCalls) {
    for (const name of secretPlaceholders(site.url ?? '')) bindTo(name, site, site.call.arguments[0] ?? site.call);
  }
  for (const name of secrets.keys()) if (!used.has(name) && !usedByActions.has(name)) sink.add('secret/unused', anchor, name);
}
