// The "this computer" factor as approvals and rollbacks use it: pick the active check without
// prompting, then ask it once. A provider that throws counts as a failed check, never a pass.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { FactorCheck } from '../../store/repositories/approvals.ts';
import type { BiometricProvider, BiometricSelector } from './biometric.ts';

export type BiometricRefusal = 'no-biometric' | 'biometric-failed' | 'biometric-cancelled' | 'biometric-unavailable';

export interface BiometricProblem {
  code: BiometricRefusal;
  message: Localized;
}

export type BiometricStep = { ok: true; check: FactorCheck } | ({ ok: false; check: FactorCheck } & BiometricProblem);

const PROVIDER_FAILED: Localized = {
  en: 'The check on this computer could not be completed. Nothing was approved.',
  pl: 'Nie udało się przeprowadzić weryfikacji na tym komputerze. Nic nie zostało zatwierdzone.',
};

/** The provider an approval will ask, or why none can be asked (no OS check and no passphrase set up). */
export async function selectBiometric(
  selector: Pick<BiometricSelector, 'select'>,
): Promise<{ ok: true; provider: BiometricProvider } | ({ ok: false } & BiometricProblem)> {
  const selection = await selector.select();
  if (selection.state === 'none') return { ok: false, code: 'no-biometric', message: selection.message };
  return { ok: true, provider: selection.provider };
}

export async function confirmOnThisComputer(provider: BiometricProvider, reason: Localized): Promise<BiometricStep> {
  const base = { factor: 'biometric', provider: provider.id } as const;
  try {
    const result = await provider.verify(reason);
    if (result.ok) return { ok: true, check: { ...base, ok: true } };
    const code = result.reason === 'cancelled' ? 'biometric-cancelled' : result.reason === 'unavailable' ? 'biometric-unavailable' : 'biometric-failed';
    return { ok: false, code, message: result.message, check: { ...base, ok: false, reason: result.reason } };
  } catch {
    return { ok: false, code: 'biometric-unavailable', message: PROVIDER_FAILED, check: { ...base, ok: false, reason: 'error' } };
  }
}
