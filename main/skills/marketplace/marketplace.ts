// The marketplace client: browse the registries config.yaml names, inspect a listing, and install
// one — which only ever puts a pending version in the review queue.
//
// Install = download → the hash the index lists → the signature with the listing's publisher key
// (pinned by name on first install; a different key for a known name is refused with a warning) →
// the archive and files read as an untrusted skill folder → the pipeline every skill takes: the
// audit on this computer (the registry's `auditInfo` is never trusted), the dry run with the
// bundle's samples, the disclosure, a pending version. The owner approves it with both factors
// like any version; nothing of the bundle runs before that. The assistant may browse and request an
// install (its request shows as "requested by your assistant"), never approve.
//
// Revocations: whenever indexes are read, installed bundles (or publisher keys) a registry revoked
// are disabled — a running skill is archived, a pending version rejected — and the owner is told.
import semver from 'semver';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { Actor } from '../../../shared/contract/records.ts';
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import type { FoundryStore } from '../../store/index.ts';
import type { MarketInstall, PinnedPublisher } from '../../store/repositories/market.ts';
import type { PipelineResult } from '../pipeline.ts';
import type { PrincipalKind } from '../rbac/roles.ts';
import { PRINCIPAL_NAMES } from '../rbac/roles.ts';
import { auditSkillOffThread } from '../validator/audit-off-thread.ts';
import { buildDisclosure } from '../approval/disclosure.ts';
import { openBundle, sha256Hex, type OpenedBundle } from './bundle.ts';
import { MarketError } from './market-error.ts';
import { MARKET_MESSAGES } from './market-messages.ts';
import { parsePublicKey } from './minisign.ts';
import type { MarketListing } from './registry-index.ts';
import type { ListingDetail, ListingView, MarketInstallView, MarketSearchResult, RegistryState } from '../../../shared/contract/market-records.ts';
import type { FetchedIndex, RegistrySource } from './registry-source.ts';
import { trustScore } from './trust.ts';

export interface MarketNotice {
  kind: 'pending-review' | 'skill-revoked';
  skillSlug: string;
  versionId: string | null;
  title: Localized;
  body: Localized;
}

export interface MarketplaceDeps {
  store: FoundryStore;
  source: RegistrySource;
  settings: () => { enabled: boolean; registries: string[]; autoUpdate: boolean };
  /** The pipeline with this candidate as its only attempt (audit, dry run, disclosure, pending). */
  submit: (candidate: SkillCandidate, actor: Actor, registry: string) => Promise<PipelineResult>;
  /** Files "requested by your assistant" in the review queue. */
  requestReview: (slug: string, note: string) => void;
  /** Archives a running skill a registry revoked. */
  disable: (slug: string) => void;
  notify: (notice: MarketNotice) => void;
}

export type { ListingView, MarketSearchResult as SearchResult, RegistryState };

export interface InstallResult extends MarketInstallView {
  pipeline: PipelineResult;
}

export interface UpdateView {
  slug: string;
  installedVersion: string;
  available: ListingView;
  /** Set when autoUpdate fetched it into the review queue now. */
  queuedVersionId: string | null;
}

interface Found { listing: MarketListing; registry: string; revocations: FetchedIndex['index']['revocations'] }

const MAX_QUERY = 200;

/** What the pipeline records as the need behind a marketplace install (like `foundry skills import`). */
export function marketplaceNeed(candidate: SkillCandidate, registry: string): SkillNeed {
  return {
    kind: 'tracker', subject: candidate.manifest.name, subjectKey: candidate.manifest.slug, unit: null, cadence: { type: 'none' }, language: 'en',
    source: 'import', text: `installed from the marketplace: ${registry}`.slice(0, 500),
  };
}

