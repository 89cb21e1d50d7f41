// Ed25519 signatures in minisign's format (https://jedisct1.github.io/minisign/), made and checked
// with node:crypto alone.
//
// Why minisign: a documented, widely used format for detached signatures of release files, small
// enough to read here in full, and checkable with the `minisign` tool itself, so a publisher or an
// owner can verify a bundle without this app:
//
//   minisign -Vm custom-water-log-1.0.0.skill -p publisher.pub
//
// What is signed (minisign 0.10+'s default, algorithm "ED"): the BLAKE2b-512 digest of the whole
// archive; then a second "global" signature covers that signature and the trusted comment, which
// names the archive's SHA-256 and the skill's slug@version. So the archive, its SHA-256 (what an
// index lists) and the skill it claims to be are all bound to the key. Legacy "Ed" signatures
// (over the file itself) are refused: they would need the whole file in memory twice for nothing.
//
// Keys: the public key is minisign's (`untrusted comment` line + base64 of "Ed", the 8-byte key id,
// the 32-byte key). The secret key is NOT minisign's scrypt-encrypted file: it is an unencrypted
// PKCS#8 PEM Ed25519 key with its key id on the first line, written with mode 0600 — keep it like an
// SSH key. The fingerprint people compare is SHA-256 over the 32-byte public key, as SSH shows one.
import crypto from 'node:crypto';
import type { Localized } from '../../../shared/i18n-types.ts';
import { MarketError } from './market-error.ts';

const ALG_PUBLIC = Buffer.from('Ed');
const ALG_PREHASHED = Buffer.from('ED');
const KEY_ID_BYTES = 8;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
/** A signature file is four short lines; anything longer is not one. */
const MAX_SIGNATURE_CHARS = 4096;
const MAX_TRUSTED_COMMENT_CHARS = 1024;
const SECRET_KEY_HEADER = 'untrusted comment: skill foundry secret key ';

export interface PublicKey {
  /** minisign's key id: 16 upper-case hex digits, as `minisign` prints it. */
  keyId: string;
  /** The 32 raw bytes, base64: what a pinned publisher is compared by. */
  key: string;
  /** SHA256:… over the raw key, for people to compare. */
  fingerprint: string;
}

export interface SecretKey {
  keyId: string;
  privateKey: crypto.KeyObject;
  publicKey: PublicKey;
}

export interface VerifiedSignature {
  keyId: string;
  /** The trusted comment, as signed. */
  trustedComment: string;
}

const invalidKey = (why: Localized) => new MarketError('key/invalid', {
  en: `This is not a usable key: ${why.en}`,
  pl: `To nie jest poprawny klucz: ${why.pl}`,
});
const invalidSignature = (why: Localized, details: string[] = []) => new MarketError('signature/invalid', {
  en: `The signature does not hold: ${why.en}`,
  pl: `Podpis się nie zgadza: ${why.pl}`,
}, details);

/** minisign stores the key id little-endian and prints it as a 64-bit number. */
const keyIdText = (bytes: Buffer): string => Buffer.from(bytes).reverse().toString('hex').toUpperCase();
const keyIdBytes = (text: string): Buffer => Buffer.from(text, 'hex').reverse();

function describePublicKey(raw: Buffer, keyId: string): PublicKey {
  return { keyId, key: raw.toString('base64'), fingerprint: `SHA256:${crypto.createHash('sha256').update(raw).digest('base64').replace(/=+$/, '')}` };
}

