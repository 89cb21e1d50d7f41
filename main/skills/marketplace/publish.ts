// The publisher's side: pack an approved version into a signed bundle. Only a version the owner
// approved with both factors may be packed, so what a registry lists is what ran here.
import type { FoundryStore } from '../../store/index.ts';
import { packBundle, type PackedBundle } from './bundle.ts';
import { MarketError } from './market-error.ts';
import type { SecretKey } from './minisign.ts';

/** Packs `slug`'s running version, or its approved `version`, signed with `key`. */
export async function packApprovedVersion(store: FoundryStore, slug: string, version: string | undefined, key: SecretKey): Promise<PackedBundle> {
  const chosen = version === undefined
    ? store.versions.active(slug)
    : store.versions.listForSkill(slug).find((v) => v.version === version && v.status === 'approved') ?? null;
  if (!chosen) {
    const which = version === undefined ? slug : `${slug}@${version}`;
    throw new MarketError('bundle/no-version', {
      en: `${which} has no approved version to pack; only what you approved can be published.`,
      pl: `${which} nie ma zatwierdzonej wersji do spakowania; opublikować można tylko to, co zatwierdzono.`,
    });
  }
  return packBundle(chosen, key, store.now());
}
