import type { Localized } from '../../../shared/i18n-types.ts';
import type { Actor } from '../../../shared/contract/records.ts';
import type { ApprovalSecurityRepository, TotpSecretRecord } from '../../store/repositories/approval-security.ts';
import type { AuditSink } from './audit-sink.ts';
import { afterFailureMessage, createAttemptLimiter, lockedMessage, refusal, type FactorAttempt } from './attempt-limiter.ts';
import { seal, unseal, type SecretBox } from './secret-box.ts';
import { SecurityError } from './security-error.ts';
import { checkTotpCode, generateTotpSecret, totpQrCode, totpUri, type TotpCheck } from './totp.ts';
import type { TotpEnrollmentOffer, TotpStatus } from '../../../shared/contract/review-records.ts';
export type { TotpEnrollmentOffer, TotpStatus };

/** How long an offered secret can be confirmed. */
export const PENDING_ENROLLMENT_TTL_MS = 15 * 60_000;

export interface TotpFactorDeps {
  repo: ApprovalSecurityRepository;
  box: SecretBox;
  audit: AuditSink;
  now: () => Date;
}

/** Who entered the code and, for an approval, which exact version it is for; goes into the audit entry. */
export interface TotpAttemptContext {
  actor?: Actor;
  skillSlug?: string;
  versionId?: string;
  contentSha256?: string;
}

export type TotpRefusal = 'not-enrolled' | 'no-pending-enrollment' | 'enrollment-expired' | 'locked' | 'invalid' | 'replay';

export type TotpAttempt = FactorAttempt<TotpRefusal>;





const MESSAGES = {
  notEnrolled: {
    en: 'The authenticator app is not set up yet. Set it up in Settings → Security first.',
    pl: 'Aplikacja uwierzytelniająca nie jest jeszcze skonfigurowana. Najpierw skonfiguruj ją w Ustawienia → Bezpieczeństwo.',
  },
  noPending: {
    en: 'No authenticator setup is in progress. Start the setup again.',
    pl: 'Nie trwa żadna konfiguracja aplikacji uwierzytelniającej. Rozpocznij ją od nowa.',
  },
  expired: {
    en: 'This setup expired after 15 minutes. Start it again and scan the new QR code.',
    pl: 'Ta konfiguracja wygasła po 15 minutach. Rozpocznij ją od nowa i zeskanuj nowy kod QR.',
  },
  invalid: { en: 'Wrong code.', pl: 'Nieprawidłowy kod.' },
  replay: {
    en: 'This code has already been used. Wait for the next code in your authenticator app.',
    pl: 'Ten kod został już użyty. Poczekaj na następny kod w aplikacji uwierzytelniającej.',
  },
} satisfies Record<string, Localized>;

const MAX_ACCOUNT_LENGTH = 64;

function assertAccount(account: string): void {
  // ':' separates issuer and account in the URI label; control characters would garble the app's list.
  if (account.trim().length === 0 || account.length > MAX_ACCOUNT_LENGTH || /[:\p{Cc}]/u.test(account)) {
    throw new SecurityError('invalid-account', {
      en: `The account name shown in the authenticator app must have 1–${MAX_ACCOUNT_LENGTH} characters, without ":".`,
      pl: `Nazwa konta widoczna w aplikacji uwierzytelniającej musi mieć 1–${MAX_ACCOUNT_LENGTH} znaków, bez „:”.`,
    });
  }
}

/**
 * The authenticator-app factor: enrollment (a secret becomes active only after one valid code)
 * and verification (one step of drift either side, no code accepted twice nor any code older than
 * the last accepted one, 5 failures lock for 15 minutes). Every attempt is audited; never the code
 * or the secret.
 */
