// Per-run owner consent (issue 12): before an action that needs the owner's yes for each run
// (`requireApproval`, every `shell` run), the registry asks this gate and runs only on `granted`.
import type { ConsentRequest } from '../../../shared/contract/consent-records.ts';

export type { ConsentRequest };

/**
 * `timed-out` also answers a wait the caller aborted (its own deadline passed or the run was
 * stopped); `unavailable`: no owner can be asked here (the CLI, `foundry serve` without the app).
 */
export type ConsentVerdict = 'granted' | 'denied' | 'timed-out' | 'unavailable';

export interface ConsentGate {
  ask(request: ConsentRequest, options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<ConsentVerdict>;
}

export { createConsentGate, type ConsentDesk, type ConsentGateDeps } from './consent-gate.ts';
export { consentFingerprint } from './fingerprint.ts';
export { askerName, CONSENT_MESSAGES } from './consent-messages.ts';
