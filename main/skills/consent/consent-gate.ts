// The per-run consent gate (issue 12). Contract: `ask` answers whether the owner agreed to one run
// of one action, and only the owner can make it answer `granted` — by deciding in the desktop
// window (`decide`, reachable only through the window's contract methods), or by a standing
// consent they gave earlier for exactly this fingerprint.
//
// The threat is the assistant (and a skill it wrote) wanting a run the owner would refuse. So:
// - the waiting run is resumed only by an in-memory resolver of this process: writing
//   "granted" into foundry.db does not release it, and a process without a window (the CLI,
//   `foundry serve`) has no owner to ask and answers `unavailable` at once;
// - a standing consent counts only while its seal (HMAC under the integrity key, never in the
//   database) holds, so one cannot be forged by writing a row; revoking only narrows, so anyone
//   who may use skills may do it;
// - every wait is bounded (config `skills.execution.consentTimeoutSeconds`, 10–3600 s, and the
//   caller's own deadline): an unanswered prompt never holds a run, a slot or a caller forever;
// - summaries and details are bounded in size (the prompt must stay readable, and the audit log
//   small) and, by the callers' contract, never hold a secret value: they are audited as shown.
import type { ConsentRequestRecord, StandingConsentRecord } from '../../../shared/contract/consent-records.ts';
import type { Actor } from '../../../shared/contract/records.ts';
import type { ConsentsRepository } from '../../store/repositories/consents.ts';
import type { FoundryStore } from '../../store/index.ts';
import { ServiceError } from '../service-error.ts';
import { CONSENT_MESSAGES } from './consent-messages.ts';
import type { ConsentGate, ConsentRequest, ConsentVerdict } from './index.ts';

/** Enough for an argv or a URL with its headers per line; more would not be read in a prompt. */
const MAX_DETAILS = 50;
const MAX_DETAIL_CHARS = 2_000;
const MAX_SUMMARY_CHARS = 1_000;
const FINGERPRINT = /^[0-9a-f]{64}$/;

export interface ConsentGateDeps {
  store: Pick<FoundryStore, 'auditLog' | 'db' | 'now'> & { consents: ConsentsRepository };
  /** Tells the owner a run waits (the app shows a system notification and a tray entry). */
  notifyOwner: (request: ConsentRequestRecord) => void;
  /** Whether an owner can answer in this process: true only in the desktop app. */
  canAskOwner: () => boolean;
  /** The longest a run waits, in ms (config `skills.execution.consentTimeoutSeconds`). */
  timeoutMs: () => number;
}

/** The owner's side of the gate; the skill service authorizes every call before it gets here. */
export interface ConsentDesk extends ConsentGate {
  /** Requests still waiting, oldest first. Requests past their time are recorded as timed out on the way. */
  pending(): ConsentRequestRecord[];
  /** The owner's answer to a waiting request; the run resumes with it. */
  decide(id: unknown, decision: unknown, always: unknown): ConsentRequestRecord;
  standing(): StandingConsentRecord[];
  revoke(id: unknown, by: Actor): StandingConsentRecord;
}

function checkRequest(request: ConsentRequest): void {
  const short = (value: unknown, max: number) => typeof value === 'string' && value.length > 0 && value.length <= max;
  const problems = [
    !short(request.skillSlug, 100) && 'skillSlug',
    !short(request.versionId, 100) && 'versionId',
    !short(request.action, 200) && 'action',
    !short(request.trigger, 200) && 'trigger',
    !(short(request.summary?.en, MAX_SUMMARY_CHARS) && short(request.summary?.pl, MAX_SUMMARY_CHARS)) && 'summary',
    !(Array.isArray(request.details) && request.details.length <= MAX_DETAILS && request.details.every((d) => typeof d === 'string' && d.length <= MAX_DETAIL_CHARS)) && 'details',
    !(typeof request.fingerprint === 'string' && FINGERPRINT.test(request.fingerprint)) && 'fingerprint (use consentFingerprint)',
  ].filter(Boolean);
  if (problems.length > 0) throw new TypeError(`A consent request was refused before asking the owner: bad ${problems.join(', ')}.`);
}

const positiveId = (id: unknown): number => {
  if (!Number.isSafeInteger(id) || (id as number) < 1) throw new ServiceError('bad-request', CONSENT_MESSAGES.badId);
  return id as number;
};