export function createTotpFactor(deps: TotpFactorDeps) {
  const { repo, box, audit, now } = deps;
  const limiter = createAttemptLimiter(repo, 'totp', now);

  const record = (event: string, context: TotpAttemptContext, data: Record<string, unknown>) =>
    audit.append({
      actor: context.actor ?? 'owner',
      event,
      skillSlug: context.skillSlug ?? null,
      versionId: context.versionId ?? null,
      contentSha256: context.contentSha256 ?? null,
      data,
    });

  const locked = (stage: string, until: Date, context: TotpAttemptContext): TotpAttempt => {
    record('totp.locked', context, { stage, lockedUntil: until.toISOString() });
    return refusal('locked', lockedMessage(until, now()), until);
  };

  /**
   * Lockout first, then the code against the stored secret. `commit` spends the accepted step; it
   * runs in one transaction with a second lock check, and returns false when the step (or the
   * offer) was spent meanwhile by a concurrent attempt.
   */
  async function attempt(
    stage: 'approval' | 'enrollment',
    stored: TotpSecretRecord,
    code: string,
    context: TotpAttemptContext,
    commit: (accepted: Extract<TotpCheck, { ok: true }>) => boolean,
  ): Promise<TotpAttempt> {
    const lock = limiter.state();
    if (lock.locked) return locked(stage, lock.until, context);
    let check: TotpCheck;
    try {
      check = await checkTotpCode({ secret: await unseal(box, stored.sealed), code, at: now(), lastAcceptedStep: stored.lastAcceptedStep });
    } catch (error) {
      record('totp.failed', context, { stage, reason: 'secret-unreadable' });
      throw error;
    }
    if (check.ok) {
      const outcome = repo.transaction(() => {
        const lockNow = limiter.state();
        if (lockNow.locked) return { kind: 'locked' as const, until: lockNow.until };
        if (!commit(check)) return { kind: 'replay' as const };
        limiter.recordSuccess();
        return { kind: 'accepted' as const };
      });
      if (outcome.kind === 'locked') return locked(stage, outcome.until, context);
      if (outcome.kind === 'accepted') {
        record(stage === 'approval' ? 'totp.verified' : 'totp.enrolled', context, { stage, step: check.step, drift: check.drift });
        return { ok: true };
      }
    }
    const failure = limiter.recordFailure();
    const lockData = { failedAttempts: failure.failedAttempts, lockedUntil: failure.lockedUntil?.toISOString() ?? null };
    if (check.ok || check.reason === 'replay') {
      record('totp.replay', context, { stage, ...lockData });
      return refusal('replay', afterFailureMessage(MESSAGES.replay, failure, now()), failure.lockedUntil);
    }
    record('totp.failed', context, { stage, reason: check.reason, ...lockData });
    return refusal('invalid', afterFailureMessage(MESSAGES.invalid, failure, now()), failure.lockedUntil);
  }

  async function verify(code: string, context: TotpAttemptContext = {}): Promise<TotpAttempt> {
    const active = repo.totp.get('active');
    if (!active) {
      record('totp.failed', context, { stage: 'approval', reason: 'not-enrolled' });
      return refusal('not-enrolled', MESSAGES.notEnrolled);
    }
    return attempt('approval', active, code, context, (accepted) => repo.totp.acceptStep(active.id, accepted.step));
  }

  return {
    status(): TotpStatus {
      const active = repo.totp.get('active');
      const pending = repo.totp.get('pending');
      const lock = limiter.state();
      return {
        active: active ? { account: active.account, confirmedAt: active.confirmedAt! } : null,
        pending: pending ? { account: pending.account, startedAt: pending.createdAt } : null,
        lockedUntil: lock.locked ? lock.until.toISOString() : null,
      };
    },

    /**
     * Offers a new secret. Replacing an active one needs a valid code from it (`currentCode`),
     * so whoever reaches this call cannot swap in an authenticator of their own.
     */
    async startEnrollment(
      account: string,
      options: { currentCode?: string; context?: TotpAttemptContext } = {},
    ): Promise<{ ok: true; offer: TotpEnrollmentOffer } | Extract<TotpAttempt, { ok: false }>> {
      assertAccount(account);
      const context = options.context ?? {};
      const replacing = repo.totp.get('active') !== null;
      if (replacing) {
        const proof = await verify(options.currentCode ?? '', context);
        if (!proof.ok) return proof;
      }
      const secret = generateTotpSecret();
      repo.totp.savePending(account, await seal(box, secret));
      record('totp.enrollment-started', context, { account, replacing });
      const uri = totpUri(account, secret);
      const qr = await totpQrCode(uri);
      return {
        ok: true,
        offer: {
          account,
          uri,
          manualEntryKey: secret.match(/.{1,4}/g)!.join(' '),
          qrPngDataUrl: qr.pngDataUrl,
          qrSvg: qr.svg,
          expiresAt: new Date(now().getTime() + PENDING_ENROLLMENT_TTL_MS).toISOString(),
        },
      };
    },

    /** The first valid code from the app makes the pending secret the active one; that code is then spent. */
    async confirmEnrollment(code: string, context: TotpAttemptContext = {}): Promise<TotpAttempt> {
      const pending = repo.totp.get('pending');
      if (!pending) {
        record('totp.failed', context, { stage: 'enrollment', reason: 'no-pending-enrollment' });
        return refusal('no-pending-enrollment', MESSAGES.noPending);
      }
      if (now().getTime() - Date.parse(pending.createdAt) > PENDING_ENROLLMENT_TTL_MS) {
        record('totp.failed', context, { stage: 'enrollment', reason: 'enrollment-expired' });
        return refusal('enrollment-expired', MESSAGES.expired);
      }
      return attempt('enrollment', pending, code, context, (accepted) => repo.totp.activatePending(pending.id, accepted.step));
    },

    verify,
  };
}
export type TotpFactor = ReturnType<typeof createTotpFactor>;
