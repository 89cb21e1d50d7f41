// TOTP (RFC 6238) through otplib 13: the secret, the otpauth:// URI with its QR code, and the check
// of one code. No state here: replay memory and lockout live in totp-factor.ts.
import { generateSecret, verify } from 'otplib';
import QRCode from 'qrcode';

export interface TotpParams {
  readonly algorithm: 'sha1' | 'sha256' | 'sha512';
  readonly digits: 6 | 7 | 8;
  /** Seconds per time step. */
  readonly period: number;
}

/** What every authenticator app understands. Other parameters exist only to run the RFC's test vectors. */
export const PRODUCT_TOTP: TotpParams = Object.freeze({ algorithm: 'sha1', digits: 6, period: 30 });

export const TOTP_ISSUER = 'Skill Foundry';
const SECRET_BYTES = 20;

/** 20 random bytes, base32 (RFC 4226 §4 recommends 160 bits). */
export function generateTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

/** The Key URI Format authenticator apps scan, with every parameter spelled out. */
export function totpUri(account: string, secret: string, params: TotpParams = PRODUCT_TOTP): string {
  const issuer = encodeURIComponent(TOTP_ISSUER);
  const query = [
    `secret=${secret}`,
    `issuer=${issuer}`,
    `algorithm=${params.algorithm.toUpperCase()}`,
    `digits=${params.digits}`,
    `period=${params.period}`,
  ].join('&');
  return `otpauth://totp/${issuer}:${encodeURIComponent(account)}?${query}`;
}

export async function totpQrCode(uri: string): Promise<{ pngDataUrl: string; svg: string }> {
  // Medium error correction: survives a glare on the screen, still small enough for the URI.
  const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
  const [pngDataUrl, svg] = await Promise.all([QRCode.toDataURL(uri, options), QRCode.toString(uri, { ...options, type: 'svg' })]);
  return { pngDataUrl, svg };
}

export function timeStepAt(at: Date, params: TotpParams = PRODUCT_TOTP): number {
  return Math.floor(at.getTime() / 1000 / params.period);
}

export type TotpCheck =
  | { ok: true; step: number; /** Steps between the code and the clock: the phone's drift. */ drift: number }
  | { ok: false; reason: 'malformed' | 'mismatch' | 'replay' };

export interface TotpCheckInput {
  /** Base32. */
  secret: string;
  code: string;
  at: Date;
  /** Codes of this step and earlier are refused (RFC 6238 §5.2); null before any was accepted. */
  lastAcceptedStep: number | null;
  params?: TotpParams;
}

/** Checks one code, allowing one time step of clock drift either side. */
export async function checkTotpCode(input: TotpCheckInput): Promise<TotpCheck> {
  const params = input.params ?? PRODUCT_TOTP;
  // Apps show codes as "123 456".
  const code = input.code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${params.digits}}$`).test(code)) return { ok: false, reason: 'malformed' };

  const epoch = Math.floor(input.at.getTime() / 1000);
  const currentStep = timeStepAt(input.at, params);
  const options = {
    secret: input.secret,
    token: code,
    epoch,
    algorithm: params.algorithm,
    digits: params.digits,
    period: params.period,
    epochTolerance: params.period,
  };
  // otplib throws when afterTimeStep lies beyond the window (the clock went back); the clamp
  // keeps the meaning: every step in the window is then refused.
  const afterTimeStep = input.lastAcceptedStep === null ? undefined : Math.min(input.lastAcceptedStep, currentStep + 1);
  const fresh = await verify({ ...options, afterTimeStep });
  if (fresh.valid) return { ok: true, step: currentStep + fresh.delta, drift: fresh.delta };
  if (afterTimeStep !== undefined && (await verify(options)).valid) return { ok: false, reason: 'replay' };
  return { ok: false, reason: 'mismatch' };
}
