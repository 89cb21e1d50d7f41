import type { ChainVerification, IntegrityProblem, SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { AuditLogRepository } from '../repositories/audit-log.ts';
import type { ApprovalSealsRepository } from '../repositories/approval-seals.ts';
import type { ApprovalProofs } from './approval-proof.ts';

export interface VerifyIntegrityDeps {
  keyed: boolean;
  auditLog: Pick<AuditLogRepository, 'verify'>;
  seals: Pick<ApprovalSealsRepository, 'firstBroken'>;
  proofs: ApprovalProofs;
  /** Every skill's running version. */
  runningVersions: () => SkillVersionRecord[];
}

/** The audit log and the approvals, every kind of tampering named (what `foundry audit-log verify` prints). */
export function verifyIntegrity(deps: VerifyIntegrityDeps): ChainVerification {
  const audit = deps.auditLog.verify();
  const problems: IntegrityProblem[] = [...audit.problems];
  if (deps.keyed) {
    const broken = deps.seals.firstBroken();
    // 0: the checkpoint itself does not hold, which the log's walk already reported.
    if (broken) problems.push({ problem: 'forged-approval', seq: broken });
    const prove = deps.proofs.prover();
    for (const version of deps.runningVersions()) {
      const proof = prove(version);
      if (proof.state === 'tampered' && proof.problem !== 'forged-approval') {
        problems.push({ problem: 'unsealed-approval', skillSlug: version.slug, versionId: version.id });
      }
    }
  }
  const first = problems.find((p) => p.seq !== undefined);
  return {
    ok: problems.length === 0,
    checked: audit.checked,
    ...(first ? { broken: { seq: first.seq!, problem: first.problem } } : {}),
    keyed: deps.keyed,
    problems,
    unsealedTail: audit.unsealedTail,
  };
}
