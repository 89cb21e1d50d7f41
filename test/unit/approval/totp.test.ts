import { describe, expect, it } from 'vitest';
import { ScureBase32Plugin } from 'otplib';
import {
  checkTotpCode,
  generateTotpSecret,
  PRODUCT_TOTP,
  timeStepAt,
  totpQrCode,
  totpUri,
  type TotpParams,
} from '../../../main/skills/approval/totp.ts';
import { codeAt } from './security-fixtures.ts';

const base32 = new ScureBase32Plugin();
const seed = (ascii: string) => base32.encode(new TextEncoder().encode(ascii));

// RFC 6238 Appendix B: the seeds are the ASCII digits repeated to the hash's key size.
const SEEDS = {
  sha1: seed('12345678901234567890'),
  sha256: seed('12345678901234567890123456789012'),
  sha512: seed('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: { time: number; sha1: string; sha256: string; sha512: string }[] = [
  { time: 59, sha1: '94287082', sha256: '46119246', sha512: '90693936' },
  { time: 1111111109, sha1: '07081804', sha256: '68084774', sha512: '25091201' },
  { time: 1111111111, sha1: '14050471', sha256: '67062674', sha512: '99943326' },
  { time: 1234567890, sha1: '89005924', sha256: '91819424', sha512: '93441116' },
  { time: 2000000000, sha1: '69279037', sha256: '90698825', sha512: '38618901' },
  { time: 20000000000, sha1: '65353130', sha256: '77737706', sha512: '47863826' },
];

describe('RFC 6238 Appendix B test vectors, through checkTotpCode', () => {
  for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
    const params: TotpParams = { algorithm, digits: 8, period: 30 };
    for (const vector of VECTORS) {
      it(`${algorithm.toUpperCase()} at T=${vector.time} accepts ${vector[algorithm]}`, async () => {
        const at = new Date(vector.time * 1000);
        const result = await checkTotpCode({ secret: SEEDS[algorithm], code: vector[algorithm], at, lastAcceptedStep: null, params });
        expect(result).toEqual({ ok: true, step: Math.floor(vector.time / 30), drift: 0 });
      });
    }
  }

  it('refuses a vector code two steps away from its time', async () => {
    const params: TotpParams = { algorithm: 'sha1', digits: 8, period: 30 };
    for (const offset of [-60, 60]) {
      const at = new Date((1234567890 + offset) * 1000);
      const result = await checkTotpCode({ secret: SEEDS.sha1, code: '89005924', at, lastAcceptedStep: null, params });
      expect(result).toEqual({ ok: false, reason: 'mismatch' });
    }
  });
});

describe('checkTotpCode with the product settings (SHA1, 6 digits, 30 s)', () => {
  const secret = generateTotpSecret();
  const at = new Date(Date.parse('2026-03-02T10:00:10Z'));
  const step = timeStepAt(at);

  it('accepts codes one step either side (30 s tolerance) and refuses two steps away', async () => {
    for (const offset of [-1, 0, 1]) {
      const result = await checkTotpCode({ secret, code: await codeAt(secret, at, offset), at, lastAcceptedStep: null });
      expect(result).toEqual({ ok: true, step: step + offset, drift: offset });
    }
    for (const offset of [-2, 2]) {
      const result = await checkTotpCode({ secret, code: await codeAt(secret, at, offset), at, lastAcceptedStep: null });
      expect(result).toEqual({ ok: false, reason: 'mismatch' });
    }
  });

  it('calls a code of the last accepted step, or of an earlier one, a replay; a later one passes', async () => {
    const check = async (offset: number) =>
      checkTotpCode({ secret, code: await codeAt(secret, at, offset), at, lastAcceptedStep: step });
    expect(await check(0)).toEqual({ ok: false, reason: 'replay' });
    expect(await check(-1)).toEqual({ ok: false, reason: 'replay' });
    expect(await check(1)).toEqual({ ok: true, step: step + 1, drift: 1 });
  });

  it('refuses everything, without throwing, when the last accepted step lies ahead of the clock', async () => {
    const result = await checkTotpCode({ secret, code: await codeAt(secret, at), at, lastAcceptedStep: step + 10 });
    expect(result).toEqual({ ok: false, reason: 'replay' });
  });

  it('takes codes written with spaces, and calls anything not six digits malformed', async () => {
    const code = await codeAt(secret, at);
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    expect((await checkTotpCode({ secret, code: spaced, at, lastAcceptedStep: null })).ok).toBe(true);
    for (const bad of ['', '12345', '1234567', 'abcdef', '12345a', `${code}\n1`]) {
      expect(await checkTotpCode({ secret, code: bad, at, lastAcceptedStep: null })).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});

describe('secret, URI and QR code', () => {
  it('makes a fresh 20-byte base32 secret each time', () => {
    const a = generateTotpSecret();
    const b = generateTotpSecret();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32.decode(a)).toHaveLength(20);
  });

  it('spells out every parameter in the otpauth URI', () => {
    const uri = totpUri('ola@laptop', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(uri).toBe(
      'otpauth://totp/Skill%20Foundry:ola%40laptop?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Skill%20Foundry&algorithm=SHA1&digits=6&period=30',
    );
    expect(PRODUCT_TOTP).toEqual({ algorithm: 'sha1', digits: 6, period: 30 });
  });

  it('renders the URI as a PNG data URL and an SVG', async () => {
    const qr = await totpQrCode(totpUri('ola', generateTotpSecret()));
    expect(qr.pngDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);
    expect(Buffer.from(qr.pngDataUrl.split(',')[1]!, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(qr.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