export function createConsentGate(deps: ConsentGateDeps): ConsentDesk {
  const { store } = deps;
  const { consents, auditLog } = store;
  /** The runs waiting in this process, by request id; only these can be resumed. */
  const waiting = new Map<number, (verdict: ConsentVerdict) => void>();

  const audit = (actor: Actor, event: string, request: Pick<ConsentRequestRecord, 'skillSlug' | 'versionId'>, data: Record<string, unknown>) =>
    auditLog.append({ actor, event, skillSlug: request.skillSlug, versionId: request.versionId, data });

  /** Ends a request that nobody answered in time; audited once, by whoever notices first. */
  function timeOut(request: ConsentRequestRecord): void {
    if (consents.settle(request.id, 'timed-out', 'system')) audit('system', 'consent.timed-out', request, { requestId: request.id, action: request.action });
  }

  return {
    async ask(request, options = {}) {
      checkRequest(request);
      if (options.signal?.aborted) return 'timed-out';
      const standing = consents.standingFor(request.fingerprint);
      if (standing) {
        audit(request.actor, 'consent.always-allowed', request, { standingConsentId: standing.id, action: request.action, trigger: request.trigger, fingerprint: request.fingerprint });
        return 'granted';
      }
      if (!deps.canAskOwner()) {
        audit(request.actor, 'consent.unavailable', request, { action: request.action, trigger: request.trigger, reason: 'no-owner-window' });
        return 'unavailable';
      }
      const timeoutMs = Math.max(0, Math.min(deps.timeoutMs(), options.timeoutMs ?? Infinity));
      const record = store.db.transaction(() => {
        const opened = consents.open({ ...request, expiresAt: new Date(store.now().getTime() + timeoutMs).toISOString() });
        audit(request.actor, 'consent.requested', opened, {
          requestId: opened.id, action: opened.action, trigger: opened.trigger, fingerprint: opened.fingerprint, details: opened.details, timeoutMs,
        });
        return opened;
      })();
      return new Promise<ConsentVerdict>((resolve) => {
        const finish = (verdict: ConsentVerdict) => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
          waiting.delete(record.id);
          resolve(verdict);
        };
        const onAbort = () => {
          if (consents.settle(record.id, 'cancelled', null)) audit(request.actor, 'consent.cancelled', record, { requestId: record.id, action: record.action });
          finish('timed-out');
        };
        const timer = setTimeout(() => {
          timeOut(record);
          finish('timed-out');
        }, timeoutMs);
        waiting.set(record.id, finish);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        deps.notifyOwner(record);
      });
    },

    pending() {
      const all = consents.pending();
      for (const request of all) if (request.timeLeftMs === 0) timeOut(request);
      return all.filter((request) => request.timeLeftMs > 0);
    },

    decide(id, decision, always) {
      const requestId = positiveId(id);
      if (decision !== 'grant' && decision !== 'deny') throw new ServiceError('bad-request', CONSENT_MESSAGES.badDecision);
      if (always !== undefined && typeof always !== 'boolean') throw new ServiceError('bad-request', CONSENT_MESSAGES.alwaysOnlyWithGrant);
      if (always && decision !== 'grant') throw new ServiceError('bad-request', CONSENT_MESSAGES.alwaysOnlyWithGrant, { reason: 'always-needs-grant' });
      const request = consents.get(requestId);
      if (!request) throw new ServiceError('not-found', CONSENT_MESSAGES.requestNotFound);
      const resume = waiting.get(request.id);
      if (request.status === 'pending' && (!resume || request.timeLeftMs === 0)) {
        // Its run is gone (the app restarted) or its time is up: it can only end as what it is.
        if (request.timeLeftMs === 0) timeOut(request);
        else if (consents.settle(request.id, 'cancelled', null)) audit('system', 'consent.cancelled', request, { requestId: request.id, action: request.action, reason: 'no-waiting-run' });
      }
      const current = consents.get(requestId)!;
      if (current.status !== 'pending' || !resume) {
        const ended = current.status === 'pending' ? 'cancelled' : current.status;
        throw new ServiceError('conflict', CONSENT_MESSAGES.alreadyEnded(ended), { reason: `consent-${ended}` });
      }
      if (always && !consents.canSeal) throw new ServiceError('conflict', CONSENT_MESSAGES.cannotSealAlways, { reason: 'no-integrity-key' });
      const status = decision === 'grant' ? 'granted' : 'denied';
      store.db.transaction(() => {
        consents.settle(current.id, status, 'owner');
        const standing = always ? (consents.standingFor(current.fingerprint) ?? consents.allowAlways(current)) : null;
        audit('owner', `consent.${status}`, current, {
          requestId: current.id, action: current.action, trigger: current.trigger, always: always === true, ...(standing ? { standingConsentId: standing.id } : {}),
        });
      })();
      resume(status);
      return consents.get(requestId)!;
    },

    standing: () => consents.standing(),

    revoke(id, by) {
      const standingId = positiveId(id);
      const found = consents.standing().find((s) => s.id === standingId);
      if (!found || !consents.revoke(standingId, by)) throw new ServiceError('not-found', CONSENT_MESSAGES.standingNotFound);
      audit(by, 'consent.revoked', found, { standingConsentId: found.id, action: found.action, fingerprint: found.fingerprint });
      return found;
    },
  };
}
