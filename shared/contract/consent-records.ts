// Per-run consent (issue 12): what the owner is asked before an action that needs their yes for
// each run, and the standing consents ("run this exact action without asking") they gave.
import type { Localized } from '../i18n-types.ts';
import type { Actor } from './records.ts';

/** How often the window asks whether a run waits for consent: a run should not wait for the window to notice it. */
export const CONSENT_POLL_MS = 1_000;

export type ConsentStatus = 'pending' | 'granted' | 'denied' | 'timed-out' | 'cancelled';

/** What a run asks the owner to consent to (main/skills/consent/ stores and shows it). */
export interface ConsentRequest {
  skillSlug: string;
  versionId: string;
  action: string;
  /** Who asked for the run: the assistant, the scheduler or the owner. */
  actor: Actor;
  /** What started it (`api`, `schedule`, `manual`, `custom-caller@v1.0.0`…). */
  trigger: string;
  /** What exactly will run, in both languages (the owner decides on this text). */
  summary: Localized;
  /** Shown verbatim under the summary (an argv, a URL); never a secret value. */
  details: string[];
  /** Stable fingerprint of what is consented to (version + action + exact details); "always allow" is stored against it. Use consentFingerprint. */
  fingerprint: string;
}

export interface ConsentRequestRecord extends ConsentRequest {
  id: number;
  /** The skill's name and version label; null when the version is not in the store (a built-in mod). */
  skillName: string | null;
  version: string | null;
  status: ConsentStatus;
  createdAt: string;
  expiresAt: string;
  /** For a pending request: how long it still waits, as of the moment it was listed. */
  timeLeftMs: number;
  decidedAt: string | null;
  decidedBy: Actor | null;
}

export interface StandingConsentRecord {
  id: number;
  skillSlug: string;
  skillName: string | null;
  versionId: string;
  version: string | null;
  action: string;
  summary: Localized;
  details: string[];
  fingerprint: string;
  grantedAt: string;
  /** The request whose "always allow" created it. */
  requestId: number;
}

export type ConsentDecision = 'grant' | 'deny';
