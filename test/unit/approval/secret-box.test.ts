import { describe, expect, it } from 'vitest';
import { createPassphraseSecretBox, PASSPHRASE_BOX_KIND, seal, unseal } from '../../../main/skills/approval/secret-box.ts';
import { SecurityError } from '../../../main/skills/approval/security-error.ts';
import { createTotpFactor } from '../../../main/skills/approval/totp-factor.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { BOX_PASSPHRASE, codeAt, createClock, databaseBytes, newBox, openSecurityStore, secretFromUri } from './security-fixtures.ts';

const tempDir = useTempDir();

async function rejection(promise: Promise<unknown>): Promise<SecurityError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SecurityError);
  const securityError = error as SecurityError;
  expect(securityError.userMessage.en.length).toBeGreaterThan(20);
  expect(securityError.userMessage.pl.length).toBeGreaterThan(20);
  return securityError;
}

describe('passphrase SecretBox (scrypt + AES-256-GCM)', () => {
  it('round-trips text, and no two encryptions look alike', async () => {
    const box = newBox();
    for (const plain of ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'zażółć gęślą jaźń', '']) {
      expect(await box.decrypt(await box.encrypt(plain))).toBe(plain);
    }
    const [a, b] = [await box.encrypt('same'), await box.encrypt('same')];
    expect(a.equals(b)).toBe(false);
    expect(box.kind).toBe(PASSPHRASE_BOX_KIND);
  });

  it('opens data sealed by another process with the same passphrase (the salt travels with the data)', async () => {
    const sealed = await newBox().encrypt('secret');
    expect(await createPassphraseSecretBox(BOX_PASSPHRASE).decrypt(sealed)).toBe('secret');
  });

  it('treats the composed and decomposed forms of a Polish passphrase as the same', async () => {
    const composed = 'źdźbło żółtej łąki';
    const sealed = await createPassphraseSecretBox(composed).encrypt('secret');
    expect(await createPassphraseSecretBox(composed.normalize('NFD')).decrypt(sealed)).toBe('secret');
  });

  it('says clearly when the passphrase is wrong, without echoing it', async () => {
    const sealed = await newBox().encrypt('secret');
    const error = await rejection(createPassphraseSecretBox('a different passphrase').decrypt(sealed));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.userMessage.en).toMatch(/passphrase is wrong/);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('a different passphrase');
  });

  it('refuses tampered or truncated data', async () => {
    const box = newBox();
    const sealed = await box.encrypt('the secret value');
    const flip = (index: number) => {
      const copy = Buffer.from(sealed);
      copy[index] = copy[index]! ^ 0x01;
      return copy;
    };
    const headerEnd = 4 + 16 + 16;
    for (const [label, data] of [
      ['ciphertext', flip(sealed.length - 1)],
      ['auth tag', flip(headerEnd + 12)],
      ['iv', flip(headerEnd)],
      ['truncated', sealed.subarray(0, 40)],
      ['not ours', Buffer.from('plain text, not a sealed secret at all')],
    ] as const) {
      const error = await rejection(box.decrypt(data));
      expect(error.code, label).toBe('damaged-secret');
    }
  });

  it('refuses a passphrase shorter than 8 characters', () => {
    expect(() => createPassphraseSecretBox('short')).toThrow(expect.objectContaining({ code: 'weak-passphrase' }));
    expect(() => createPassphraseSecretBox('        ')).toThrow(SecurityError);
  });

  it('will not open a secret sealed by another kind of box', async () => {
    const sealed = await seal(newBox(), 'secret');
    const keychain = { kind: 'electron-safe-storage', encrypt: async () => Buffer.alloc(0), decrypt: async () => 'never' };
    const error = await rejection(unseal(keychain, sealed));
    expect(error.code).toBe('other-secret-box');
  });
});

describe('the TOTP secret at rest', () => {
  it('is never in the database file in plain text', async () => {
    const dir = tempDir();
    const clock = createClock();
    const { store, repo } = openSecurityStore(dir, clock);
    const totp = createTotpFactor({ repo, box: newBox(), audit: store.auditLog, now: clock.now });
    const started = await totp.startEnrollment('ola@laptop');
    if (!started.ok) throw new Error('enrollment refused');
    const secret = secretFromUri(started.offer.uri);
    expect((await totp.confirmEnrollment(await codeAt(secret, clock.now()))).ok).toBe(true);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();

    const bytes = databaseBytes(dir);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from(secret, 'latin1'))).toBe(false);
    expect(bytes.includes(Buffer.from(secret.toLowerCase(), 'latin1'))).toBe(false);
    expect(bytes.includes(Buffer.from(started.offer.manualEntryKey, 'latin1'))).toBe(false);
    expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
  });
});
