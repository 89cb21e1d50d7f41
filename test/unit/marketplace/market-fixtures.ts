// Publishers, signed bundles and registry folders as the marketplace tests meet them.
import fs from 'node:fs';
import path from 'node:path';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import { buildOfflineCandidate } from '../../../main/skills/generator/offline-generator.ts';
import { pathToFileURL } from 'node:url';
import { packBundle, SIGNATURE_EXTENSION, type PackedBundle } from '../../../main/skills/marketplace/bundle.ts';
import { buildRegistryIndex, INDEX_FILE } from '../../../main/skills/marketplace/registry-index.ts';
import { generateKeyPair, parsePublicKey, parseSecretKey, type PublicKey, type SecretKey } from '../../../main/skills/marketplace/minisign.ts';

export const WATER_NEED: SkillNeed = { kind: 'tracker', subject: 'woda', subjectKey: 'water', unit: 'ml', cadence: { type: 'none' }, language: 'pl', source: 'request', text: 'Chcę śledzić ile piję wody' };
export const water = (): SkillCandidate => buildOfflineCandidate(WATER_NEED);

export interface Publisher {
  secret: SecretKey;
  public: PublicKey;
  publicKeyFile: string;
}

export function newPublisher(): Publisher {
  const pair = generateKeyPair();
  return { secret: parseSecretKey(pair.secretKeyFile), public: parsePublicKey(pair.publicKeyFile), publicKeyFile: pair.publicKeyFile };
}

/** Packs `candidate` as `version`, signed by `publisher`, into `dir` (bundle and signature). */
export async function publish(dir: string, candidate: SkillCandidate, version: string, publisher: Publisher, options: { signed?: boolean; at?: Date } = {}): Promise<PackedBundle> {
  const packed = await packBundle({ ...candidate, slug: candidate.manifest.slug, version }, publisher.secret, options.at ?? new Date('2026-10-01T00:00:00Z'));
  fs.writeFileSync(path.join(dir, packed.fileName), packed.archive);
  if (options.signed !== false) fs.writeFileSync(path.join(dir, `${packed.fileName}${SIGNATURE_EXTENSION}`), packed.signature);
  return packed;
}

/** A water tracker whose code the audit blocks (it builds code from text at run time). */
export function blockedTracker(): SkillCandidate {
  const base = water();
  return {
    ...base,
    code: base.code.replace('async getData', 'async probe() { return eval("1 + 1"); }\n  async getData'),
  };
}

export const COFFEE_NEED: SkillNeed = { kind: 'counter', subject: 'kawa', subjectKey: 'coffee', unit: 'cups', cadence: { type: 'none' }, language: 'pl', source: 'request', text: 'Chcę liczyć kawy' };

/** A file:// registry in `dir`: the water tracker and a coffee counter (1.0.0), signed and indexed by one publisher. Its address, for registryUrl. */
export async function fileRegistry(dir: string): Promise<string> {
  const publisher = newPublisher();
  await publish(dir, water(), '1.0.0', publisher);
  await publish(dir, buildOfflineCandidate(COFFEE_NEED), '1.0.0', publisher);
  const { index, refused } = await buildRegistryIndex(dir, { name: 'Demo Publisher', key: publisher.public }, new Date('2026-12-01T00:00:00Z'));
  if (refused.length) throw new Error(`the demo registry refused ${JSON.stringify(refused)}`);
  fs.writeFileSync(path.join(dir, INDEX_FILE), JSON.stringify(index));
  return `${pathToFileURL(dir).href}/`;
}
