// Both approval factors for an owner's decision outside an approval (a local-address allowance, the
// shell switch, a skill's shell folder): the same order as approving — the authenticator code
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

/** The factors checked, all passed; otherwise throws the refusal as a ServiceError (audited). */
export async function confirmWithBothFactors(
  deps: { auditLog: FoundryStore['auditLog']; factors: ApprovalFactors | null; canSeal: boolean },
  request: OwnerConfirmation,
): Promise<FactorCheck[]> {
  const checks: FactorCheck[] = [];
  const refuse = (code: Parameters<typeof refusalError>[0]['code'], message: Localized, lockedUntil: string | null = null): never => {
    deps.auditLog.append({ actor: 'owner', event: request.refusedEvent, skillSlug: request.skillSlug, data: { ...request.data, code, factors: checks } });
    throw refusalError({ code, message, lockedUntil });
  };
  if (!deps.canSeal) return refuse('no-integrity-key', NO_INTEGRITY_KEY);
  const { factors } = deps;
  if (!factors) return refuse('factors-unavailable', APPROVAL_MESSAGES.factorsUnavailable);
  const selected = await selectBiometric(factors.biometrics);
  if (!selected.ok) return refuse(selected.code, selected.message);
  const code = typeof request.totpCode === 'string' ? request.totpCode.trim() : '';
  if (!code) {
    checks.push({ factor: 'totp', ok: false, reason: 'missing' });
    return refuse('totp-required', APPROVAL_MESSAGES.totpRequired);
  }
  const totp = await factors.totp.verify(code, { actor: 'owner', ...(request.skillSlug ? { skillSlug: request.skillSlug } : {}) });
  checks.push(totp.ok ? { factor: 'totp', ok: true } : { factor: 'totp', ok: false, reason: totp.reason });
  if (!totp.ok) return refuse(TOTP_REFUSALS[totp.reason], totp.message, totp.lockedUntil);
  const biometric = await confirmOnThisComputer(selected.provider, request.prompt);
  checks.push(biometric.check);
  if (!biometric.ok) return refuse(biometric.code, biometric.message);
  return checks;
}
