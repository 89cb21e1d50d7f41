// For browser tests of reviews and approvals: an engine whose two approval factors can be used
// from a test — the TEST biometric provider (FOUNDRY_TEST_BIOMETRIC=approve|cancel|deny, allowed
// explicitly as in a development build), secrets sealed with a passphrase box, approvals sealed with
// a fresh integrity key, an authenticator
// enrolled through the contract, and a clock the test moves on so each code is a fresh one.
// Versions are made by the real pipeline (offline generator, audit, sandbox dry run, disclosure).
import { openEngine, type Engine } from '../../main/engine.ts';
import { createPassphraseSecretBox } from '../../main/skills/approval/secret-box.ts';
import { offlineGenerator, type SkillGenerator } from '../../main/skills/generator/index.ts';
import { parseSkillRequest } from '../../main/skills/detector/request-parser.ts';
import type { ApiResult, GenerationJob, SkillVersionRecord } from '../../shared/contract/index.ts';
import type { TotpEnrollmentOffer } from '../../shared/contract/review-records.ts';
import type { SkillNeed } from '../../shared/skills/need.ts';
import { codeAt, createClock, newIntegrityKey, secretFromUri, type Clock } from '../unit/approval/security-fixtures.ts';

export type TestBiometric = 'approve' | 'cancel' | 'deny';

export const WATER_REQUEST = 'Chcę śledzić ile piję wody';

export interface ApprovalEngineOptions {
  /** The test provider's answer; null leaves the platform's check (or the fallback passphrase). */
  biometric: TestBiometric | null;
  /** A platform with no OS check of its own, so the fallback passphrase is the check on this computer. */
  platform?: NodeJS.Platform;
}

/** The engine with both factors usable from a test; its clock starts now and moves only when told. */
export function openApprovalEngine(dataDir: string, options: ApprovalEngineOptions): { engine: Engine; clock: Clock } {
  const clock = createClock(Date.now());
  const engine = openEngine({
    dataDir,
    now: clock.now,
    log: { rejected: () => {}, failed: () => {} },
    env: options.biometric ? { FOUNDRY_TEST_BIOMETRIC: options.biometric } : {},
    secretBox: createPassphraseSecretBox('browser tests keep their secrets here'),
    integrityKey: newIntegrityKey(),
    approval: { allowTestProvider: true, ...(options.platform ? { platform: options.platform } : {}) },
    // The page is the owner's window: consent prompts are answered there, as in the app.
    canAskOwner: () => true,
  });
  return { engine, clock };
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message.en}`);
  return result.value;
}

export interface Authenticator {
  account: string;
  /** The code the authenticator app shows 30 s later (the clock moves on, so no code is reused). */
  nextCode(): Promise<string>;
}

/** Sets up the authenticator through the contract, as Settings does, and confirms it with a real code. */
export async function enrollAuthenticator(engine: Engine, clock: Clock, account = 'owner@laptop'): Promise<Authenticator> {
  const offer = value(await engine.dispatch('totp.startEnrollment', { account }) as ApiResult<TotpEnrollmentOffer>);
  const secret = secretFromUri(offer.uri);
  value(await engine.dispatch('totp.confirmEnrollment', { code: await codeAt(secret, clock.now()) }));
  return {
    account,
    async nextCode() {
      clock.advance(30_000);
      return codeAt(secret, clock.now());
    },
  };
}

/** A sentence through skills.generate (as the New skill box sends it), polled until the job ends. */
export async function generateFromText(engine: Engine, text = WATER_REQUEST): Promise<SkillVersionRecord> {
  const started = value(await engine.dispatch('skills.generate', { text }) as ApiResult<{ accepted: true; jobId: string }>);
  for (;;) {
    const job = value(await engine.dispatch('jobs.get', { jobId: started.jobId }) as ApiResult<GenerationJob>);
    if (job.status !== 'running') {
      if (!job.versionId) throw new Error(`the pipeline stored nothing: ${job.reason?.en ?? job.status}`);
      return value(await engine.dispatch('versions.get', { versionId: job.versionId }) as ApiResult<SkillVersionRecord>);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function needFrom(text = WATER_REQUEST): SkillNeed {
  const parsed = parseSkillRequest(text);
  if (!parsed.isRequest) throw new Error(`not a request: ${text}`);
  return parsed.need;
}

/** Runs the pipeline with `generator` (e.g. one that changes the offline candidate), as the owner. */
export async function generateWith(engine: Engine, generator: SkillGenerator, text = WATER_REQUEST): Promise<SkillVersionRecord> {
  const result = await engine.skills.generate(needFrom(text), 'owner', { generator });
  if (!result.version) throw new Error('the pipeline stored nothing');
  return result.version;
}

/**
 * The water tracker's next version as an updated generator would write it: a higher daily goal, a
 * note matched as a pattern (which the auditor warns about) and a declared connection to a weather
 * service (a capability the owner is told is new).
 */
export const waterTrackerUpdate: SkillGenerator = {
  id: 'offline',
  async generate(need, feedback) {
    const candidate = await offlineGenerator.generate(need, feedback);
    const code = candidate.code
      .replaceAll('goal: 2000', 'goal: 2500')
      .replaceAll('d.total_ml >= 2000', 'd.total_ml >= 2500')
      .replace(
        '      const entry = {',
        '      const tagged = typeof params.note === "string" ? new RegExp(params.note, "i").test("glass") : false;\n      const entry = {',
      )
      .replace('note: typeof params.note === "string" ? params.note : null,', 'note: typeof params.note === "string" ? params.note : null,\n        tagged,');
    const capabilities = { ...candidate.manifest.capabilities, http: ['api.open-meteo.com'] };
    return { ...candidate, code, manifest: { ...candidate.manifest, capabilities } };
  },
};

/** A generator whose code the auditor blocks (it calls eval), so every attempt fails. */
export const blockedGenerator: SkillGenerator = {
  id: 'offline',
  async generate(need) {
    const candidate = await offlineGenerator.generate(need);
    return { ...candidate, code: candidate.code.replace('const entries = data ?? [];', 'const entries = data ?? [];\n    eval("1 + 1");') };
  },
};

/** Approves through the contract with a fresh code, as the approval dialog does. */
export async function approveNow(engine: Engine, authenticator: Authenticator, version: SkillVersionRecord): Promise<SkillVersionRecord> {
  return value(await engine.dispatch('approval.approve', {
    versionId: version.id, shownContentSha256: version.contentSha256, totpCode: await authenticator.nextCode(),
  }) as ApiResult<SkillVersionRecord>);
}
