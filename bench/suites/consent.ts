import { openFoundryStore } from '../../main/store/index.ts';
import { consentFingerprint, createConsentGate, type ConsentRequest } from '../../main/skills/consent/index.ts';
import { createIntegrityKey } from '../../main/store/integrity/integrity-key.ts';
import { randomBytes } from 'node:crypto';
import { measure, printNote, printRatio, printTable, withTempDir } from '../harness.ts';
import { CONSENT_POLL_MS } from '../../shared/contract/consent-records.ts';

function request(n: number): ConsentRequest {
  const details = [`POST https://hooks.example.com/daily-summary?run=${n}`];
  return {
    skillSlug: 'custom-bench-consent', versionId: 'bench-version', action: 'post_summary', actor: 'assistant', trigger: 'api',
    summary: { en: 'Post the daily summary.', pl: 'Wyślij dzienne podsumowanie.' }, details, fingerprint: consentFingerprint('bench-version', 'post_summary', details),
  };
}

/**
 * The consent prompt's round trip in the engine: the request stored and audited → the owner
 * notified → the owner's decision stored and audited → the waiting run resumes. The window adds
 * at most one poll interval (it reads waiting runs every CONSENT_POLL_MS) and the owner's reading time.
 */
export async function consentBench(): Promise<void> {
  await withTempDir(async (dir) => {
    const store = openFoundryStore(dir, { integrityKey: createIntegrityKey(randomBytes(32), 'bench') });
    try {
      let decide: (id: number) => void = () => {};
      const gate = createConsentGate({ store, canAskOwner: () => true, timeoutMs: () => 120_000, notifyOwner: (r) => queueMicrotask(() => decide(r.id)) });
      let n = 0;
      decide = (id) => gate.decide(id, 'grant', false);
      const once = await measure('ask → notified → allowed once → run resumes', async () => gate.ask(request(n++)), { runs: 300 });
      decide = (id) => gate.decide(id, 'deny', false);
      const denied = await measure('ask → notified → denied → run resumes', async () => gate.ask(request(n++)), { runs: 300 });
      const first = request(n++);
      decide = (id) => gate.decide(id, 'grant', true);
      await gate.ask(first);
      const standing = await measure('ask answered by a standing consent (seal checked)', () => gate.ask(first), { runs: 1000 });
      decide = () => {};
      const waiting = [1, 2, 3].map(() => gate.ask(request(n++)));
      const listed = await measure(`the window's poll: the list of waiting runs (${gate.pending().length} waiting)`, () => gate.pending(), { runs: 1000 });
      for (const { id } of gate.pending()) gate.decide(id, 'deny', false);
      await Promise.all(waiting);
      printTable('Consent before a run (engine side; the store on disk, WAL, keyed audit log)', [once, denied, standing, listed]);
      printRatio('round trip with the owner / answered by a standing consent (p50)', once.p50 / standing.p50);
      printNote(`The window notices a waiting run within ${CONSENT_POLL_MS} ms (it polls consents.list); the owner's reading time comes on top of both.`);
    } finally {
      store.close();
    }
  });
}
