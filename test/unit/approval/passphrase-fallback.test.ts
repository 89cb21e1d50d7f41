import { describe, expect, it } from 'vitest';
import { LOCKOUT_POLICY } from '../../../main/skills/approval/attempt-limiter.ts';
import { createPassphraseFallback, createPassphraseFallbackProvider } from '../../../main/skills/approval/passphrase-fallback.ts';
import { SCRYPT_PARAMS } from '../../../main/skills/approval/passphrase-kdf.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { auditEvents, createClock, databaseBytes, openSecurityStore, rawAuditText } from './security-fixtures.ts';

const tempDir = useTempDir();
const PASSPHRASE = 'moje tajne hasło zatwierdzania';
const REASON = { en: 'Approve Water Tracker v1.0.0', pl: 'Zatwierdź Water Tracker v1.0.0' };

function setup() {
  const dir = tempDir();
  const clock = createClock();
  const { store, repo } = openSecurityStore(dir, clock);
  const fallback = createPassphraseFallback({ repo, audit: store.auditLog, now: clock.now });
  return { dir, clock, store, repo, fallback };
}

describe('local approval passphrase', () => {
  it('is set up once, then verifies the right passphrase and refuses a wrong one', async () => {
    const { fallback, repo } = setup();
    expect(fallback.isSetUp()).toBe(false);
    expect(await fallback.verify(PASSPHRASE)).toMatchObject({ ok: false, reason: 'not-set-up' });
    await fallback.setUp(PASSPHRASE);
    expect(fallback.isSetUp()).toBe(true);
    expect(await fallback.verify(PASSPHRASE)).toEqual({ ok: true });
    expect(await fallback.verify('not my passphrase')).toMatchObject({ ok: false, reason: 'invalid' });

    const stored = repo.fallbackPassphrase.get()!;
    expect(stored.scrypt).toEqual(SCRYPT_PARAMS);
    expect(stored.salt).toHaveLength(16);
    expect(stored.hash).toHaveLength(32);
  });

  it('stores only a hash: the passphrase is neither in the database file nor in the audit log', async () => {
    const { fallback, store, dir } = setup();
    await fallback.setUp(PASSPHRASE);
    await fallback.verify(PASSPHRASE);
    await fallback.verify(`${PASSPHRASE}!`);
    expect(rawAuditText(store)).not.toContain(PASSPHRASE);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    expect(databaseBytes(dir).includes(Buffer.from(PASSPHRASE, 'utf8'))).toBe(false);
  });

  it('refuses a weak passphrase and a second setup; changing needs the current one', async () => {
    const { fallback } = setup();
    await expect(fallback.setUp('short')).rejects.toMatchObject({ code: 'weak-passphrase' });
    await fallback.setUp(PASSPHRASE);
    await expect(fallback.setUp('another passphrase')).rejects.toMatchObject({ code: 'already-set-up' });
    expect(await fallback.change('wrong current one', 'another passphrase')).toMatchObject({ ok: false, reason: 'invalid' });
    await expect(fallback.change(PASSPHRASE, 'short')).rejects.toMatchObject({ code: 'weak-passphrase' });
    expect(await fallback.change(PASSPHRASE, 'another passphrase')).toEqual({ ok: true });
    expect(await fallback.verify('another passphrase')).toEqual({ ok: true });
    expect(await fallback.verify(PASSPHRASE)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('locks after 5 wrong passphrases, for 15 minutes, even for the right one', async () => {
    const { fallback, clock, store } = setup();
    await fallback.setUp(PASSPHRASE);
    for (let i = 0; i < LOCKOUT_POLICY.maxFailures; i++) await fallback.verify('wrong passphrase');
    expect(await fallback.verify(PASSPHRASE)).toMatchObject({ ok: false, reason: 'locked' });
    clock.advance(LOCKOUT_POLICY.lockMs);
    expect(await fallback.verify(PASSPHRASE)).toEqual({ ok: true });
    expect(auditEvents(store).map((e) => e.event)).toEqual([
      'passphrase.set-up',
      ...Array<string>(LOCKOUT_POLICY.maxFailures).fill('passphrase.failed'),
      'passphrase.locked',
      'passphrase.verified',
    ]);
  });
});

describe('the fallback as a biometric provider', () => {
  it('is available only once set up, and asks for the passphrase with the reason', async () => {
    const { fallback } = setup();
    const asked: unknown[] = [];
    let answer: string | null = PASSPHRASE;
    const provider = createPassphraseFallbackProvider(fallback, async (reason) => {
      asked.push(reason);
      return answer;
    });
    expect(provider.id).toBe('passphrase-fallback');
    expect(await provider.available()).toBe(false);
    expect(await provider.verify(REASON)).toMatchObject({ ok: false, reason: 'unavailable' });

    await fallback.setUp(PASSPHRASE);
    expect(await provider.available()).toBe(true);
    expect(await provider.verify(REASON)).toEqual({ ok: true });
    answer = 'wrong passphrase';
    expect(await provider.verify(REASON)).toMatchObject({ ok: false, reason: 'failed' });
    answer = null;
    expect(await provider.verify(REASON)).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(asked).toEqual([REASON, REASON, REASON, REASON]);
  });
});
