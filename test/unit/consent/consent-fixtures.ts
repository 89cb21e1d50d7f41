// A store with the integrity key and the consent gate over it, as the skill service builds it, for
// tests that play the run that asks and the owner who answers.
import { vi } from 'vitest';
import { openFoundryStore, type FoundryStore } from '../../../main/store/index.ts';
import { consentFingerprint, createConsentGate, type ConsentDesk, type ConsentRequest } from '../../../main/skills/consent/index.ts';
import type { ConsentRequestRecord } from '../../../shared/contract/consent-records.ts';
import { newIntegrityKey } from '../approval/security-fixtures.ts';

export interface ConsentBench {
  store: FoundryStore;
  gate: ConsentDesk;
  notified: ConsentRequestRecord[];
  /** Flip to false to play the command line (no window). */
  window: { open: boolean };
}

export function openConsentBench(dataDir: string, { keyed = true } = {}): ConsentBench {
  const store = openFoundryStore(dataDir, { integrityKey: keyed ? newIntegrityKey() : null });
  const notified: ConsentRequestRecord[] = [];
  const window = { open: true };
  const gate = createConsentGate({ store, notifyOwner: (r) => notified.push(r), canAskOwner: () => window.open, timeoutMs: () => 120_000 });
  return { store, gate, notified, window };
}

/** A webhook post of the water tracker, as the actions engineer's `requireApproval` would ask. */
export function webhookRequest(overrides: Partial<ConsentRequest> = {}): ConsentRequest {
  const details = overrides.details ?? ['POST https://hooks.example.com/daily-summary'];
  const versionId = overrides.versionId ?? 'version-1';
  const action = overrides.action ?? 'post_summary';
  return {
    skillSlug: 'custom-water-tracker',
    versionId,
    action,
    actor: 'assistant',
    trigger: 'api',
    summary: { en: 'Post today’s water summary to your Slack webhook.', pl: 'Wyślij dzisiejsze podsumowanie wody na Twój webhook Slacka.' },
    details,
    fingerprint: consentFingerprint(versionId, action, details),
    ...overrides,
  };
}

/** Resolves once the gate has told the owner about `count` requests in all. */
export const untilNotified = (bench: ConsentBench, count = 1) => vi.waitFor(() => {
  if (bench.notified.length < count) throw new Error('not asked yet');
});

export const consentEvents = (store: FoundryStore) =>
  store.auditLog.page({ offset: 0, limit: 100 }).items.filter((e) => e.event.startsWith('consent.')).map((e) => e.event).reverse();
