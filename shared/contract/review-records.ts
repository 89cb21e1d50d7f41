// What the owner's window sees of approvals, reviews, versions and the factors: plain data shared
// by main (which decides) and the renderer (which shows). Never a code, passphrase or secret.
import type { Localized } from '../i18n-types.ts';
import type { Actor, ExecutionRecord, SkillSummary, SkillVersionRecord } from './records.ts';
import type { DisclosureItem } from '../skills/disclosure.ts';
import type { ModAction, ModActionResult, ModInsight } from '../skills/mod-types.ts';

export type ReviewRequestKind = 'review' | 'rollback';

export type ReviewRequestStatus = 'open' | 'closed';

export interface ReviewRequestRecord {
  id: number;
  kind: ReviewRequestKind;
  skillId: string;
  slug: string;
  name: string;
  /** The version to look at (review) or to go back to (rollback). */
  versionId: string | null;
  version: string | null;
  requestedBy: Exclude<Actor, 'system'>;
  note: string | null;
  status: ReviewRequestStatus;
  /** How it was closed: `approved`, `rejected`, `expired`, `rolled-back`, `dismissed`. */
  resolution: string | null;
  createdAt: string;
  closedAt: string | null;
  closedBy: Actor | null;
}

export type ApprovalOutcome = 'approved' | 'rejected' | 'refused';

/** One factor as it was checked in an attempt: never the code or passphrase itself. */
export interface FactorCheck {
  factor: 'totp' | 'biometric';
  ok: boolean;
  /** The biometric provider that answered (`touch-id`, `polkit`, `test`, …). */
  provider?: string;
  /** Why it did not pass (`invalid`, `replay`, `locked`, `cancelled`, …). */
  reason?: string;
}

export interface ApprovalRecord {
  id: number;
  versionId: string;
  contentSha256: string;
  outcome: ApprovalOutcome;
  factors: FactorCheck[];
  actor: string;
  reason: string | null;
  createdAt: string;
}

export interface VersionRef {
  id: string;
  version: string;
  tag: string;
  contentSha256: string;
}

export interface VersionDiff {
  from: VersionRef;
  to: VersionRef;
  /** Unified diffs; empty when that part did not change. */
  code: string;
  skillMd: string;
  configSchema: string;
  name: { from: string; to: string } | null;
  description: { from: string; to: string } | null;
  capabilities: { added: DisclosureItem[]; removed: DisclosureItem[] };
  /** Same content: only the version number differs. */
  identical: boolean;
}

/**
 * Shown once, while setting up the authenticator app: this offer is the only place where the
 * secret leaves main (the QR code carries it), and only for a pending, unconfirmed secret.
 */
export interface TotpEnrollmentOffer {
  account: string;
  uri: string;
  /** The secret in groups of four, for typing it into an app by hand. */
  manualEntryKey: string;
  qrPngDataUrl: string;
  qrSvg: string;
  expiresAt: string;
}

export type TotpStatus = {
  active: { account: string; confirmedAt: string } | null;
  pending: { account: string; startedAt: string } | null;
  lockedUntil: string | null;
};

export type BiometricProviderId = 'touch-id' | 'windows-hello' | 'polkit' | 'passphrase-fallback' | 'test';

/** Plain data for the UI: which check an approval will ask for, or why none can. */
export type ActiveProviderDescription =
  | { state: 'ready'; id: BiometricProviderId; label: Localized; isTest: boolean; notice: Localized | null }
  | { state: 'none'; message: Localized; notice: Localized | null };

export interface SkillDetails {
  skill: SkillSummary;
  /** Newest first. */
  versions: SkillVersionRecord[];
  /** Every approval attempt and decision on its versions, oldest first (which factors passed; never a code). */
  approvals: ApprovalRecord[];
}

export interface ExecuteResult {
  slug: string;
  action: string;
  /** executeAction's `{ success, data?, error? }`, getData's object, getInsights' list or getActions' list. */
  result: ModActionResult | Record<string, unknown> | ModInsight[] | ModAction[];
  /** The execution this call stored (getActions is answered from the version's first run and stores none). */
  record: ExecutionRecord | null;
}
