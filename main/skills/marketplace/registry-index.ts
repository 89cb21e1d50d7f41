// A registry is a static folder: signed bundles, their signatures and `index.json` beside them,
// served by any static host (a CDN, object storage, GitHub Pages) or read as a local folder
// (file://). No server of ours exists.
//
// `buildRegistryIndex(dir, publisher)` is the mandatory review before listing: each bundle's
// signature is verified with the publisher's key, its archive and files are read as the import
// reads them, and its code is audited here; a bundle whose audit blocks is NOT listed (it is named
// in `refused` with the reason). The audit's summary, the permissions in plain words and the risk
// go into the listing (`auditInfo`, `permissions`, `risk`) for people browsing — the client never
// trusts them: it verifies, audits and dry-runs again on the owner's computer before anything.
//
// A registry may publish `revocations.json` beside the bundles ({ "bundles": [sha256…], "keys":
// [key id…] }); the index carries it, and clients disable installed skills it names.
import fs from 'node:fs';
import path from 'node:path';
import type { AuditInfo, ListingPublisher, MarketListing } from '../../../shared/contract/market-records.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { AuditReport } from '../../../shared/skills/audit.ts';
import { buildDisclosure } from '../approval/disclosure.ts';
import { parseSkillMd } from '../generator/skill-md.ts';
import { auditSkillOffThread } from '../validator/audit-off-thread.ts';
import { BUNDLE_EXTENSION, openBundle, SIGNATURE_EXTENSION, type OpenedBundle } from './bundle.ts';
import { MAX_BUNDLE_BYTES } from './bundle-archive.ts';
import { MarketError } from './market-error.ts';
import { publicKeyLine, type PublicKey } from './minisign.ts';

export const INDEX_FILE = 'index.json';
export const REVOCATIONS_FILE = 'revocations.json';
export const INDEX_FORMAT = 'skill-foundry-registry/1';
export type { AuditInfo, ListingPublisher, MarketListing };

export interface Revocations {
  bundles: string[];
  keys: string[];
}

export interface RegistryIndex {
  format: typeof INDEX_FORMAT;
  generatedAt: string;
  listings: MarketListing[];
  revocations: Revocations;
}

export interface RefusedBundle {
  file: string;
  code: string;
  reason: Localized;
  details: readonly string[];
}

export interface IndexBuild {
  index: RegistryIndex;
  refused: RefusedBundle[];
}

export type BundleAuditor = (bundle: OpenedBundle) => Promise<AuditReport>;

const auditBundle: BundleAuditor = (bundle) => auditSkillOffThread(bundle.candidate.code, { manifest: bundle.candidate.manifest });

function auditInfo(report: AuditReport): AuditInfo {
  const count = (severity: string) => report.findings.filter((f) => f.severity === severity).length;
  const warnings = count('warn');
  const notes = count('info');
  return {
    verdict: report.verdict,
    warnings,
    notes,
    summary: warnings === 0
      ? { en: 'The audit found nothing to warn about.', pl: 'Audyt nie znalazł nic niepokojącego.' }
      : { en: `The audit passed with ${warnings} warning(s).`, pl: `Audyt przeszedł z ostrzeżeniami: ${warnings}.` },
  };
}

/** The listing for a verified, audited bundle. */
export function listingOf(bundle: OpenedBundle, report: AuditReport, file: string, signature: string, publisher: ListingPublisher): MarketListing {
  const { manifest } = bundle.candidate;
  const metadata = parseSkillMd(bundle.candidate.skillMd).frontMatter.metadata ?? {};
  const disclosure = buildDisclosure({ manifest, report, previous: null });
  return {
    id: `${bundle.slug}@${bundle.version}`,
    slug: bundle.slug,
    name: manifest.name,
    description: manifest.description,
    category: metadata.category ?? 'other',
    author: metadata.author ?? publisher.name,
    version: bundle.version,
    permissions: disclosure.items,
    risk: disclosure.risk,
    auditInfo: auditInfo(report),
    configSchema: bundle.candidate.configSchema,
    remoteUrl: metadata.homepage ?? null,
    bundle: file,
    sha256: bundle.sha256,
    signature,
    publisher,
    publishedAt: bundle.signedAt,
  };
}

