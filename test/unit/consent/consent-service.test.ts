// Who may answer a consent request: the owner, in the desktop window (the contract's
// consents.decide). The assistant and the command line may see that a run waits, never answer.
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../main/engine.ts';
import { createServiceBackend } from '../../../main/api/service-backend.ts';
import { ServiceError } from '../../../main/skills/service-error.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { newIntegrityKey } from '../approval/security-fixtures.ts';
import { webhookRequest } from './consent-fixtures.ts';
import { vi } from 'vitest';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../../shared/contract/methods.ts';

const tempDir = useTempDir();
let engine: Engine;
afterEach(async () => engine?.close());

function open({ window = true } = {}) {
  engine = openEngine({ dataDir: tempDir(), integrityKey: newIntegrityKey(), canAskOwner: () => window, log: { rejected: () => {}, failed: () => {} } });
  return engine;
}

/** A run asking through the service's gate, and its request once stored. */
async function waitingRun(e: Engine) {
  const verdict = e.service.consentGate.ask(webhookRequest());
  const request = await vi.waitFor(() => e.service.pendingConsents('owner')[0] ?? Promise.reject(new Error('not asked yet')));
  return { verdict, request };
}

/** A contract method as the window calls it; its answer, or a failure with the envelope's message. */
async function call<M extends ApiMethod>(e: Engine, method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
  const answer = await e.dispatch(method, request);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message.en}`);
  return answer.value as ApiResponse<M>;
}

const refusal = (call: () => unknown): ServiceError => {
  try {
    call();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('answering a consent request', () => {
  it('the owner allows in the window, through the contract, and the run goes ahead', async () => {
    const e = open();
    const { verdict, request } = await waitingRun(e);
    expect((await call(e, 'consents.list', {})).map((r) => r.id)).toEqual([request.id]);
    expect(await call(e, 'consents.decide', { id: request.id, verdict: 'grant', always: true })).toMatchObject({ status: 'granted' });
    expect(await verdict).toBe('granted');
    const [standing] = await call(e, 'consents.standing', {});
    expect(standing).toMatchObject({ action: 'post_summary' });
    expect(await call(e, 'consents.revokeStanding', { id: standing!.id })).toMatchObject({ id: standing!.id });
    expect(await call(e, 'consents.standing', {})).toEqual([]);
  });

  it('the assistant sees the run waiting but cannot answer; the attempt is audited and the run still waits', async () => {
    const e = open();
    const { verdict, request } = await waitingRun(e);
    expect(e.service.pendingConsents('assistant').map((r) => r.id)).toEqual([request.id]);
    expect(refusal(() => e.service.decideConsent('assistant', { id: request.id, verdict: 'grant' }))).toMatchObject({ code: 'forbidden' });
    expect(refusal(() => e.service.decideConsent('scheduler', { id: request.id, verdict: 'grant' }))).toMatchObject({ code: 'forbidden' });
    expect(e.store.auditLog.page({ offset: 0, limit: 5, event: 'access.denied' }).total).toBe(2);
    expect(e.service.pendingConsents('owner').map((r) => r.id)).toEqual([request.id]);
    e.service.decideConsent('owner', { id: request.id, verdict: 'deny' });
    expect(await verdict).toBe('denied');
  });

  it('the local API lists waiting runs and has no way to answer them', async () => {
    const e = open();
    const { verdict, request } = await waitingRun(e);
    const backend = createServiceBackend(e.service);
    expect((await backend.listConsents('assistant')).map((r) => [r.id, r.status])).toEqual([[request.id, 'pending']]);
    expect(Object.keys(backend).filter((name) => /consent/i.test(name))).toEqual(['listConsents']);
    e.service.decideConsent('owner', { id: request.id, verdict: 'deny' });
    await verdict;
  });

  it('without a window (the command line) the owner cannot answer either, and runs are not left waiting', async () => {
    const e = open({ window: false });
    expect(await e.service.consentGate.ask(webhookRequest())).toBe('unavailable');
    expect(refusal(() => e.service.decideConsent('owner', { id: 1, verdict: 'grant' }))).toMatchObject({ code: 'forbidden', reason: 'no-owner-window' });
  });

  it('the assistant may take back a standing consent (it only narrows), never give one', async () => {
    const e = open();
    const { verdict, request } = await waitingRun(e);
    e.service.decideConsent('owner', { id: request.id, verdict: 'grant', always: true });
    await verdict;
    const [standing] = e.service.standingConsents('assistant');
    expect(e.service.revokeStandingConsent('assistant', standing!.id)).toMatchObject({ id: standing!.id });
    expect(e.service.standingConsents('owner')).toEqual([]);
    expect(e.store.auditLog.page({ offset: 0, limit: 1, event: 'consent.revoked' }).items[0]).toMatchObject({ actor: 'assistant' });
  });
});
