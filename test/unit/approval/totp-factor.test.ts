import { describe, expect, it } from 'vitest';
import { createTotpFactor, PENDING_ENROLLMENT_TTL_MS } from '../../../main/skills/approval/totp-factor.ts';
import { LOCKOUT_POLICY } from '../../../main/skills/approval/attempt-limiter.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { auditEvents, codeAt, createClock, newBox, openSecurityStore, rawAuditText, secretFromUri, type Clock } from './security-fixtures.ts';

const tempDir = useTempDir();

function setup(dir = tempDir(), clock: Clock = createClock()) {
  const { store, repo } = openSecurityStore(dir, clock);
  const box = newBox();
  const totp = createTotpFactor({ repo, box, audit: store.auditLog, now: clock.now });
  return { dir, clock, store, repo, box, totp };
}

/** Enrolls an authenticator and returns its secret; the confirming code's step is then spent. */
async function enroll(env: ReturnType<typeof setup>, account = 'ola@laptop'): Promise<string> {
  const started = await env.totp.startEnrollment(account);
  if (!started.ok) throw new Error(started.message.en);
  const secret = secretFromUri(started.offer.uri);
  expect(await env.totp.confirmEnrollment(await codeAt(secret, env.clock.now()))).toEqual({ ok: true });
  return secret;
}

const STEP_MS = 30_000;

