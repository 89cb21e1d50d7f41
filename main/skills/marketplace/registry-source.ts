// Where a registry's index and bundles come from: an https:// address, fetched through the same
// HTTP guard skills use (only public addresses, the name resolved once and pinned, redirects judged
// again, every body capped), or a local folder (file://). Nothing else: config.yaml accepts only
// these two schemes, and a bundle is always a plain file name beside the index.
//
// The index is cached per registry with its ETag: a refresh asks `If-None-Match`, a 304 keeps the
// cached copy, and when the registry cannot be reached the cached copy is used and marked stale, so
// the owner can still browse offline. Bundles are never cached: an install always verifies what
// it just downloaded.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { httpCapabilityOf } from '../../../shared/skills/http-capability.ts';
import type { MarketRepository } from '../../store/repositories/market.ts';
import { DEFAULT_HTTP_LIMITS, type GuardedHttpClient } from '../http/index.ts';
import { MAX_BUNDLE_BYTES } from './bundle-archive.ts';
import { MarketError } from './market-error.ts';
import { INDEX_FILE, type RegistryIndex } from './registry-index.ts';
import { MAX_INDEX_BYTES, parseRegistryIndex } from './registry-format.ts';

/** A registry answers within this, or is treated as unreachable (the cached index is used). */
const FETCH_TIMEOUT_MS = 30_000;

export interface FetchedIndex {
  registry: string;
  index: RegistryIndex;
  /** From the cache because the registry could not be reached; `fetchedAt` says how old. */
  stale: boolean;
  fetchedAt: string;
}

export interface RegistrySource {
  index(registry: string): Promise<FetchedIndex>;
  bundle(registry: string, file: string): Promise<Buffer>;
}

const unreachable = (registry: string, why: string, cached = false) => new MarketError('registry/unreachable', cached
  ? { en: `The registry ${registry} cannot be reached (${why}) and nothing of it is cached.`, pl: `Nie można połączyć się z rejestrem ${registry} (${why}), a nic z niego nie ma w pamięci podręcznej.` }
  : { en: `The registry ${registry} cannot be reached (${why}).`, pl: `Nie można połączyć się z rejestrem ${registry} (${why}).` }, [why]);

/** The registry's address with a trailing slash, so relative names resolve inside it. */
const base = (registry: string) => (registry.endsWith('/') ? registry : `${registry}/`);

export function createRegistrySource(deps: { repo: MarketRepository; http: GuardedHttpClient; now: () => Date }): RegistrySource {
  async function httpsGet(url: string, maxBytes: number, headers: Record<string, string> = {}) {
    // config.yaml admits only https:// and file:// registries, so this is the registry's own origin.
    const policy = {
      origins: [httpCapabilityOf(new URL(url)) ?? ''],
      secretHosts: new Map<string, string[]>(),
      secretValue: async () => null,
      localAllowances: [],
      limits: { ...DEFAULT_HTTP_LIMITS, maxResponseBytes: maxBytes },
      deadline: Date.now() + FETCH_TIMEOUT_MS,
    };
    return deps.http.fetchBytes({ url, method: 'GET', headers, body: null }, policy);
  }

  function readLocal(registry: string, file: string, maxBytes: number): Buffer {
    const full = path.join(fileURLToPath(base(registry)), file);
    let fd: number;
    try {
      fd = fs.openSync(full, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    } catch (error) {
      throw unreachable(registry, `${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    }
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile() || stat.size > maxBytes) throw unreachable(registry, `${file} is not a file of at most ${maxBytes} bytes`);
      return fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  function fromCache(registry: string, why: string): FetchedIndex {
    const cached = deps.repo.cachedIndex(registry);
    if (!cached) throw unreachable(registry, why, true);
    return { registry, index: parseRegistryIndex(cached.body, registry), stale: true, fetchedAt: cached.fetchedAt };
  }

  return {
    async index(registry) {
      if (registry.startsWith('file:')) {
        const body = readLocal(registry, INDEX_FILE, MAX_INDEX_BYTES).toString('utf8');
        return { registry, index: parseRegistryIndex(body, registry), stale: false, fetchedAt: deps.now().toISOString() };
      }
      const cached = deps.repo.cachedIndex(registry);
      const result = await httpsGet(new URL(INDEX_FILE, base(registry)).href, MAX_INDEX_BYTES, cached?.etag ? { 'if-none-match': cached.etag } : {});
      if (!result.response) return fromCache(registry, result.error ?? 'no answer');
      const { status, headers, body } = result.response;
      if (status === 304 && cached) {
        deps.repo.touchIndex(registry);
        return { registry, index: parseRegistryIndex(cached.body, registry), stale: false, fetchedAt: deps.now().toISOString() };
      }
      if (status !== 200) return fromCache(registry, `HTTP ${status}`);
      const text = body.toString('utf8');
      const index = parseRegistryIndex(text, registry);
      deps.repo.cacheIndex(registry, headers.etag?.slice(0, 200) ?? null, text);
      return { registry, index, stale: false, fetchedAt: deps.now().toISOString() };
    },

    async bundle(registry, file) {
      if (registry.startsWith('file:')) return readLocal(registry, file, MAX_BUNDLE_BYTES);
      const result = await httpsGet(new URL(file, base(registry)).href, MAX_BUNDLE_BYTES);
      if (!result.response) throw unreachable(registry, result.error ?? 'no answer');
      if (result.response.status !== 200) throw unreachable(registry, `HTTP ${result.response.status} for ${file}`);
      return result.response.body;
    },
  };
}
