import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/skills/service-error.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { consentEvents, openConsentBench, untilNotified, webhookRequest, type ConsentBench } from './consent-fixtures.ts';

const tempDir = useTempDir();
let bench: ConsentBench;
afterEach(() => bench?.store.close());

/** The ServiceError a call throws (or a failure when it does not throw one). */
function refusal(call: () => unknown): ServiceError {
  try {
    call();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('a run that needs the owner’s consent', () => {
  it('waits, shows the owner what will run, and goes ahead when the owner allows it once', async () => {
    bench = openConsentBench(tempDir());
    const verdict = bench.gate.ask(webhookRequest());
    await untilNotified(bench);
    const [waiting] = bench.gate.pending();
    expect(waiting).toMatchObject({
      skillSlug: 'custom-water-tracker', action: 'post_summary', actor: 'assistant', trigger: 'api', status: 'pending',
      summary: { en: 'Post today’s water summary to your Slack webhook.' }, details: ['POST https://hooks.example.com/daily-summary'],
    });
    expect(waiting!.timeLeftMs).toBeGreaterThan(0);
    expect(bench.notified.map((r) => r.id)).toEqual([waiting!.id]);

    const decided = bench.gate.decide(waiting!.id, 'grant', false);
    expect(await verdict).toBe('granted');
    expect(decided).toMatchObject({ status: 'granted', decidedBy: 'owner' });
    expect(bench.gate.pending()).toEqual([]);
    expect(consentEvents(bench.store)).toEqual(['consent.requested', 'consent.granted']);
  });

  it('does not run when the owner denies it, and the request says so', async () => {
    bench = openConsentBench(tempDir());
    const verdict = bench.gate.ask(webhookRequest());
    await untilNotified(bench);
    bench.gate.decide(bench.notified[0]!.id, 'deny', undefined);
    expect(await verdict).toBe('denied');
    expect(bench.store.consents.get(bench.notified[0]!.id)).toMatchObject({ status: 'denied', decidedBy: 'owner' });
    expect(consentEvents(bench.store)).toEqual(['consent.requested', 'consent.denied']);
  });

  it('gives up when nobody answers in time, and a late answer is refused clearly', async () => {
    bench = openConsentBench(tempDir());
    expect(await bench.gate.ask(webhookRequest(), { timeoutMs: 20 })).toBe('timed-out');
    const id = bench.notified[0]!.id;
    expect(bench.store.consents.get(id)).toMatchObject({ status: 'timed-out', decidedBy: 'system' });
    const late = refusal(() => bench.gate.decide(id, 'grant', false));
    expect(late).toMatchObject({ code: 'conflict', reason: 'consent-timed-out' });
    expect(late.userMessage.en).toBe('This consent request can no longer be answered: its time ran out.');
    expect(late.userMessage.pl).toBe('Na tę prośbę o zgodę nie można już odpowiedzieć: minął czas na odpowiedź.');
    expect(consentEvents(bench.store)).toEqual(['consent.requested', 'consent.timed-out']);
  });

  it('stops waiting when the run is stopped, and the request is recorded as cancelled', async () => {
    bench = openConsentBench(tempDir());
    const stop = new AbortController();
    const verdict = bench.gate.ask(webhookRequest(), { signal: stop.signal });
    await untilNotified(bench);
    stop.abort();
    expect(await verdict).toBe('timed-out');
    expect(bench.store.consents.get(bench.notified[0]!.id)).toMatchObject({ status: 'cancelled' });
    expect(bench.gate.pending()).toEqual([]);
    expect(consentEvents(bench.store)).toEqual(['consent.requested', 'consent.cancelled']);
  });

  it('an answered request cannot be answered again', async () => {
    bench = openConsentBench(tempDir());
    const verdict = bench.gate.ask(webhookRequest());
    await untilNotified(bench);
    const { id } = bench.notified[0]!;
    bench.gate.decide(id, 'deny', false);
    await verdict;
    expect(refusal(() => bench.gate.decide(id, 'grant', false))).toMatchObject({ code: 'conflict', reason: 'consent-denied' });
    expect(bench.store.consents.get(id)!.status).toBe('denied');
  });

  it('refuses bad answers and changes nothing', async () => {
    bench = openConsentBench(tempDir());
    const verdict = bench.gate.ask(webhookRequest());
    await untilNotified(bench);
    const { id } = bench.notified[0]!;
    expect(refusal(() => bench.gate.decide(id, 'deny', true))).toMatchObject({ code: 'bad-request', reason: 'always-needs-grant' });
    expect(refusal(() => bench.gate.decide(id, 'maybe', false))).toMatchObject({ code: 'bad-request' });
    expect(refusal(() => bench.gate.decide(0, 'grant', false))).toMatchObject({ code: 'bad-request' });
    expect(refusal(() => bench.gate.decide(id + 1, 'grant', false))).toMatchObject({ code: 'not-found' });
    expect(bench.gate.pending().map((r) => r.id)).toEqual([id]);
    expect(bench.gate.standing()).toEqual([]);
    bench.gate.decide(id, 'grant', false);
    expect(await verdict).toBe('granted');
  });
});

describe('“always allow this exact action”', () => {
  it('lets the same action with the same details run without asking, audited as used, until revoked', async () => {
    bench = openConsentBench(tempDir());
    const first = bench.gate.ask(webhookRequest());
    await untilNotified(bench);
    bench.gate.decide(bench.notified[0]!.id, 'grant', true);
    expect(await first).toBe('granted');
    const [standing] = bench.gate.standing();
    expect(standing).toMatchObject({ skillSlug: 'custom-water-tracker', action: 'post_summary', details: ['POST https://hooks.example.com/daily-summary'] });

    expect(await bench.gate.ask(webhookRequest({ actor: 'scheduler', trigger: 'schedule' }))).toBe('granted');
    expect(bench.notified).toHaveLength(1);

    bench.gate.revoke(standing!.id, 'owner');
    expect(bench.gate.standing()).toEqual([]);
    const afterRevoke = bench.gate.ask(webhookRequest());
    await untilNotified(bench, 2);
    bench.gate.decide(bench.notified[1]!.id, 'deny', false);
    expect(await afterRevoke).toBe('denied');
    expect(consentEvents(bench.store)).toEqual([
      'consent.requested', 'consent.granted', 'consent.always-allowed', 'consent.revoked', 'consent.requested', 'consent.denied',
    ]);
  });

  it('never stretches to other details, another action or another version', async () => {
    bench = openConsentBench(tempDir());
    const first = bench.gate.ask(webhookRequest());
    await untilNotified(bench);
    bench.gate.decide(bench.notified[0]!.id, 'grant', true);
    await first;
    const others = [
      webhookRequest({ details: ['POST https://evil.example.net/collect'] }),
      webhookRequest({ action: 'post_weekly' }),
      webhookRequest({ versionId: 'version-2' }),
    ];
    const asked = others.map((request) => bench.gate.ask(request, { timeoutMs: 20 }));
    expect(await Promise.all(asked)).toEqual(['timed-out', 'timed-out', 'timed-out']);
    expect(bench.notified).toHaveLength(4);
  });

  it('a standing consent written into the database by hand is not honoured', async () => {
    bench = openConsentBench(tempDir());
    const first = bench.gate.ask(webhookRequest(), { timeoutMs: 20 });
    await first;
    const request = bench.store.consents.get(bench.notified[0]!.id)!;
    bench.store.db.prepare(`INSERT INTO standing_consents (request_id, fingerprint, granted_at, mac) VALUES (?, ?, ?, ?)`)
      .run(request.id, request.fingerprint, new Date().toISOString(), 'f'.repeat(64));
    expect(bench.gate.standing()).toEqual([]);
    expect(await bench.gate.ask(webhookRequest(), { timeoutMs: 20 })).toBe('timed-out');
  });

  it('cannot be given without the key that seals approvals; the run then waits for an answer', async () => {
    bench = openConsentBench(tempDir(), { keyed: false });
    const verdict = bench.gate.ask(webhookRequest());
    await untilNotified(bench);
    const { id } = bench.notified[0]!;
    expect(refusal(() => bench.gate.decide(id, 'grant', true))).toMatchObject({ code: 'conflict', reason: 'no-integrity-key' });
    expect(bench.gate.pending().map((r) => r.id)).toEqual([id]);
    bench.gate.decide(id, 'grant', false);
    expect(await verdict).toBe('granted');
  });

  it('revoking an unknown or already revoked consent is refused', () => {
    bench = openConsentBench(tempDir());
    expect(refusal(() => bench.gate.revoke(7, 'owner'))).toMatchObject({ code: 'not-found' });
    expect(refusal(() => bench.gate.revoke('7', 'owner'))).toMatchObject({ code: 'bad-request' });
  });
});

describe('where no owner can be asked', () => {
  it('answers unavailable at once, stores no request and notifies nobody', async () => {
    bench = openConsentBench(tempDir());
    bench.window.open = false;
    expect(await bench.gate.ask(webhookRequest())).toBe('unavailable');
    expect(bench.notified).toEqual([]);
    expect(bench.store.consents.pending()).toEqual([]);
    expect(consentEvents(bench.store)).toEqual(['consent.unavailable']);
  });

  it('still runs what the owner always allowed', async () => {
    bench = openConsentBench(tempDir());
    const first = bench.gate.ask(webhookRequest());
    await untilNotified(bench);
    bench.gate.decide(bench.notified[0]!.id, 'grant', true);
    await first;
    bench.window.open = false;
    expect(await bench.gate.ask(webhookRequest())).toBe('granted');
  });
});

describe('what the audit log keeps', () => {
  it('names the skill, the version, who asked and exactly what was shown', async () => {
    bench = openConsentBench(tempDir());
    const verdict = bench.gate.ask(webhookRequest());
    await untilNotified(bench);
    bench.gate.decide(bench.notified[0]!.id, 'grant', true);
    await verdict;
    const [granted, requested] = bench.store.auditLog.page({ offset: 0, limit: 2 }).items;
    expect(requested).toMatchObject({
      actor: 'assistant', event: 'consent.requested', skillSlug: 'custom-water-tracker', versionId: 'version-1',
      data: { action: 'post_summary', trigger: 'api', details: ['POST https://hooks.example.com/daily-summary'], timeoutMs: 120_000 },
    });
    expect(granted).toMatchObject({ actor: 'owner', event: 'consent.granted', data: { always: true, standingConsentId: 1 } });
  });

  it('a request that breaks the gate’s bounds is refused before anyone is asked', async () => {
    bench = openConsentBench(tempDir());
    await expect(bench.gate.ask(webhookRequest({ fingerprint: 'not-a-hash' }))).rejects.toThrow(/bad fingerprint/);
    await expect(bench.gate.ask(webhookRequest({ details: ['x'.repeat(2_001)] }))).rejects.toThrow(/bad details/);
    expect(bench.notified).toEqual([]);
    expect(consentEvents(bench.store)).toEqual([]);
  });
});
