// The two approval factors as one engine has them: the TOTP factor (its secret sealed by the
// engine's SecretBox), and the check on this computer chosen by the biometric selector — the
// platform's provider, else the owner's fallback passphrase, else nothing (approvals refused).
import type { FoundryStore } from '../../store/index.ts';
import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { SecretBox } from './secret-box.ts';
import { createTotpFactor } from './totp-factor.ts';
import { createBiometricSelector, TEST_BIOMETRIC_ENV, type BiometricProvider, type BiometricProviderId } from './biometric.ts';
import { createPassphraseFallback, createPassphraseFallbackProvider } from './passphrase-fallback.ts';
import { createPolkitProvider } from './polkit.ts';
import { createWindowsHelloProvider } from './windows-hello.ts';
import type { ApprovalFactors } from './approval-gateway.ts';

export interface ApprovalSetupOptions {
  /** Platform providers the caller adds (the app adds Touch ID, which needs Electron). */
  providers?: Partial<Record<BiometricProviderId, BiometricProvider>>;
  /**
   * Whether FOUNDRY_TEST_BIOMETRIC may choose the test provider. Only a development build or a
   * test harness says yes; an installed app never does.
   */
  allowTestProvider?: boolean;
  platform?: NodeJS.Platform;
  locale?: () => Locale;
  /** The review window's native handle, which owns the Windows Hello prompt (the app passes it). */
  ownerWindow?: () => string | null;
  /**
   * Asks the person for the fallback passphrase when the check needs it (the command line asks on
   * its terminal, hidden); null when they cancel. Without it, the passphrase offered with the
   * request (withPassphrase) is used, as the window sends it.
   */
  askPassphrase?: (reason: Localized) => Promise<string | null>;
}

export function createApprovalSetup(
  store: FoundryStore,
  box: SecretBox | null,
  env: NodeJS.ProcessEnv,
  options: ApprovalSetupOptions = {},
) {
  const audit = store.auditLog;
  const totp = box ? createTotpFactor({ repo: store.approvalSecurity, box, audit, now: store.now }) : null;
  const fallback = createPassphraseFallback({ repo: store.approvalSecurity, audit, now: store.now });
  // The fallback passphrase arrives with the approval request it belongs to, and is used once.
  let offeredPassphrase: string | null = null;
  const fallbackProvider = createPassphraseFallbackProvider(fallback, options.askPassphrase ?? (async () => {
    const passphrase = offeredPassphrase;
    offeredPassphrase = null;
    return passphrase;
  }));
  const locale = options.locale ?? (() => 'en');
  const selector = createBiometricSelector({
    platform: options.platform ?? process.platform,
    providers: { polkit: createPolkitProvider(), 'windows-hello': createWindowsHelloProvider({ locale, ...(options.ownerWindow ? { ownerWindow: options.ownerWindow } : {}) }), ...options.providers },
    fallback: fallbackProvider,
    testSetting: env[TEST_BIOMETRIC_ENV],
    isPackaged: !options.allowTestProvider,
  });
  const factors: ApprovalFactors | null = totp ? { totp, biometrics: selector } : null;

  return {
    totp,
    fallback,
    selector,
    factors,
    /** Runs `work` with the owner's fallback passphrase on offer to the fallback check, then forgets it. */
    async withPassphrase<T>(passphrase: string | undefined, work: () => Promise<T>): Promise<T> {
      offeredPassphrase = passphrase ?? null;
      try {
        return await work();
      } finally {
        offeredPassphrase = null;
      }
    },
  };
}
export type ApprovalSetup = ReturnType<typeof createApprovalSetup>;