function readRevocations(dir: string): Revocations {
  const file = path.join(dir, REVOCATIONS_FILE);
  if (!fs.existsSync(file)) return { bundles: [], keys: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    parsed = null;
  }
  const list = (value: unknown, pattern: RegExp) => Array.isArray(value) && value.every((v) => typeof v === 'string' && pattern.test(v)) ? value as string[] : null;
  const record = parsed as { bundles?: unknown; keys?: unknown } | null;
  const bundles = list(record?.bundles ?? [], /^[0-9a-f]{64}$/);
  const keys = list(record?.keys ?? [], /^[0-9A-F]{16}$/);
  if (!bundles || !keys)
    throw new MarketError('index/invalid', {
      en: `${REVOCATIONS_FILE} must be {"bundles": [SHA-256 in hex…], "keys": [16-digit key ids…]}.`,
      pl: `${REVOCATIONS_FILE} musi mieć postać {"bundles": [SHA-256 szesnastkowo…], "keys": [16-cyfrowe identyfikatory kluczy…]}.`,
    });
  return { bundles, keys };
}

/** Builds the index of every signed bundle in `dir` (not written: the caller writes INDEX_FILE). */
export async function buildRegistryIndex(dir: string, publisher: { name: string; key: PublicKey }, now: Date, audit: BundleAuditor = auditBundle): Promise<IndexBuild> {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => name.endsWith(BUNDLE_EXTENSION)).sort();
  } catch {
    throw new MarketError('index/invalid', { en: `${dir} is not a folder that can be read.`, pl: `${dir} nie jest folderem, który można odczytać.` });
  }
  const listed: ListingPublisher = { name: publisher.name, publicKey: publicKeyLine(publisher.key), keyId: publisher.key.keyId, fingerprint: publisher.key.fingerprint };
  const listings: MarketListing[] = [];
  const refused: RefusedBundle[] = [];
  for (const file of names) {
    try {
      const stat = fs.lstatSync(path.join(dir, file));
      if (!stat.isFile() || stat.size > MAX_BUNDLE_BYTES)
        throw new MarketError('bundle/invalid', { en: 'This bundle is not a regular file of a bundle\'s size.', pl: 'Ta paczka nie jest zwykłym plikiem o rozmiarze paczki.' });
      const archive = fs.readFileSync(path.join(dir, file));
      const signatureFile = path.join(dir, `${file}${SIGNATURE_EXTENSION}`);
      const signature = fs.existsSync(signatureFile) ? fs.readFileSync(signatureFile, 'utf8') : null;
      const bundle = await openBundle(archive, signature, publisher.key);
      const report = await audit(bundle);
      const blocking = report.findings.filter((f) => f.severity === 'block');
      if (blocking.length > 0)
        throw new MarketError('listing/audit-blocked', {
          en: `Not listed: the audit blocks it (${blocking.length} finding(s)); a registry lists only skills that pass the audit.`,
          pl: `Nie wystawiono: audyt go blokuje (ustalenia: ${blocking.length}); rejestr wystawia tylko skille, które przechodzą audyt.`,
        }, blocking.map((f) => `${f.rule} (line ${f.line}): ${f.message.en}`));
      listings.push(listingOf(bundle, report, file, signature!, listed));
    } catch (error) {
      if (!(error instanceof MarketError)) throw error;
      refused.push({ file, code: error.code, reason: error.userMessage, details: error.details });
    }
  }
  return { index: { format: INDEX_FORMAT, generatedAt: now.toISOString(), listings, revocations: readRevocations(dir) }, refused };
}
