// What the marketplace shows (the window, the CLI's --json): listings as a registry publishes them
// and as this computer judged them. Plain data; the engine is main/skills/marketplace/.
import type { Localized } from '../i18n-types.ts';
import type { AuditVerdict } from '../skills/audit.ts';
import type { DisclosureItem, RiskLevel } from '../skills/disclosure.ts';
import type { JsonSchema } from '../skills/json-schema.ts';

export interface ListingPublisher {
  name: string;
  /** minisign's public key line (base64): what a client pins. */
  publicKey: string;
  keyId: string;
  fingerprint: string;
}

export interface AuditInfo {
  verdict: AuditVerdict;
  warnings: number;
  notes: number;
  summary: Localized;
}

/** Seed 004's MarketplaceListing fields, plus what makes it checkable. */
export interface MarketListing {
  /** `slug@version`. */
  id: string;
  slug: string;
  name: string;
  description: string;
  /** SKILL.md's `metadata.category`, else "other". */
  category: string;
  /** SKILL.md's `metadata.author`, else the publisher's name. */
  author: string;
  version: string;
  /** What the skill may do once approved, in plain words (the disclosure's items). */
  permissions: DisclosureItem[];
  risk: { level: RiskLevel; reasons: Localized[] };
  auditInfo: AuditInfo;
  configSchema: JsonSchema;
  /** SKILL.md's `metadata.homepage`, else null. */
  remoteUrl: string | null;
  /** The bundle's file name, beside index.json. */
  bundle: string;
  sha256: string;
  /** The minisign signature, so a client needs only the index and the bundle. */
  signature: string;
  publisher: ListingPublisher;
  /** When the publisher signed it (the signature's timestamp). */
  publishedAt: string;
}

export type SignalVerdict = 'good' | 'neutral' | 'bad';

export interface TrustSignal {
  id: 'signature' | 'publisher' | 'audit' | 'risk' | 'description' | 'age' | 'revocation';
  verdict: SignalVerdict;
  points: number;
  text: Localized;
}

export interface TrustScore {
  score: number;
  signals: TrustSignal[];
}

export interface ListingView extends Omit<MarketListing, 'signature' | 'configSchema'> {
  registry: string;
  /** The publisher's version installed here (running or waiting for review), if any. */
  installedVersion: string | null;
  revoked: boolean;
  trust: TrustScore;
}

/** A listing checked on this computer: downloaded, verified and audited here (or why that failed). */
export interface ListingDetail extends ListingView {
  localAudit: { verdict: AuditVerdict; warnings: Localized[] } | null;
  problem: Localized | null;
}

export interface RegistryState {
  url: string;
  ok: boolean;
  /** Shown from the cache: the registry could not be reached. */
  stale: boolean;
  fetchedAt: string | null;
  listings: number;
  error: Localized | null;
}

export interface MarketSearchResult {
  listings: ListingView[];
  categories: string[];
  registries: RegistryState[];
}

/** An install request's outcome: a pending version in the review queue, or why not. */
export interface MarketInstallView {
  listing: ListingView;
  outcome: 'pending' | 'failed';
  versionId: string | null;
  reason: Localized | null;
}