export function createMarketplace(deps: MarketplaceDeps) {
  const { store } = deps;
  const repo = store.market;

  function settings() {
    const current = deps.settings();
    if (!current.enabled) throw new MarketError('marketplace/disabled', MARKET_MESSAGES.disabled);
    if (current.registries.length === 0) throw new MarketError('registry/not-configured', MARKET_MESSAGES.noRegistry);
    return current;
  }

  /** Installs whose version still runs or waits for review. */
  function liveInstalls(): MarketInstall[] {
    return repo.installs().filter((install) => {
      const version = store.versions.get(install.versionId);
      return install.revokedAt === null && version !== null && (version.status === 'pending' || store.versions.active(install.slug)?.id === version.id);
    });
  }

  /** Disables installed bundles a registry revoked: runs on every read of the indexes. */
  function applyRevocations(fetched: readonly FetchedIndex[]): void {
    for (const { registry, index } of fetched) {
      const bundles = new Set(index.revocations.bundles);
      const keys = new Set(index.revocations.keys);
      for (const install of liveInstalls()) {
        if (!bundles.has(install.bundleSha256) && !keys.has(install.keyId)) continue;
        if (!repo.markRevoked(install.versionId)) continue;
        const version = store.versions.get(install.versionId)!;
        if (version.status === 'pending') store.versions.decide(version.id, 'pending', 'rejected', 'system', 'revoked by its registry');
        else deps.disable(install.slug);
        store.auditLog.append({ actor: 'system', event: 'market.revoked', skillSlug: install.slug, versionId: version.id, contentSha256: version.contentSha256, data: { registry, bundleSha256: install.bundleSha256, keyId: install.keyId } });
        deps.notify({ kind: 'skill-revoked', skillSlug: install.slug, versionId: version.id, ...MARKET_MESSAGES.revokedNotice(version.name, registry) });
      }
    }
  }

  async function readIndexes(registries: readonly string[]): Promise<{ fetched: FetchedIndex[]; states: RegistryState[] }> {
    const fetched: FetchedIndex[] = [];
    const states: RegistryState[] = [];
    for (const url of registries) {
      try {
        const one = await deps.source.index(url);
        fetched.push(one);
        states.push({ url, ok: true, stale: one.stale, fetchedAt: one.fetchedAt, listings: one.index.listings.length, error: null });
      } catch (error) {
        if (!(error instanceof MarketError)) throw error;
        states.push({ url, ok: false, stale: false, fetchedAt: null, listings: 0, error: error.userMessage });
      }
    }
    applyRevocations(fetched);
    return { fetched, states };
  }

  function isRevoked(found: Found): boolean {
    return found.revocations.bundles.includes(found.listing.sha256) || found.revocations.keys.includes(found.listing.publisher.keyId);
  }

  function installedVersion(slug: string): string | null {
    return liveInstalls().find((i) => i.slug === slug)?.bundleVersion ?? null;
  }

  function view(found: Found, checked: { signatureValid: boolean | null; audit: 'pass' | 'warn' | 'block' | null } = { signatureValid: null, audit: null }): ListingView {
    const { signature: _signature, configSchema: _schema, ...listing } = found.listing;
    const revoked = isRevoked(found);
    // The key and fingerprint as computed here: the index's own fingerprint text is not trusted.
    const key = parsePublicKey(listing.publisher.publicKey);
    return {
      ...listing,
      publisher: { ...listing.publisher, keyId: key.keyId, fingerprint: key.fingerprint },
      registry: found.registry,
      installedVersion: installedVersion(listing.slug),
      revoked,
      trust: trustScore({
        ...checked, revoked, publisher: { name: listing.publisher.name, publicKey: key.key, fingerprint: key.fingerprint }, pinned: repo.publisher(listing.publisher.name), risk: listing.risk.level,
        name: listing.name, description: listing.description, permissions: listing.permissions, publishedAt: listing.publishedAt, now: store.now(),
      }),
    };
  }

  /** Every listing, newest version of each slug per registry first. */
  function allListings(fetched: readonly FetchedIndex[]): Found[] {
    const found = fetched.flatMap(({ registry, index }) => index.listings.map((listing) => ({ listing, registry, revocations: index.revocations })));
    return found.sort((a, b) => a.listing.slug.localeCompare(b.listing.slug) || semver.rcompare(a.listing.version, b.listing.version));
  }

  /** `slug@version`, or a slug (its newest version). */
  function find(fetched: readonly FetchedIndex[], idOrSlug: string): Found {
    const all = allListings(fetched);
    const found = all.find((f) => f.listing.id === idOrSlug) ?? all.find((f) => f.listing.slug === idOrSlug);
    if (!found) throw new MarketError('listing/not-found', MARKET_MESSAGES.notFound(idOrSlug.slice(0, MAX_QUERY)));
    return found;
  }

  /** The publisher pinned for the listing's name, or the refusal when that name now signs with another key. */
  function checkPublisher(listing: MarketListing): PinnedPublisher | null {
    const pinned = repo.publisher(listing.publisher.name);
    const key = parsePublicKey(listing.publisher.publicKey);
    if (pinned && pinned.publicKey !== key.key) {
      store.auditLog.append({ actor: 'system', event: 'market.key-changed', skillSlug: listing.slug, data: { publisher: listing.publisher.name, pinned: pinned.fingerprint, offered: key.fingerprint } });
      throw new MarketError('publisher/key-changed', MARKET_MESSAGES.keyChanged(listing.publisher.name, pinned.fingerprint, key.fingerprint), [pinned.fingerprint, key.fingerprint]);
    }
    return pinned;
  }

  /** Downloads and opens the listing's bundle: hash, signature, archive, files. */
  async function fetchBundle(found: Found): Promise<OpenedBundle> {
    const { listing } = found;
    const archive = await deps.source.bundle(found.registry, listing.bundle);
    if (sha256Hex(archive) !== listing.sha256) throw new MarketError('signature/invalid', MARKET_MESSAGES.hashMismatch(listing.bundle));
    const bundle = await openBundle(archive, listing.signature, parsePublicKey(listing.publisher.publicKey));
    if (bundle.slug !== listing.slug || bundle.version !== listing.version)
      throw new MarketError('bundle/invalid', MARKET_MESSAGES.listingMismatch(listing.id, `${bundle.slug}@${bundle.version}`));
    return bundle;
  }

  async function install(actor: Actor, found: Found): Promise<InstallResult> {
    const { listing } = found;
    if (isRevoked(found)) throw new MarketError('listing/revoked', MARKET_MESSAGES.revoked(listing.id));
    const pinned = checkPublisher(listing);
    const bundle = await fetchBundle(found);
    const pipeline = await deps.submit(bundle.candidate, actor, found.registry);
    if (pipeline.outcome === 'pending') {
      const key = parsePublicKey(listing.publisher.publicKey);
      // Pinned on the first install that reached the review queue: from then on this name must sign with this key.
      if (!pinned) repo.pinPublisher({ name: listing.publisher.name, keyId: key.keyId, publicKey: key.key, fingerprint: key.fingerprint });
      const { version } = pipeline;
      repo.recordInstall({
        versionId: version.id, slug: version.slug, registryUrl: found.registry, bundleVersion: bundle.version, bundleSha256: bundle.sha256,
        publisher: listing.publisher.name, keyId: key.keyId, requestedBy: actor,
      });
      store.auditLog.append({
        actor, event: 'market.install-requested', skillSlug: version.slug, versionId: version.id, contentSha256: version.contentSha256,
        data: { registry: found.registry, listing: listing.id, bundleSha256: bundle.sha256, publisher: listing.publisher.name, keyId: key.keyId },
      });
      const who = actor === 'owner' || actor === 'assistant' || actor === 'scheduler' ? PRINCIPAL_NAMES[actor] : { en: 'automatic updates', pl: 'automatyczne aktualizacje' };
      deps.notify({ kind: 'pending-review', skillSlug: version.slug, versionId: version.id, ...MARKET_MESSAGES.installNotice(version.name, version.tag, who, found.registry) });
      if (actor === 'assistant') deps.requestReview(version.slug, MARKET_MESSAGES.assistantNote(found.registry));
    }
    const audit = pipeline.steps.findLast((s) => s.step === 'audit')?.data as { verdict?: 'pass' | 'warn' | 'block' } | undefined;
    return {
      listing: view(found, { signatureValid: true, audit: audit?.verdict ?? null }),
      outcome: pipeline.outcome,
      versionId: pipeline.version?.id ?? null,
      reason: pipeline.outcome === 'failed' ? pipeline.reason : null,
      pipeline,
    };
  }

  /** Newer versions of running installs in `fetched`; with `queue`, each fetched into the review queue. */
  async function updatesIn(fetched: readonly FetchedIndex[], queue: boolean): Promise<UpdateView[]> {
    const all = allListings(fetched);
    const updates: UpdateView[] = [];
    const live = liveInstalls();
    const isPending = (i: MarketInstall) => store.versions.get(i.versionId)?.status === 'pending';
    const waiting = new Set(live.filter(isPending).map((i) => `${i.slug}@${i.bundleVersion}`));
    const running = live.filter((i) => !isPending(i));
    for (const installed of running) {
      const newer = all.find((f) => f.listing.slug === installed.slug && f.listing.publisher.name === installed.publisher && !isRevoked(f) && semver.gt(f.listing.version, installed.bundleVersion));
      if (!newer) continue;
      let queuedVersionId: string | null = null;
      if (queue && !waiting.has(newer.listing.id)) {
        try {
          // Updates are requested by the system, not by whoever asked for the list.
          queuedVersionId = (await install('system', newer)).versionId;
        } catch (error) {
          if (!(error instanceof MarketError)) throw error;
        }
      }
      updates.push({ slug: installed.slug, installedVersion: installed.bundleVersion, available: view(newer), queuedVersionId });
    }
    return updates;
  }

  function matches(listing: MarketListing, words: readonly string[], category: string | undefined): boolean {
    if (category !== undefined && listing.category !== category) return false;
    const text = `${listing.slug} ${listing.name} ${listing.description} ${listing.category} ${listing.author}`.toLowerCase();
    return words.every((word) => text.includes(word));
  }

  return {
    /** Listings matching every word of `query` (name, description, slug, category, author), newest version of each skill per registry. */
    async search(query = '', options: { category?: string } = {}): Promise<MarketSearchResult> {
      const { registries } = settings();
      const { fetched, states } = await readIndexes(registries);
      const words = query.slice(0, MAX_QUERY).toLowerCase().split(/\s+/).filter(Boolean);
      const seen = new Set<string>();
      const listings: ListingView[] = [];
      const categories = new Set<string>();
      for (const found of allListings(fetched)) {
        categories.add(found.listing.category);
        const key = `${found.registry} ${found.listing.slug}`;
        if (seen.has(key) || !matches(found.listing, words, options.category)) continue;
        seen.add(key);
        listings.push(view(found));
      }
      return { listings, categories: [...categories].sort(), registries: states };
    },

    /**
     * One listing, checked on this computer without installing: downloaded, verified, audited here.
     * Its trust score then reads the real signature and audit; the disclosure is computed here too.
     */
    async show(idOrSlug: string): Promise<ListingDetail> {
      const { registries } = settings();
      const { fetched } = await readIndexes(registries);
      const found = find(fetched, idOrSlug);
      try {
        const bundle = await fetchBundle(found);
        const report = await auditSkillOffThread(bundle.candidate.code, { manifest: bundle.candidate.manifest });
        const disclosure = buildDisclosure({ manifest: bundle.candidate.manifest, report, previous: null });
        return {
          ...view(found, { signatureValid: true, audit: report.verdict }),
          permissions: disclosure.items,
          risk: disclosure.risk,
          localAudit: { verdict: report.verdict, warnings: disclosure.warnings },
          problem: null,
        };
      } catch (error) {
        if (!(error instanceof MarketError)) throw error;
        const signatureBroken = error.code.startsWith('signature/') || error.code === 'bundle/invalid';
        return { ...view(found, { signatureValid: signatureBroken ? false : null, audit: null }), localAudit: null, problem: error.userMessage };
      }
    },

    async install(principal: PrincipalKind, idOrSlug: string): Promise<InstallResult> {
      const { registries } = settings();
      const { fetched } = await readIndexes(registries);
      return install(principal, find(fetched, idOrSlug));
    },

    /**
     * Newer versions of installed skills from the same publisher. With `autoUpdate` on (and
     * `fetch`), each one is fetched into the review queue with its capability diff; the running
     * version keeps running until the owner approves the new one with both factors.
     */
    async updates(options: { fetch?: boolean } = {}): Promise<UpdateView[]> {
      const current = settings();
      const { fetched } = await readIndexes(current.registries);
      return updatesIn(fetched, current.autoUpdate && options.fetch === true);
    },

    /**
     * The check that runs by itself (market-checks.ts): every registry read, so revocations are
     * applied; with `autoUpdate`, newer versions queued for review. Recorded in the audit log with
     * what each registry answered.
     */
    async check(): Promise<{ registries: RegistryState[]; updates: UpdateView[] }> {
      const current = settings();
      const { fetched, states } = await readIndexes(current.registries);
      const updates = await updatesIn(fetched, current.autoUpdate);
      store.auditLog.append({
        actor: 'system', event: 'market.checked',
        data: {
          registries: states.map((s) => ({ url: s.url, ok: s.ok, stale: s.stale, ...(s.error ? { error: s.error.en } : {}) })),
          queued: updates.filter((u) => u.queuedVersionId !== null).map((u) => u.available.id),
        },
      });
      return { registries: states, updates };
    },

    /** Publishers pinned here, by name. */
    publishers: (): PinnedPublisher[] => repo.publishers(),

    /** The owner marks a pinned publisher trusted (or not): it raises the trust score, it skips nothing. */
    setPublisherTrusted(name: string, trusted: boolean): PinnedPublisher {
      if (!repo.setTrusted(name, trusted)) throw new MarketError('publisher/not-found', MARKET_MESSAGES.publisherNotFound(name.slice(0, 100)));
      store.auditLog.append({ actor: 'owner', event: trusted ? 'market.publisher-trusted' : 'market.publisher-untrusted', data: { publisher: name } });
      return repo.publisher(name)!;
    },

    /** The owner removes a pin (a publisher that really changed keys): the next install pins again. */
    forgetPublisher(name: string): void {
      if (!repo.forgetPublisher(name)) throw new MarketError('publisher/not-found', MARKET_MESSAGES.publisherNotFound(name.slice(0, 100)));
      store.auditLog.append({ actor: 'owner', event: 'market.publisher-forgotten', data: { publisher: name } });
    },
  };
}
export type Marketplace = ReturnType<typeof createMarketplace>;
