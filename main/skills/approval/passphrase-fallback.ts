// The owner's local approval passphrase: it stands in for the biometric check on a computer that
// has none (it is still a second, separate factor next to the authenticator code). Stored only as
// an scrypt hash; its failures lock approvals like wrong codes do.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { ApprovalSecurityRepository } from '../../store/repositories/approval-security.ts';
import type { AuditSink } from './audit-sink.ts';
import { afterFailureMessage, createAttemptLimiter, lockedMessage, refusal, type FactorAttempt } from './attempt-limiter.ts';
import type { BiometricProvider } from './biometric.ts';
import { derivePassphraseKey, isWeakPassphrase, MIN_PASSPHRASE_LENGTH, SCRYPT_PARAMS, type ScryptParams } from './passphrase-kdf.ts';
import { SecurityError } from './security-error.ts';

const SALT_BYTES = 16;
const HASH_BYTES = 32;

export interface PassphraseFallbackDeps {
  repo: ApprovalSecurityRepository;
  audit: AuditSink;
  now: () => Date;
}

export type PassphraseAttempt = FactorAttempt<'not-set-up' | 'locked' | 'invalid'>;

const MESSAGES = {
  notSetUp: {
    en: 'No local approval passphrase is set up yet. Set one in Settings → Security.',
    pl: 'Lokalne hasło zatwierdzania nie jest jeszcze ustawione. Ustaw je w Ustawienia → Bezpieczeństwo.',
  },
  invalid: { en: 'Wrong approval passphrase.', pl: 'Nieprawidłowe hasło zatwierdzania.' },
  weak: {
    en: `The approval passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    pl: `Hasło zatwierdzania musi mieć co najmniej ${MIN_PASSPHRASE_LENGTH} znaków.`,
  },
  alreadySetUp: {
    en: 'An approval passphrase is already set. To replace it, enter the current one.',
    pl: 'Hasło zatwierdzania jest już ustawione. Aby je zmienić, podaj obecne.',
  },
} satisfies Record<string, Localized>;

async function hashPassphrase(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return derivePassphraseKey(passphrase, salt, HASH_BYTES, params);
}

export function createPassphraseFallback(deps: PassphraseFallbackDeps) {
  const { repo, audit, now } = deps;
  const limiter = createAttemptLimiter(repo, 'passphrase', now);
  // Only the person at this computer ever types it.
  const record = (event: string, data: Record<string, unknown> = {}) => audit.append({ actor: 'owner', event: `passphrase.${event}`, data });
  const locked = (until: Date): PassphraseAttempt => {
    record('locked', { lockedUntil: until.toISOString() });
    return refusal('locked', lockedMessage(until, now()), until);
  };

  async function store(passphrase: string): Promise<void> {
    if (isWeakPassphrase(passphrase)) throw new SecurityError('weak-passphrase', MESSAGES.weak);
    const salt = randomBytes(SALT_BYTES);
    repo.fallbackPassphrase.save({ scrypt: SCRYPT_PARAMS, salt, hash: await hashPassphrase(passphrase, salt, SCRYPT_PARAMS) });
  }

  async function verify(passphrase: string): Promise<PassphraseAttempt> {
    const stored = repo.fallbackPassphrase.get();
    if (!stored) {
      record('failed', { reason: 'not-set-up' });
      return refusal('not-set-up', MESSAGES.notSetUp);
    }
    const lock = limiter.state();
    if (lock.locked) return locked(lock.until);
    const matches = timingSafeEqual(await hashPassphrase(passphrase, stored.salt, stored.scrypt), stored.hash);
    if (matches) {
      // Re-checked after the slow hash: a lock set meanwhile by other attempts still holds.
      const current = repo.transaction(() => {
        const state = limiter.state();
        if (!state.locked) limiter.recordSuccess();
        return state;
      });
      if (current.locked) return locked(current.until);
      record('verified');
      return { ok: true };
    }
    const failure = limiter.recordFailure();
    record('failed', { reason: 'mismatch', failedAttempts: failure.failedAttempts, lockedUntil: failure.lockedUntil?.toISOString() ?? null });
    return refusal('invalid', afterFailureMessage(MESSAGES.invalid, failure, now()), failure.lockedUntil);
  }

  return {
    isSetUp: (): boolean => repo.fallbackPassphrase.get() !== null,

    /** First setup only: replacing an existing passphrase goes through change(). */
    async setUp(passphrase: string): Promise<void> {
      if (repo.fallbackPassphrase.get()) throw new SecurityError('already-set-up', MESSAGES.alreadySetUp);
      await store(passphrase);
      record('set-up');
    },

    async change(current: string, next: string): Promise<PassphraseAttempt> {
      // Checked before the current one, so a weak choice does not spend an attempt.
      if (isWeakPassphrase(next)) throw new SecurityError('weak-passphrase', MESSAGES.weak);
      const proof = await verify(current);
      if (!proof.ok) return proof;
      await store(next);
      record('changed');
      return proof;
    },

    verify,
  };
}
export type PassphraseFallback = ReturnType<typeof createPassphraseFallback>;

/**
 * The fallback as a BiometricProvider. `askPassphrase` collects it from the person (a dialog in the
 * app, a hidden prompt in the CLI) and resolves null when they cancel.
 */
export function createPassphraseFallbackProvider(
  fallback: PassphraseFallback,
  askPassphrase: (reason: Localized) => Promise<string | null>,
): BiometricProvider {
  return {
    id: 'passphrase-fallback',
    label: { en: 'Local approval passphrase', pl: 'Lokalne hasło zatwierdzania' },
    available: async () => fallback.isSetUp(),
    async verify(reason) {
      const passphrase = await askPassphrase(reason);
      if (passphrase === null) return { ok: false, reason: 'cancelled', message: { en: 'Cancelled.', pl: 'Anulowano.' } };
      const attempt = await fallback.verify(passphrase);
      if (attempt.ok) return attempt;
      return { ok: false, reason: attempt.reason === 'not-set-up' ? 'unavailable' : 'failed', message: attempt.message };
    },
  };
}
