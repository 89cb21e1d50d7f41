// The marketplace's rows (migration 017): pinned publishers, install requests, cached indexes.
import type { Db } from '../open-database.ts';
import type { Actor } from '../../../shared/contract/records.ts';

export interface PinnedPublisher {
  name: string;
  keyId: string;
  /** The raw Ed25519 key, base64. */
  publicKey: string;
  fingerprint: string;
  trusted: boolean;
  pinnedAt: string;
}

export interface MarketInstall {
  versionId: string;
  slug: string;
  registryUrl: string;
  bundleVersion: string;
  bundleSha256: string;
  publisher: string;
  keyId: string;
  requestedBy: Actor;
  createdAt: string;
  revokedAt: string | null;
}

export interface CachedIndex {
  url: string;
  etag: string | null;
  body: string;
  fetchedAt: string;
}

interface PublisherRow { name: string; key_id: string; public_key: string; fingerprint: string; trusted: number; pinned_at: string }
interface InstallRow {
  version_id: string; slug: string; registry_url: string; bundle_version: string; bundle_sha256: string; publisher: string; key_id: string;
  requested_by: Actor; created_at: string; revoked_at: string | null;
}

const toPublisher = (r: PublisherRow): PinnedPublisher => ({ name: r.name, keyId: r.key_id, publicKey: r.public_key, fingerprint: r.fingerprint, trusted: r.trusted === 1, pinnedAt: r.pinned_at });
const toInstall = (r: InstallRow): MarketInstall => ({
  versionId: r.version_id, slug: r.slug, registryUrl: r.registry_url, bundleVersion: r.bundle_version, bundleSha256: r.bundle_sha256, publisher: r.publisher,
  keyId: r.key_id, requestedBy: r.requested_by, createdAt: r.created_at, revokedAt: r.revoked_at,
});

export function createMarketRepository(db: Db, now: () => Date) {
  const publisher = db.prepare<[string], PublisherRow>('SELECT * FROM market_publishers WHERE name = ?');
  const publishers = db.prepare<[], PublisherRow>('SELECT * FROM market_publishers ORDER BY name');
  const pin = db.prepare('INSERT INTO market_publishers (name, key_id, public_key, fingerprint, trusted, pinned_at) VALUES (@name, @keyId, @publicKey, @fingerprint, 0, @at)');
  const forget = db.prepare<[string]>('DELETE FROM market_publishers WHERE name = ?');
  const setTrusted = db.prepare<[number, string]>('UPDATE market_publishers SET trusted = ? WHERE name = ?');
  const insertInstall = db.prepare(`INSERT INTO market_installs (version_id, slug, registry_url, bundle_version, bundle_sha256, publisher, key_id, requested_by, created_at)
    VALUES (@versionId, @slug, @registryUrl, @bundleVersion, @bundleSha256, @publisher, @keyId, @requestedBy, @at)`);
  const installs = db.prepare<[], InstallRow>('SELECT * FROM market_installs ORDER BY created_at DESC, rowid DESC');
  const installOf = db.prepare<[string], InstallRow>('SELECT * FROM market_installs WHERE version_id = ?');
  const markRevoked = db.prepare<[string, string]>('UPDATE market_installs SET revoked_at = ? WHERE version_id = ? AND revoked_at IS NULL');
  const cached = db.prepare<[string], { url: string; etag: string | null; body: string; fetched_at: string }>('SELECT * FROM market_index_cache WHERE url = ?');
  const cache = db.prepare(`INSERT INTO market_index_cache (url, etag, body, fetched_at) VALUES (@url, @etag, @body, @at)
    ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, body = excluded.body, fetched_at = excluded.fetched_at`);
  const touch = db.prepare<[string, string]>('UPDATE market_index_cache SET fetched_at = ? WHERE url = ?');

  return {
    publisher: (name: string): PinnedPublisher | null => {
      const row = publisher.get(name);
      return row ? toPublisher(row) : null;
    },
    publishers: (): PinnedPublisher[] => publishers.all().map(toPublisher),
    pinPublisher(p: Omit<PinnedPublisher, 'trusted' | 'pinnedAt'>): void {
      pin.run({ ...p, at: now().toISOString() });
    },
    /** False when no publisher has that name. */
    forgetPublisher: (name: string): boolean => forget.run(name).changes === 1,
    /** False when no publisher has that name. */
    setTrusted: (name: string, trusted: boolean): boolean => setTrusted.run(trusted ? 1 : 0, name).changes === 1,
    recordInstall(install: Omit<MarketInstall, 'createdAt' | 'revokedAt'>): void {
      insertInstall.run({ ...install, at: now().toISOString() });
    },
    installs: (): MarketInstall[] => installs.all().map(toInstall),
    install: (versionId: string): MarketInstall | null => {
      const row = installOf.get(versionId);
      return row ? toInstall(row) : null;
    },
    /** True the first time only. */
    markRevoked: (versionId: string): boolean => markRevoked.run(now().toISOString(), versionId).changes === 1,
    cachedIndex: (url: string): CachedIndex | null => {
      const row = cached.get(url);
      return row ? { url: row.url, etag: row.etag, body: row.body, fetchedAt: row.fetched_at } : null;
    },
    cacheIndex(url: string, etag: string | null, body: string): void {
      cache.run({ url, etag, body, at: now().toISOString() });
    },
    /** A 304 answer: the cached body is current. */
    touchIndex(url: string): void {
      touch.run(now().toISOString(), url);
    },
  };
}
export type MarketRepository = ReturnType<typeof createMarketRepository>;