describe('enrollment', () => {
  it('offers a URI and QR code, and becomes active only after one valid code', async () => {
    const env = setup();
    const started = await env.totp.startEnrollment('ola@laptop');
    if (!started.ok) throw new Error('refused');
    const { offer } = started;
    const secret = secretFromUri(offer.uri);
    expect(offer.uri).toMatch(/^otpauth:\/\/totp\/Skill%20Foundry:ola%40laptop\?secret=[A-Z2-7]{32}&issuer=Skill%20Foundry&algorithm=SHA1&digits=6&period=30$/);
    expect(offer.manualEntryKey.replaceAll(' ', '')).toBe(secret);
    expect(offer.qrPngDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(offer.qrSvg).toContain('<svg');
    expect(env.totp.status()).toMatchObject({ active: null, pending: { account: 'ola@laptop' } });

    // Not active yet: an approval cannot use it.
    expect(await env.totp.verify(await codeAt(secret, env.clock.now()))).toMatchObject({ ok: false, reason: 'not-enrolled' });
    expect(await env.totp.confirmEnrollment('000000')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(env.totp.status().active).toBeNull();

    expect(await env.totp.confirmEnrollment(await codeAt(secret, env.clock.now()))).toEqual({ ok: true });
    expect(env.totp.status()).toMatchObject({ active: { account: 'ola@laptop', confirmedAt: env.clock.now().toISOString() }, pending: null });
  });

  it('spends the confirming code: it cannot also approve', async () => {
    const env = setup();
    const secret = await enroll(env);
    expect(await env.totp.verify(await codeAt(secret, env.clock.now()))).toMatchObject({ ok: false, reason: 'replay' });
    env.clock.advance(STEP_MS);
    expect(await env.totp.verify(await codeAt(secret, env.clock.now()))).toEqual({ ok: true });
  });

  it('lets an offer expire after 15 minutes', async () => {
    const env = setup();
    const started = await env.totp.startEnrollment('ola');
    if (!started.ok) throw new Error('refused');
    env.clock.advance(PENDING_ENROLLMENT_TTL_MS + 1);
    const code = await codeAt(secretFromUri(started.offer.uri), env.clock.now());
    expect(await env.totp.confirmEnrollment(code)).toMatchObject({ ok: false, reason: 'enrollment-expired' });
    expect(await env.totp.confirmEnrollment('123456')).toMatchObject({ ok: false, reason: 'enrollment-expired' });
  });

  it('refuses account names that would garble the URI label', async () => {
    const env = setup();
    for (const account of ['', '   ', 'a:b', 'x'.repeat(65), 'line\nbreak']) {
      await expect(env.totp.startEnrollment(account)).rejects.toMatchObject({ code: 'invalid-account' });
    }
  });

  it('replaces an active authenticator only with a valid code from it, and keeps the old one until the new is confirmed', async () => {
    const env = setup();
    const oldSecret = await enroll(env);
    env.clock.advance(STEP_MS);

    expect(await env.totp.startEnrollment('new phone')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await env.totp.startEnrollment('new phone', { currentCode: '000000' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(env.totp.status().pending).toBeNull();

    const replaced = await env.totp.startEnrollment('new phone', { currentCode: await codeAt(oldSecret, env.clock.now()) });
    if (!replaced.ok) throw new Error(replaced.message.en);
    const newSecret = secretFromUri(replaced.offer.uri);
    expect(env.totp.status()).toMatchObject({ active: { account: 'ola@laptop' }, pending: { account: 'new phone' } });

    env.clock.advance(STEP_MS);
    expect(await env.totp.verify(await codeAt(oldSecret, env.clock.now()))).toEqual({ ok: true });
    env.clock.advance(STEP_MS);
    expect(await env.totp.confirmEnrollment(await codeAt(newSecret, env.clock.now()))).toEqual({ ok: true });
    env.clock.advance(STEP_MS);
    expect(await env.totp.verify(await codeAt(oldSecret, env.clock.now()))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await env.totp.verify(await codeAt(newSecret, env.clock.now()))).toEqual({ ok: true });
  });
});

describe('verification', () => {
  it('refuses a wrong code, with how many attempts are left', async () => {
    const env = setup();
    const secret = await enroll(env);
    env.clock.advance(STEP_MS);
    const right = await codeAt(secret, env.clock.now());
    const wrong = right === '000000' ? '000001' : '000000';
    const result = await env.totp.verify(wrong);
    expect(result).toMatchObject({ ok: false, reason: 'invalid', lockedUntil: null });
    expect(result.ok || result.message.en).toContain('Attempts left before a 15-minute lock: 4');
    expect(result.ok || result.message.pl).toContain('Pozostało prób przed blokadą na 15 min: 4');
  });

  it('refuses a code used twice, and any code older than the last accepted one', async () => {
    const env = setup();
    const secret = await enroll(env);
    env.clock.advance(2 * STEP_MS);
    const now = env.clock.now();
    expect(await env.totp.verify(await codeAt(secret, now, 1))).toEqual({ ok: true });
    expect(await env.totp.verify(await codeAt(secret, now, 1))).toMatchObject({ ok: false, reason: 'replay' });
    expect(await env.totp.verify(await codeAt(secret, now, 0))).toMatchObject({ ok: false, reason: 'replay' });
    expect(await env.totp.verify(await codeAt(secret, now, -1))).toMatchObject({ ok: false, reason: 'replay' });
  });

  it('accepts a phone one step behind or ahead, not two', async () => {
    const env = setup();
    const secret = await enroll(env);
    env.clock.advance(10 * STEP_MS);
    expect(await env.totp.verify(await codeAt(secret, env.clock.now(), -2))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await env.totp.verify(await codeAt(secret, env.clock.now(), -1))).toEqual({ ok: true });
    env.clock.advance(10 * STEP_MS);
    expect(await env.totp.verify(await codeAt(secret, env.clock.now(), 2))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await env.totp.verify(await codeAt(secret, env.clock.now(), 1))).toEqual({ ok: true });
  });

  it('accepts one of two simultaneous submissions of the same code', async () => {
    const env = setup();
    const secret = await enroll(env);
    env.clock.advance(STEP_MS);
    const code = await codeAt(secret, env.clock.now());
    const results = await Promise.all([env.totp.verify(code), env.totp.verify(code), env.totp.verify(code)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'replay')).toHaveLength(2);
  });
});

describe('lockout', () => {
  it('locks approvals for 15 minutes after 5 failures, refuses a correct code meanwhile, then unlocks', async () => {
    const env = setup();
    const secret = await enroll(env);
    env.clock.advance(STEP_MS);
    const lockStart = env.clock.now();
    for (let i = 1; i < LOCKOUT_POLICY.maxFailures; i++) {
      expect(await env.totp.verify('12345x')).toMatchObject({ ok: false, reason: 'invalid', lockedUntil: null });
    }
    const fifth = await env.totp.verify('99999');
    const lockedUntil = new Date(lockStart.getTime() + 15 * 60_000).toISOString();
    expect(fifth).toMatchObject({ ok: false, reason: 'invalid', lockedUntil });
    expect(fifth.ok || fifth.message.en).toContain('locked for 15 more min');
    expect(env.totp.status().lockedUntil).toBe(lockedUntil);

    expect(await env.totp.verify(await codeAt(secret, env.clock.now()))).toMatchObject({ ok: false, reason: 'locked', lockedUntil });
    env.clock.advance(14 * 60_000);
    const locked = await env.totp.verify(await codeAt(secret, env.clock.now()));
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    expect(locked.ok || locked.message.pl).toContain('zablokowane jeszcze przez 1 min');

    env.clock.advance(60_000);
    expect(env.totp.status().lockedUntil).toBeNull();
    expect(await env.totp.verify(await codeAt(secret, env.clock.now()))).toEqual({ ok: true });
  });

  it('keeps the lock across a restart', async () => {
    const env = setup();
    const secret = await enroll(env);
    for (let i = 0; i < LOCKOUT_POLICY.maxFailures; i++) await env.totp.verify('000000');
    env.store.close();

    const reopened = setup(env.dir, env.clock);
    env.clock.advance(STEP_MS);
    expect(await reopened.totp.verify(await codeAt(secret, env.clock.now()))).toMatchObject({ ok: false, reason: 'locked' });
    reopened.store.close();
  });

  it('counts failures in a row only: a success starts the count over', async () => {
    const env = setup();
    const secret = await enroll(env);
    for (let i = 0; i < LOCKOUT_POLICY.maxFailures - 1; i++) await env.totp.verify('000000');
    env.clock.advance(STEP_MS);
    expect(await env.totp.verify(await codeAt(secret, env.clock.now()))).toEqual({ ok: true });
    expect(await env.totp.verify('000000')).toMatchObject({ lockedUntil: null });
  });
});

describe('audit', () => {
  it('records every attempt, never the code or the secret', async () => {
    const env = setup();
    const started = await env.totp.startEnrollment('ola@laptop');
    if (!started.ok) throw new Error('refused');
    const secret = secretFromUri(started.offer.uri);
    const codes: string[] = [];
    const code = async (offset = 0) => {
      const value = await codeAt(secret, env.clock.now(), offset);
      codes.push(value);
      return value;
    };
    await env.totp.confirmEnrollment(await code());
    env.clock.advance(STEP_MS);
    await env.totp.verify(await code(), { versionId: 'v1', skillSlug: 'custom-water-tracker', contentSha256: 'ab'.repeat(32) });
    await env.totp.verify(await code());
    // The replay above was the first failure in a row; these complete the series and lock.
    const wrongCodes = Array.from({ length: LOCKOUT_POLICY.maxFailures - 1 }, (_, i) => String(123450 + i));
    codes.push(...wrongCodes);
    for (const wrong of wrongCodes) await env.totp.verify(wrong);
    await env.totp.verify(await code(1));

    const events = auditEvents(env.store).map((e) => e.event);
    expect(events).toEqual([
      'totp.enrollment-started',
      'totp.enrolled',
      'totp.verified',
      'totp.replay',
      ...Array<string>(LOCKOUT_POLICY.maxFailures - 1).fill('totp.failed'),
      'totp.locked',
    ]);
    expect(auditEvents(env.store).at(-2)!.data).toMatchObject({ failedAttempts: LOCKOUT_POLICY.maxFailures, lockedUntil: expect.any(String) });
    const verified = auditEvents(env.store).find((e) => e.event === 'totp.verified')!;
    expect(verified).toMatchObject({ actor: 'owner', versionId: 'v1', skillSlug: 'custom-water-tracker', contentSha256: 'ab'.repeat(32) });

    const everything = rawAuditText(env.store);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(started.offer.manualEntryKey);
    for (const value of codes) expect(everything).not.toContain(value);
  });
});
