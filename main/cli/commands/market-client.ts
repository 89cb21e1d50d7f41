// `foundry market search|show|install|updates|publishers|trust|untrust|forget`: the owner's side
// of the marketplace, from the registries config.yaml names. Thin: parse, call the service, print.
// An install only puts a pending version in the review queue; approving it is `foundry approve`
// (or the window), with both factors, like any version.
import { parseArgs } from 'node:util';
import { EXIT, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { ServiceError } from '../../skills/service-error.ts';
import type { ListingView, TrustScore } from '../../skills/marketplace/index.ts';

export const MARKET_CLIENT_USAGE = [
  'foundry market search [WORDS…] [--category C] | show SLUG[@VERSION] | install SLUG[@VERSION] [--json]',
  'foundry market updates [--fetch] | publishers | trust NAME | untrust NAME | forget NAME [--json]',
];

const ARITY: Record<string, [number, number]> = {
  search: [0, 20], show: [1, 1], install: [1, 1], updates: [0, 0], publishers: [0, 0], trust: [1, 1], untrust: [1, 1], forget: [1, 1],
};
export const MARKET_CLIENT_COMMANDS = Object.keys(ARITY);

const MARK = { good: '+', neutral: '·', bad: '!' } as const;

function trustLines(trust: TrustScore): string[] {
  return [`  trust ${trust.score}/100 / zaufanie ${trust.score}/100`, ...trust.signals.map((s) => `    ${MARK[s.verdict]} ${s.text.en}\n      ${s.text.pl}`)];
}

function listingLine(l: ListingView): string {
  const installed = l.installedVersion ? `  [installed ${l.installedVersion}]` : '';
  return `${l.id.padEnd(40)} ${l.category.padEnd(12)} risk ${l.risk.level.padEnd(6)} trust ${String(l.trust.score).padStart(3)}  ${l.name}${installed}${l.revoked ? '  [REVOKED]' : ''}`;
}

function detailLines(l: ListingView & { localAudit: { verdict: string } | null; problem: { en: string; pl: string } | null }): string[] {
  return [
    `${l.name} — ${l.id}  (${l.registry})`,
    `  ${l.description}`,
    `  category ${l.category}; author ${l.author}; published ${l.publishedAt.slice(0, 10)}`,
    `  publisher "${l.publisher.name}", key ${l.publisher.keyId}, ${l.publisher.fingerprint}`,
    ...(l.problem ? [`  ✗ ${l.problem.en}`, `    pl: ${l.problem.pl}`] : [`  audited on this computer: ${l.localAudit?.verdict ?? '?'}`]),
    '  may / może:',
    ...(l.permissions.length ? l.permissions.map((p) => `    - ${p.text.en}\n      ${p.text.pl}`) : ['    - nothing beyond computing its answers / nic poza obliczaniem odpowiedzi']),
    `  risk / ryzyko: ${l.risk.level}. ${l.risk.reasons.map((r) => r.en).join(' ')}`,
    ...trustLines(l.trust),
  ];
}

export async function runMarketClient(sub: string, args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, category: { type: 'string' }, fetch: { type: 'boolean', default: false } },
  });
  const [min, max] = ARITY[sub]!;
  if (positionals.length < min || positionals.length > max || (values.category !== undefined && sub !== 'search') || (values.fetch && sub !== 'updates')) {
    io.err(`foundry market ${sub}: wrong arguments.\nusage: ${MARKET_CLIENT_USAGE.join('\n       ')}`);
    return EXIT.badInput;
  }
  const json = values.json;
  const print = (data: unknown, lines: string[]) => io.out(json ? JSON.stringify(data, null, 2) : lines.join('\n'));
  const [arg = ''] = positionals;
  return withEngine(io, json, async ({ service }) => {
    try {
      if (sub === 'search') {
        const result = await service.searchMarket('owner', positionals.join(' '), values.category === undefined ? {} : { category: values.category });
        const registryLines = result.registries.map((r) => r.ok
          ? `registry ${r.url}: ${r.listings} listing(s)${r.stale ? ` — offline, cached ${r.fetchedAt} / bez sieci, z pamięci podręcznej` : ''}`
          : `registry ${r.url}: ✗ ${r.error?.en}\n  pl: ${r.error?.pl}`);
        print(result, [
          ...registryLines,
          ...(result.listings.length ? result.listings.map(listingLine) : ['nothing found / nic nie znaleziono']),
          ...(result.listings.length ? ['trust before checking: `foundry market show SLUG` verifies the signature and audits it here / zaufanie przed sprawdzeniem'] : []),
        ]);
      } else if (sub === 'show') {
        const listing = await service.showMarketListing('owner', arg);
        print(listing, detailLines(listing));
      } else if (sub === 'install') {
        const result = await service.installFromMarket('owner', arg);
        const { pipeline, ...rest } = result;
        const steps = pipeline.steps.map((s) => `${s.status === 'ok' ? '✓' : '✗'} ${s.step.padEnd(8)} ${s.summary.en}`);
        const version = result.outcome === 'pending' && pipeline.version ? pipeline.version : null;
        print(json ? { ...rest, steps: pipeline.steps.map(({ data: _data, ...step }) => step) } : null, [
          ...steps,
          ...(version
            ? [`${version.tag} waits for your approval / czeka na zatwierdzenie: foundry review ${version.slug}, then / potem foundry approve ${version.id}`]
            : [`✗ ${result.reason?.en}`, `  pl: ${result.reason?.pl}`]),
          ...trustLines(result.listing.trust),
        ]);
        return result.outcome === 'pending' ? EXIT.ok : EXIT.failed;
      } else if (sub === 'updates') {
        const updates = await service.marketUpdates('owner', { fetch: values.fetch });
        print(updates, updates.length === 0 ? ['no updates / brak aktualizacji'] : updates.map((u) =>
          `${u.slug}: ${u.installedVersion} → ${u.available.version}${u.queuedVersionId ? `  (in the review queue / w kolejce: ${u.queuedVersionId})` : ''}`));
      } else if (sub === 'publishers') {
        const publishers = service.marketPublishers('owner');
        print(publishers, publishers.length === 0 ? ['no publishers pinned yet / brak przypiętych wydawców'] : publishers.map((p) =>
          `${p.name.padEnd(24)} key ${p.keyId}  ${p.fingerprint}  ${p.trusted ? 'trusted / zaufany' : 'pinned / przypięty'} since ${p.pinnedAt.slice(0, 10)}`));
      } else if (sub === 'forget') {
        await service.forgetMarketPublisher('owner', arg);
        print({ ok: true }, [`forgot the pinned key of "${arg}" / usunięto przypięty klucz „${arg}”`]);
      } else {
        const publisher = await service.setMarketPublisherTrusted('owner', arg, sub === 'trust');
        print(publisher, [`"${publisher.name}" (${publisher.fingerprint}): ${publisher.trusted ? 'trusted / zaufany' : 'pinned, not trusted / przypięty, bez zaufania'}`]);
      }
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      if (json) io.out(JSON.stringify({ ok: false, error: { code: error.code, reason: error.reason, message: error.userMessage, details: error.details } }));
      else io.err([`foundry market ${sub}: ${error.userMessage.en}`, `  pl: ${error.userMessage.pl}`, ...error.details.map((d) => `  - ${d}`)].join('\n'));
      return error.code === 'bad-request' ? EXIT.badInput : EXIT.failed;
    }
  });
}
