// A bundle (`SLUG-VERSION.skill`) is the skill folder as a gzip-compressed tar (bundle-archive.ts);
// its detached signature (`SLUG-VERSION.skill.minisig`, minisign.ts) covers the archive and, in the
// trusted comment, the archive's SHA-256 and the skill's slug@version. Opening one checks the
// signature first, then reads the archive, then the skill files exactly as `foundry skills import`
// does: a bundle is an untrusted skill folder that says who sent it.
import crypto from 'node:crypto';
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import { candidateFromSkillFiles, decodeSkillFile, GeneratorError, skillFolderFiles } from '../generator/index.ts';
import { bundleRefusal, packSkillArchive, readSkillArchive } from './bundle-archive.ts';
import { MarketError } from './market-error.ts';
import { sign, verify, type PublicKey, type SecretKey } from './minisign.ts';

export const BUNDLE_EXTENSION = '.skill';
export const SIGNATURE_EXTENSION = '.minisig';

export interface PackedBundle {
  fileName: string;
  archive: Buffer;
  signature: string;
  sha256: string;
}

export interface OpenedBundle {
  candidate: SkillCandidate;
  sha256: string;
  slug: string;
  /** The publisher's version (the manifest's), which updates compare. */
  version: string;
  keyId: string;
  /** When it was signed (the trusted comment's timestamp), ISO 8601. */
  signedAt: string;
}

export const bundleFileName = (slug: string, version: string): string => `${slug}-${version}${BUNDLE_EXTENSION}`;

export const sha256Hex = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

const trustedComment = (slug: string, version: string, sha256: string, at: Date) =>
  `skill:${slug}@${version} sha256:${sha256} timestamp:${Math.floor(at.getTime() / 1000)}`;

/** `skill:` and `sha256:` of a trusted comment this app wrote; other fields are ignored. */
function commentFields(comment: string): { skill: string | null; sha256: string | null; signedAt: string } {
  const field = (name: string) => new RegExp(`(?:^|\\s)${name}:(\\S+)`).exec(comment)?.[1] ?? null;
  const signed = new Date(Number(field('timestamp')) * 1000);
  return { skill: field('skill'), sha256: field('sha256'), signedAt: (Number.isNaN(signed.getTime()) ? new Date(0) : signed).toISOString() };
}

type PackableVersion = Pick<SkillCandidate, 'skillMd' | 'code' | 'manifest' | 'configSchema'> & { sampleInputs: readonly unknown[]; slug: string; version: string };

/** Packs and signs an approved version: its manifest carries the version number it was approved as. */
export async function packBundle(version: PackableVersion, key: SecretKey, now: Date): Promise<PackedBundle> {
  const files = skillFolderFiles({ ...version, manifest: { ...version.manifest, version: version.version } });
  const archive = await packSkillArchive(version.slug, files);
  const sha256 = sha256Hex(archive);
  return { fileName: bundleFileName(version.slug, version.version), archive, signature: sign(archive, key, trustedComment(version.slug, version.version, sha256, now)), sha256 };
}

/**
 * Verifies `signature` with `key`, then reads the archive as an untrusted skill folder. Throws a
 * MarketError (signature, archive or skill files) and writes nothing.
 */
export async function openBundle(archive: Uint8Array, signature: string | null, key: PublicKey): Promise<OpenedBundle> {
  if (signature === null || signature.trim() === '')
    throw new MarketError('signature/missing', { en: 'This bundle is not signed; unsigned bundles are never opened.', pl: 'Ta paczka nie jest podpisana; niepodpisanych paczek nigdy się nie otwiera.' });
  const verified = verify(archive, signature, key);
  const sha256 = sha256Hex(archive);
  const signed = commentFields(verified.trustedComment);
  if (signed.sha256 !== sha256)
    throw new MarketError('signature/invalid', { en: 'The signature names another archive (its SHA-256 differs).', pl: 'Podpis dotyczy innego archiwum (inny SHA-256).' }, [sha256]);
  const { folderName, files } = await readSkillArchive(archive);
  let candidate: SkillCandidate;
  try {
    candidate = candidateFromSkillFiles(folderName, (name) => decodeSkillFile(name, files.get(name)!, bundleRefusal), { refuse: bundleRefusal });
  } catch (error) {
    if (error instanceof GeneratorError) throw bundleRefusal(error.userMessage, error.details);
    throw error;
  }
  const version = candidate.manifest.version;
  if (signed.skill !== `${candidate.manifest.slug}@${version}`)
    throw new MarketError('signature/invalid', {
      en: `The signature is for ${signed.skill ?? 'another skill'}, but the bundle holds ${candidate.manifest.slug}@${version}.`,
      pl: `Podpis dotyczy ${signed.skill ?? 'innego skilla'}, a paczka zawiera ${candidate.manifest.slug}@${version}.`,
    });
  return { candidate, sha256, slug: candidate.manifest.slug, version, keyId: verified.keyId, signedAt: signed.signedAt };
}
