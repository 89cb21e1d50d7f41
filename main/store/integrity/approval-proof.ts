import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { versionContentHash } from '../../skills/registry/content-hash.ts';
import type { IntegrityKey } from './integrity-key.ts';
import { canonicalWrites, type ApprovalSeal, type ApprovalSealsRepository } from '../repositories/approval-seals.ts';

export type TamperedApproval = 'forged-approval' | 'unsealed-approval' | 'content-changed';

export type ApprovalProof =
  | { state: 'verified'; seal: ApprovalSeal }
  | { state: 'unverifiable' }
  | { state: 'tampered'; problem: TamperedApproval };

const sameWrites = (a: readonly string[], b: readonly string[]) => JSON.stringify(canonicalWrites(a)) === JSON.stringify(canonicalWrites(b));

/**
 * Whether a running version is one the owner made the running one: the seals hold (none forged,
 * edited or removed), the skill's newest seal names this version, and the content stored now
 * hashes to what that seal covers, with the same writes granted. Nothing else counts: a row's
 * status, the approvals table and the content hash column are all writable by whoever has the file.
 */
export function createApprovalProof(key: IntegrityKey | null, seals: ApprovalSealsRepository) {
  function proveWith(sealsHold: boolean, version: SkillVersionRecord): ApprovalProof {
    if (!key) return { state: 'unverifiable' };
    if (!sealsHold) return { state: 'tampered', problem: 'forged-approval' };
    const seal = seals.latestFor(version.slug);
    if (!seal || seal.versionId !== version.id) return { state: 'tampered', problem: 'unsealed-approval' };
    if (seal.contentSha256 !== version.contentSha256 || versionContentHash(version) !== seal.contentSha256) {
      return { state: 'tampered', problem: 'content-changed' };
    }
    if (!sameWrites(seal.grantedWrites, version.manifest.capabilities.writes)) return { state: 'tampered', problem: 'content-changed' };
    return { state: 'verified', seal };
  }
  return {
    /** Checks the whole chain of seals, then the version: before every run of a generated skill. */
    prove: (version: SkillVersionRecord): ApprovalProof => proveWith(key !== null && seals.firstBroken() === null, version),
    /** One walk of the seals for many versions (the skills list, `audit-log verify`). */
    prover(): (version: SkillVersionRecord) => ApprovalProof {
      const hold = key !== null && seals.firstBroken() === null;
      return (version) => proveWith(hold, version);
    },
  };
}
export type ApprovalProofs = ReturnType<typeof createApprovalProof>;
