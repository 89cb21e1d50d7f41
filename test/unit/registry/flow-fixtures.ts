// A real engine (store, sandbox host, pipeline with the offline generator), a real TOTP factor with
// an enrolled authenticator, and the test biometric provider, as the approval flow meets them.
import { openEngine, type Engine } from '../../../main/engine.ts';
import type { IntegrityKey } from '../../../main/store/index.ts';
import { parseSkillRequest } from '../../../main/skills/detector/index.ts';
import { offlineGenerator, type SkillGenerator } from '../../../main/skills/generator/index.ts';
import { createTotpFactor } from '../../../main/skills/approval/totp-factor.ts';
import { createBiometricSelector, type BiometricSelectorOptions } from '../../../main/skills/approval/biometric.ts';
import { createPassphraseFallback, createPassphraseFallbackProvider } from '../../../main/skills/approval/passphrase-fallback.ts';
import type { ApprovalFactors } from '../../../main/skills/approval/approval-gateway.ts';
import { createSkillService, type OwnerNotice } from '../../../main/skills/service.ts';
import { createSkillSettings } from '../../../main/skills/settings/index.ts';
import { ServiceError } from '../../../main/skills/service-error.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { AuditEntry, SkillVersionRecord } from '../../../shared/contract/records.ts';
import { createApprovalsRepository, type ApprovalRecord } from '../../../main/store/repositories/approvals.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { codeAt, createClock, newBox, newIntegrityKey, secretFromUri, type Clock } from '../approval/security-fixtures.ts';

export const STEP_MS = 30_000;
export const DAY_MS = 24 * 60 * 60 * 1000;

export function waterNeed(): SkillNeed {
  const parsed = parseSkillRequest('Chcę śledzić ile piję wody');
  if (!parsed.isRequest) throw new Error('the water request must parse');
  return parsed.need;
}

/** The offline generator with the daily goal changed: a regenerated skill whose code differs. */
export const changedGoalGenerator: SkillGenerator = {
  id: 'offline',
  async generate(need, feedback) {
    const candidate = await offlineGenerator.generate(need, feedback);
    return { ...candidate, code: candidate.code.replaceAll('2000', '2500') };
  },
};

export interface Flow {
  engine: Engine;
  clock: Clock;
  /** What the test biometric provider answers; `none` leaves no check on this computer at all. */
  biometric: { setting: 'approve' | 'deny' | 'cancel' | 'none' };
  /** Every prompt the check on this computer showed. */
  prompts: Localized[];
  factors: ApprovalFactors;
  notices: OwnerNotice[];
  service: ReturnType<typeof createSkillService>;
  /** The next authenticator code (the clock moves one 30 s step first, so it was never used). */
  nextCode(): Promise<string>;
  /** The code of the current step, possibly already spent. */
  currentCode(): Promise<string>;
  pendingWaterTracker(generator?: SkillGenerator): Promise<SkillVersionRecord>;
  /** A water tracker approved with both factors, running. */
  approvedWaterTracker(generator?: SkillGenerator): Promise<SkillVersionRecord>;
  approvals(versionId: string): ApprovalRecord[];
  events(): AuditEntry[];
  close(): Promise<void>;
}

/** `integrityKey`: the key approvals are sealed with (a fresh one by default; null for none). */
export async function openFlow(dataDir: string, integrityKey: IntegrityKey | null = newIntegrityKey()): Promise<Flow> {
  const clock = createClock();
  const engine = openEngine({ dataDir, now: clock.now, log: { rejected() {}, failed() {} }, integrityKey });
  const { store } = engine;
  const audit = store.auditLog;
  const totp = createTotpFactor({ repo: store.approvalSecurity, box: newBox(), audit, now: clock.now });
  const started = await totp.startEnrollment('owner@laptop');
  if (!started.ok) throw new Error(started.message.en);
  const secret = secretFromUri(started.offer.uri);
  const confirmed = await totp.confirmEnrollment(await codeAt(secret, clock.now()));
  if (!confirmed.ok) throw new Error(confirmed.message.en);

  const biometric: Flow['biometric'] = { setting: 'approve' };
  const prompts: Localized[] = [];
  const options: BiometricSelectorOptions = {
    platform: 'linux',
    providers: {},
    // Never set up in these tests: with the setting `none` nothing can check this computer.
    fallback: createPassphraseFallbackProvider(createPassphraseFallback({ repo: store.approvalSecurity, audit, now: clock.now }), async () => null),
    testSetting: undefined,
    isPackaged: false,
  };
  const selector = createBiometricSelector(options);
  const factors: ApprovalFactors = {
    totp,
    biometrics: {
      async select() {
        options.testSetting = biometric.setting === 'none' ? undefined : biometric.setting;
        const selection = await selector.select();
        if (selection.state === 'none') return selection;
        const { provider } = selection;
        return { ...selection, provider: { ...provider, verify: (reason: Localized) => (prompts.push(reason), provider.verify(reason)) } };
      },
    },
  };
  const notices: OwnerNotice[] = [];
  const skillSettings = createSkillSettings({ store, box: newBox(), factors, integrityKey });
  const service = createSkillService({
    store, skills: engine.skills, getGenerator: async () => offlineGenerator, factors, notifyOwner: (n) => notices.push(n), locale: () => 'en', skillSettings,
  });

  const approvals = createApprovalsRepository(store.db, store.now);
  const flow: Flow = {
    engine, clock, biometric, prompts, factors, notices, service,
    async nextCode() {
      clock.advance(STEP_MS);
      return codeAt(secret, clock.now());
    },
    currentCode: () => codeAt(secret, clock.now()),
    async pendingWaterTracker(generator = offlineGenerator) {
      const result = await engine.skills.generate(waterNeed(), 'owner', { generator });
      if (result.outcome !== 'pending') throw new Error(`the water tracker must be pending: ${result.reason.en}`);
      return result.version;
    },
    async approvedWaterTracker(generator = offlineGenerator) {
      const pending = await flow.pendingWaterTracker(generator);
      return service.approve('owner', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await flow.nextCode() });
    },
    approvals: (versionId) => approvals.listForSkill(store.versions.get(versionId)!.skillId).filter((a) => a.versionId === versionId),
    events: () => store.auditLog.page({ offset: 0, limit: 1000 }).items.reverse(),
    close: () => engine.close(),
  };
  return flow;
}

/** The ServiceError `work` throws; fails the test when it does not throw. */
export function thrown(work: () => unknown): ServiceError {
  try {
    work();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

/** The ServiceError `work` rejects with; fails the test when it resolves. */
export function rejection(work: Promise<unknown>): Promise<ServiceError> {
  return work.then(
    () => { throw new Error('expected a ServiceError'); },
    (error: unknown) => {
      if (error instanceof ServiceError) return error;
      throw error;
    },
  );
}
