import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { versionContentHash } from './content-hash.ts';

/** Whether the stored content still hashes to the hash stored beside it (no row edited since). */
export function isContentIntact(version: SkillVersionRecord): boolean {
  return versionContentHash(version) === version.contentSha256;
}