function rawPublicKey(key: crypto.KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

function publicKeyObject(raw: Buffer): crypto.KeyObject {
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** The second line of a minisign file (after its untrusted comment), base64-decoded. */
function payloadLine(lines: string[], index: number): Buffer | null {
  const line = lines[index]?.trim() ?? '';
  return /^[A-Za-z0-9+/]+=*$/.test(line) ? Buffer.from(line, 'base64') : null;
}

export function generateKeyPair(): { secretKeyFile: string; publicKeyFile: string; publicKey: PublicKey } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const id = crypto.randomBytes(KEY_ID_BYTES);
  const keyId = keyIdText(id);
  const raw = rawPublicKey(publicKey);
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return {
    secretKeyFile: `${SECRET_KEY_HEADER}${keyId}\n${pem}`,
    publicKeyFile: publicKeyFileText(describePublicKey(raw, keyId)),
    publicKey: describePublicKey(raw, keyId),
  };
}

export function parseSecretKey(text: string): SecretKey {
  const [first = '', ...rest] = text.split('\n');
  const keyId = first.startsWith(SECRET_KEY_HEADER) ? first.slice(SECRET_KEY_HEADER.length).trim() : '';
  if (!/^[0-9A-F]{16}$/.test(keyId))
    throw invalidKey({ en: 'the first line must name its key id (made by `foundry market keygen`).', pl: 'pierwszy wiersz musi podawać identyfikator klucza (z `foundry market keygen`).' });
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey({ key: rest.join('\n'), format: 'pem' });
  } catch {
    throw invalidKey({ en: 'it holds no PEM private key.', pl: 'nie zawiera klucza prywatnego PEM.' });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw invalidKey({ en: 'it is not an Ed25519 key.', pl: 'to nie jest klucz Ed25519.' });
  return { keyId, privateKey, publicKey: describePublicKey(rawPublicKey(crypto.createPublicKey(privateKey)), keyId) };
}

export function parsePublicKey(text: string): PublicKey {
  const lines = text.slice(0, MAX_SIGNATURE_CHARS).split('\n');
  // The file form has an untrusted comment first; the bare base64 line (as an index carries it) does not.
  const payload = payloadLine(lines, lines[0]?.startsWith('untrusted comment:') ? 1 : 0);
  if (!payload || payload.length !== 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES || !payload.subarray(0, 2).equals(ALG_PUBLIC))
    throw invalidKey({ en: 'it is not a minisign Ed25519 public key.', pl: 'to nie jest klucz publiczny minisign Ed25519.' });
  return describePublicKey(payload.subarray(2 + KEY_ID_BYTES), keyIdText(payload.subarray(2, 2 + KEY_ID_BYTES)));
}

/** The public key as one base64 line (minisign's, without its comment): what an index carries. */
export function publicKeyLine(key: PublicKey): string {
  return Buffer.concat([ALG_PUBLIC, keyIdBytes(key.keyId), Buffer.from(key.key, 'base64')]).toString('base64');
}

/** The public key file, as `minisign -G` writes it. */
export function publicKeyFileText(key: PublicKey): string {
  return `untrusted comment: minisign public key ${key.keyId}\n${publicKeyLine(key)}\n`;
}

export function sign(data: Uint8Array, secret: SecretKey, trustedComment: string): string {
  if (trustedComment.length > MAX_TRUSTED_COMMENT_CHARS || /[\r\n]/.test(trustedComment)) throw new Error('a trusted comment is one short line');
  const digest = crypto.createHash('blake2b512').update(data).digest();
  const signature = crypto.sign(null, digest, secret.privateKey);
  const global = crypto.sign(null, Buffer.concat([signature, Buffer.from(trustedComment)]), secret.privateKey);
  return [
    `untrusted comment: signature from skill foundry secret key ${secret.keyId}`,
    Buffer.concat([ALG_PREHASHED, keyIdBytes(secret.keyId), signature]).toString('base64'),
    `trusted comment: ${trustedComment}`,
    global.toString('base64'),
    '',
  ].join('\n');
}

/** The key id a signature names (before anything is verified): to pick the publisher's key. */
export function signatureKeyId(signatureText: string): string {
  return parseSignature(signatureText).keyId;
}

function parseSignature(signatureText: string): { keyId: string; signature: Buffer; trustedComment: string; global: Buffer } {
  if (signatureText.length > MAX_SIGNATURE_CHARS) throw invalidSignature({ en: 'the signature file is too long to be one.', pl: 'plik podpisu jest za długi, by nim być.' });
  const lines = signatureText.split('\n');
  const payload = payloadLine(lines, 1);
  const comment = lines[2] ?? '';
  const global = payloadLine(lines, 3);
  if (!lines[0]?.startsWith('untrusted comment:') || !payload || !comment.startsWith('trusted comment: ') || !global || global.length !== SIGNATURE_BYTES)
    throw invalidSignature({ en: 'it is not in minisign format.', pl: 'nie jest w formacie minisign.' });
  if (payload.length !== 2 + KEY_ID_BYTES + SIGNATURE_BYTES)
    throw invalidSignature({ en: 'it is not an Ed25519 signature.', pl: 'to nie jest podpis Ed25519.' });
  if (!payload.subarray(0, 2).equals(ALG_PREHASHED))
    throw invalidSignature({ en: 'only prehashed ("ED") minisign signatures are accepted.', pl: 'przyjmowane są tylko podpisy minisign ze skrótem („ED”).' });
  return {
    keyId: keyIdText(payload.subarray(2, 2 + KEY_ID_BYTES)),
    signature: payload.subarray(2 + KEY_ID_BYTES),
    trustedComment: comment.slice('trusted comment: '.length).replace(/\r$/, ''),
    global,
  };
}

/** Checks both signatures with `key`; the signature must name that key's id. */
export function verify(data: Uint8Array, signatureText: string, key: PublicKey): VerifiedSignature {
  const parsed = parseSignature(signatureText);
  if (parsed.keyId !== key.keyId)
    throw invalidSignature(
      { en: `it was made with key ${parsed.keyId}, not with the publisher's key ${key.keyId}.`, pl: `złożono go kluczem ${parsed.keyId}, a nie kluczem wydawcy ${key.keyId}.` },
    );
  const publicKey = publicKeyObject(Buffer.from(key.key, 'base64'));
  const digest = crypto.createHash('blake2b512').update(data).digest();
  if (!crypto.verify(null, digest, publicKey, parsed.signature))
    throw invalidSignature({ en: 'the file was changed after it was signed, or signed with another key.', pl: 'plik zmieniono po podpisaniu albo podpisano go innym kluczem.' });
  if (!crypto.verify(null, Buffer.concat([parsed.signature, Buffer.from(parsed.trustedComment)]), publicKey, parsed.global))
    throw invalidSignature({ en: 'its trusted comment was changed after signing.', pl: 'jego zaufany komentarz zmieniono po podpisaniu.' });
  return { keyId: parsed.keyId, trustedComment: parsed.trustedComment };
}
