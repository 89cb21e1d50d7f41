// The marketplace (issue 17): signed skill bundles, static registries and the client that installs
// from them only through the same audit, dry run, disclosure and two-factor approval as any skill.
//   minisign.ts        keys and detached signatures (format and why)
//   bundle-archive.ts  reading a .skill archive safely (traversal, links, bombs)
//   bundle.ts          pack / open a signed bundle
//   publish.ts         pack an approved version
//   registry-index.ts  a registry's index.json, built with the audit gate; revocations
//   registry-format.ts what a fetched index must look like
//   registry-source.ts fetching indexes (ETag cache) and bundles: https:// through the HTTP guard, file://
//   trust.ts           the trust score and its signals
//   marketplace.ts     the client: search, show, install (to the review queue), updates, publishers
//   market-checks.ts   the check that runs by itself while the app or `foundry serve` runs
export { MarketError, marketServiceError, type MarketErrorCode } from './market-error.ts';
export { generateKeyPair, parsePublicKey, parseSecretKey, publicKeyFileText, publicKeyLine, type PublicKey, type SecretKey } from './minisign.ts';
export { BUNDLE_EXTENSION, SIGNATURE_EXTENSION, openBundle, packBundle, sha256Hex, type OpenedBundle, type PackedBundle } from './bundle.ts';
export { packApprovedVersion } from './publish.ts';
export { buildRegistryIndex, INDEX_FILE, INDEX_FORMAT, REVOCATIONS_FILE, type MarketListing, type RegistryIndex, type Revocations } from './registry-index.ts';
export { createRegistrySource, type RegistrySource } from './registry-source.ts';
export { createMarketplace, marketplaceNeed, type InstallResult, type ListingView, type Marketplace, type SearchResult, type UpdateView } from './marketplace.ts';
export { createMarketChecks, type MarketChecks } from './market-checks.ts';
export type { TrustScore, TrustSignal } from './trust.ts';
