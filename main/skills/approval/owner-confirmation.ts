// Both approval factors for an owner's decision outside an approval (a local-address allowance, the
// shell switch, a skill's shell folder, a rejection on a terminal): the same order as approving — the authenticator code
// before the OS prompt, so a wrong code never shows a dialog — and every refusal audited under the
// caller's event with the factors checked so far. The threat is the assistant, which can call the
// API and write foundry.db: without both factors and the integrity key (to seal what is decided)
// nothing is decided.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { FoundryStore } from '../../store/index.ts';
import type { FactorCheck } from '../../store/repositories/approvals.ts';
import { refusalError } from '../service-error.ts';
import { TOTP_REFUSALS, type ApprovalFactors } from './approval-gateway.ts';
import { confirmOnThisComputer, selectBiometric } from './approval-biometric.ts';
import { APPROVAL_MESSAGES } from './approval-messages.ts';
import { NO_INTEGRITY_KEY } from './integrity-key-file.ts';

export interface OwnerConfirmation {
  /** Audited on refusal, e.g. `allowance.refused`; `data` goes with it. */
  refusedEvent: string;
  skillSlug: string | null;
  data: Record<string, unknown>;
  totpCode: unknown;
  /** What the OS prompt says is being confirmed. */
  prompt: Localized;
}

type Refuse = (code: Parameters<typeof refusalError>[0]['code'], message: Localized, lockedUntil?: string | null) => never;

/** Refuses with `code`, auditing the refusal under the caller's event with the factors checked so far. */
function refuser(auditLog: FoundryStore['auditLog'], request: Pick<OwnerConfirmation, 'refusedEvent' | 'skillSlug' | 'data'>, checks: FactorCheck[]): Refuse {
  return (code, message, lockedUntil = null) => {
    auditLog.append({ actor: 'owner', event: request.refusedEvent, skillSlug: request.skillSlug, data: { ...request.data, code, factors: checks } });
    throw refusalError({ code, message, lockedUntil });
  };
}

async function checkCode(factors: ApprovalFactors, request: Pick<OwnerConfirmation, 'totpCode' | 'skillSlug'>, checks: FactorCheck[], refuse: Refuse): Promise<void> {
  const code = typeof request.totpCode === 'string' ? request.totpCode.trim() : '';
  if (!code) {
    checks.push({ factor: 'totp', ok: false, reason: 'missing' });
    return refuse('totp-required', APPROVAL_MESSAGES.totpRequired);
  }
  const totp = await factors.totp.verify(code, { actor: 'owner', ...(request.skillSlug ? { skillSlug: request.skillSlug } : {}) });
  checks.push(totp.ok ? { factor: 'totp', ok: true } : { factor: 'totp', ok: false, reason: totp.reason });
  if (!totp.ok) return refuse(TOTP_REFUSALS[totp.reason], totp.message, totp.lockedUntil);
}

/**
 * The authenticator code alone, for a decision that asks the check on this computer itself (a
 * rollback on a terminal): the code first, so a wrong one never shows the OS prompt; refusals audited.
 */
export async function confirmAuthenticatorCode(
  deps: { auditLog: FoundryStore['auditLog']; factors: ApprovalFactors | null },
  request: Omit<OwnerConfirmation, 'prompt'>,
): Promise<FactorCheck[]> {
  const checks: FactorCheck[] = [];
  const refuse = refuser(deps.auditLog, request, checks);
  if (!deps.factors) return refuse('factors-unavailable', APPROVAL_MESSAGES.factorsUnavailable);
  await checkCode(deps.factors, request, checks, refuse);
  return checks;
}

/** The factors checked, all passed; otherwise throws the refusal as a ServiceError (audited). */
export async function confirmWithBothFactors(
  deps: { auditLog: FoundryStore['auditLog']; factors: ApprovalFactors | null; canSeal: boolean },
  request: OwnerConfirmation,
): Promise<FactorCheck[]> {
  const checks: FactorCheck[] = [];
  const refuse = refuser(deps.auditLog, request, checks);
  if (!deps.canSeal) return refuse('no-integrity-key', NO_INTEGRITY_KEY);
  const { factors } = deps;
  if (!factors) return refuse('factors-unavailable', APPROVAL_MESSAGES.factorsUnavailable);
  const selected = await selectBiometric(factors.biometrics);
  if (!selected.ok) return refuse(selected.code, selected.message);
  await checkCode(factors, request, checks, refuse);
  const biometric = await confirmOnThisComputer(selected.provider, request.prompt);
  checks.push(biometric.check);
  if (!biometric.ok) return refuse(biometric.code, biometric.message);
  return checks;
}
