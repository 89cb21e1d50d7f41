// The "this computer" factor of an approval. Every OS check sits behind one interface; the
// selector picks the platform's check, else the owner's local passphrase once it is set up, else
// nothing: approvals then stay impossible (never a silent drop to one factor).
//
// Test provider: FOUNDRY_TEST_BIOMETRIC=approve|deny|cancel selects a provider that answers
// without asking anyone — only in an unpackaged build (development, CI, end-to-end tests). An
// installed app ignores the variable and says so; any other value blocks approvals with an
// explanation rather than being guessed at.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { BiometricProviderId, ActiveProviderDescription } from '../../../shared/contract/review-records.ts';
export type { BiometricProviderId, ActiveProviderDescription };


export type PlatformProviderId = Extract<BiometricProviderId, 'touch-id' | 'windows-hello' | 'polkit'>;

export type BiometricResult =
  | { ok: true }
  | { ok: false; reason: 'cancelled' | 'failed' | 'unavailable'; message: Localized };

export interface BiometricProvider {
  readonly id: BiometricProviderId;
  readonly label: Localized;
  available(): Promise<boolean>;
  /** Asks the person at this computer to confirm; `reason` is shown where the OS allows it. */
  verify(reason: Localized): Promise<BiometricResult>;
}

export const TEST_BIOMETRIC_ENV = 'FOUNDRY_TEST_BIOMETRIC';
const TEST_BEHAVIOURS = ['approve', 'deny', 'cancel'] as const;
export type TestBiometricBehaviour = (typeof TEST_BEHAVIOURS)[number];

/** The OS check each platform offers. */
export const PLATFORM_PROVIDER: Readonly<Partial<Record<NodeJS.Platform, PlatformProviderId>>> = Object.freeze({
  darwin: 'touch-id',
  win32: 'windows-hello',
  linux: 'polkit',
});

export function createTestBiometricProvider(behaviour: TestBiometricBehaviour): BiometricProvider {
  return {
    id: 'test',
    label: {
      en: `TEST provider, no real check (${TEST_BIOMETRIC_ENV}=${behaviour})`,
      pl: `Dostawca TESTOWY, bez prawdziwej weryfikacji (${TEST_BIOMETRIC_ENV}=${behaviour})`,
    },
    available: async () => true,
    async verify() {
      if (behaviour === 'approve') return { ok: true };
      if (behaviour === 'cancel') return { ok: false, reason: 'cancelled', message: { en: 'Cancelled (test provider).', pl: 'Anulowano (dostawca testowy).' } };
      return { ok: false, reason: 'failed', message: { en: 'Refused (test provider).', pl: 'Odmowa (dostawca testowy).' } };
    },
  };
}

export interface BiometricSelectorOptions {
  platform: NodeJS.Platform;
  /** The OS checks this host can reach (Touch ID needs Electron, so the CLI has none on macOS). */
  providers: Partial<Record<PlatformProviderId, BiometricProvider>>;
  /** The owner's local approval passphrase; available() once it is set up. */
  fallback: BiometricProvider;
  /** The raw value of FOUNDRY_TEST_BIOMETRIC. */
  testSetting: string | undefined;
  /** Electron's app.isPackaged; the CLI passes true when it runs from an installed app. */
  isPackaged: boolean;
}

export type BiometricSelection =
  | { state: 'ready'; provider: BiometricProvider; notice: Localized | null }
  | { state: 'none'; message: Localized; notice: Localized | null };



const TEST_SETTING_IGNORED: Localized = {
  en: `${TEST_BIOMETRIC_ENV} is set but ignored: an installed app always asks for a real check.`,
  pl: `${TEST_BIOMETRIC_ENV} jest ustawione, ale pominięte: zainstalowana aplikacja zawsze wymaga prawdziwej weryfikacji.`,
};

const TEST_PROVIDER_ACTIVE: Localized = {
  en: `Approvals use the TEST provider (${TEST_BIOMETRIC_ENV}): nobody is asked to confirm on this computer.`,
  pl: `Zatwierdzenia używają dostawcy TESTOWEGO (${TEST_BIOMETRIC_ENV}): nikt nie jest proszony o potwierdzenie na tym komputerze.`,
};

function invalidTestSetting(value: string): Localized {
  const allowed = TEST_BEHAVIOURS.join(', ');
  return {
    en: `${TEST_BIOMETRIC_ENV}="${value}" is not one of ${allowed}. Approvals are blocked until it is corrected or removed.`,
    pl: `${TEST_BIOMETRIC_ENV}="${value}" nie jest jedną z wartości ${allowed}. Zatwierdzanie jest zablokowane, dopóki nie zostanie poprawione lub usunięte.`,
  };
}

function noCheckAvailable(platformProvider: BiometricProvider | undefined): Localized {
  const missing = platformProvider
    ? { en: `${platformProvider.label.en} is not available on this computer.`, pl: `Ta weryfikacja nie jest dostępna na tym komputerze: ${platformProvider.label.pl}.` }
    : { en: 'No biometric check is reachable on this computer.', pl: 'Na tym komputerze nie ma dostępnej weryfikacji biometrycznej.' };
  return {
    en: `${missing.en} Approvals need a check on this computer besides the authenticator code, so they stay blocked until you set a local approval passphrase in Settings → Security.`,
    pl: `${missing.pl} Zatwierdzenie wymaga, oprócz kodu z aplikacji uwierzytelniającej, potwierdzenia na tym komputerze, więc pozostaje zablokowane, dopóki nie ustawisz lokalnego hasła zatwierdzania w Ustawienia → Bezpieczeństwo.`,
  };
}

async function isAvailable(provider: BiometricProvider | undefined): Promise<boolean> {
  if (!provider) return false;
  try {
    return await provider.available();
  } catch {
    return false;
  }
}

export function createBiometricSelector(options: BiometricSelectorOptions) {
  async function select(): Promise<BiometricSelection> {
    const testSetting = options.testSetting?.trim();
    if (testSetting && !options.isPackaged) {
      if (!(TEST_BEHAVIOURS as readonly string[]).includes(testSetting)) {
        return { state: 'none', message: invalidTestSetting(testSetting), notice: null };
      }
      return { state: 'ready', provider: createTestBiometricProvider(testSetting as TestBiometricBehaviour), notice: TEST_PROVIDER_ACTIVE };
    }
    const notice = testSetting ? TEST_SETTING_IGNORED : null;
    const platformId = PLATFORM_PROVIDER[options.platform];
    const platformProvider = platformId ? options.providers[platformId] : undefined;
    if (await isAvailable(platformProvider)) return { state: 'ready', provider: platformProvider!, notice };
    if (await isAvailable(options.fallback)) return { state: 'ready', provider: options.fallback, notice };
    return { state: 'none', message: noCheckAvailable(platformProvider), notice };
  }

  return {
    select,
    async describeActiveProvider(): Promise<ActiveProviderDescription> {
      const selection = await select();
      if (selection.state === 'none') return selection;
      const { provider, notice } = selection;
      return { state: 'ready', id: provider.id, label: provider.label, isTest: provider.id === 'test', notice };
    },
  };
}
export type BiometricSelector = ReturnType<typeof createBiometricSelector>;
