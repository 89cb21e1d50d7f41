// The owner's window path end to end through the contract's dispatcher (what IPC and the browser
// bridge call): set up the authenticator, generate, approve with both factors, run, rotate the
// assistant's token — with the test biometric provider, chosen explicitly.
import { beforeEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../main/engine.ts';
import { createPassphraseSecretBox } from '../../main/skills/approval/secret-box.ts';
import type { ApiResult, GenerationJob, SkillVersionRecord } from '../../shared/contract/records.ts';
import type { ApprovalStatus } from '../../shared/contract/methods.ts';
import type { TotpEnrollmentOffer } from '../../shared/contract/review-records.ts';
import { codeAt, createClock, secretFromUri, newIntegrityKey } from '../unit/approval/security-fixtures.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
let engine: Engine;
let clock: ReturnType<typeof createClock>;
let secret: string;

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message.en}`);
  return result.value as T;
}

async function nextCode(): Promise<string> {
  clock.advance(30_000);
  return codeAt(secret, clock.now());
}

async function pendingWaterTracker(): Promise<SkillVersionRecord> {
  const { jobId } = value<{ jobId: string }>(await engine.dispatch('skills.generate', { text: 'Chcę śledzić ile piję wody' }));
  for (;;) {
    const job = value<GenerationJob>(await engine.dispatch('jobs.get', { jobId }));
    if (job.status !== 'running') return value<SkillVersionRecord>(await engine.dispatch('versions.get', { versionId: job.versionId! }));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(async (context) => {
  clock = createClock();
  engine = openEngine({
    dataDir: tempDir(),
    now: clock.now,
    log: { rejected() {}, failed() {} },
    env: { FOUNDRY_TEST_BIOMETRIC: 'approve' },
    secretBox: createPassphraseSecretBox('correct horse battery'),
    integrityKey: newIntegrityKey(),
    approval: { allowTestProvider: true },
  });
  context.onTestFinished(() => engine.close());
  const offer = value<TotpEnrollmentOffer>(await engine.dispatch('totp.startEnrollment', { account: 'owner@laptop' }));
  expect(offer.uri).toMatch(/^otpauth:\/\/totp\//);
  expect(offer.qrSvg).toContain('<svg');
  secret = secretFromUri(offer.uri);
  value(await engine.dispatch('totp.confirmEnrollment', { code: await codeAt(secret, clock.now()) }));
});

describe('approving from the window', () => {
  it('reports both factors: the authenticator and which check this computer uses', async () => {
    const status = value<ApprovalStatus>(await engine.dispatch('approval.status', {}));
    expect(status.secretStorage).toBe(true);
    expect(status.totp?.active?.account).toBe('owner@laptop');
    expect(status.biometric).toMatchObject({ state: 'ready', id: 'test', isTest: true });
  });

  it('deploys with both factors, then runs log_water by hand and records the execution', async () => {
    const pending = await pendingWaterTracker();
    const approved = value<SkillVersionRecord>(await engine.dispatch('approval.approve', {
      versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await nextCode(),
    }));
    expect(approved.status).toBe('approved');
    const details = value<{ skill: { status: string; activeVersion: string } }>(await engine.dispatch('skills.get', { slug: 'custom-water-tracker' }));
    expect(details.skill).toMatchObject({ status: 'active', activeVersion: '1.0.0' });

    const run = value<{ outcome: { result: { success: boolean } }; record: { action: string; status: string; inputSha256: string } }>(
      await engine.dispatch('skills.run', { slug: 'custom-water-tracker', action: 'log_water', params: { amount_ml: 250 } }),
    );
    expect(run.outcome.result.success).toBe(true);
    expect(run.record).toMatchObject({ action: 'log_water', status: 'succeeded', inputSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const refused = await engine.dispatch('skills.run', { slug: 'custom-water-tracker', action: 'log_water', params: { amount_ml: 'a lot' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('refuses a wrong code and a replayed one, saying which, and deploys nothing', async () => {
    const pending = await pendingWaterTracker();
    const wrong = await engine.dispatch('approval.approve', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: '000000' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'refused', reason: expect.stringMatching(/totp/) } });
    const code = await nextCode();
    value(await engine.dispatch('approval.approve', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: code }));
    const second = await pendingWaterTracker();
    const replay = await engine.dispatch('approval.approve', { versionId: second.id, shownContentSha256: second.contentSha256, totpCode: code });
    expect(replay).toMatchObject({ ok: false, error: { code: 'refused', reason: 'totp-replayed' } });
    expect(value<SkillVersionRecord>(await engine.dispatch('versions.get', { versionId: second.id })).status).toBe('pending');
  });

  it('refuses a version whose shown hash is not the stored one', async () => {
    const pending = await pendingWaterTracker();
    const changed = await engine.dispatch('approval.approve', { versionId: pending.id, shownContentSha256: 'f'.repeat(64), totpCode: await nextCode() });
    expect(changed).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'content-changed' } });
  });

  it('rejects with a reason, and rolls back to an approved version on the biometric factor alone', async () => {
    const first = await pendingWaterTracker();
    value(await engine.dispatch('approval.approve', { versionId: first.id, shownContentSha256: first.contentSha256, totpCode: await nextCode() }));
    const second = await pendingWaterTracker();
    value(await engine.dispatch('approval.approve', { versionId: second.id, shownContentSha256: second.contentSha256, totpCode: await nextCode() }));
    const diff = value<{ from: { version: string }; to: { version: string } } | null>(await engine.dispatch('versions.diff', { versionId: second.id, againstVersionId: first.id }));
    expect(diff).toMatchObject({ from: { version: '1.0.0' }, to: { version: '1.1.0' } });

    const back = value<SkillVersionRecord>(await engine.dispatch('versions.rollback', { slug: 'custom-water-tracker', version: '1.0.0' }));
    expect(back.version).toBe('1.0.0');
    const third = await pendingWaterTracker();
    const rejected = value<SkillVersionRecord>(await engine.dispatch('approval.reject', { versionId: third.id, reason: 'Not now' }));
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: 'Not now' });
    expect(engine.store.auditLog.verify().ok).toBe(true);
  });

  it('shows, copies and rotates the assistant’s API token', async () => {
    expect(value(await engine.dispatch('apiToken.status', {}))).toEqual({ exists: false, createdAt: null });
    expect(await engine.dispatch('apiToken.reveal', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const { token } = value<{ token: string }>(await engine.dispatch('apiToken.rotate', {}));
    expect(value(await engine.dispatch('apiToken.reveal', {}))).toEqual({ token });
    const rotated = value<{ token: string }>(await engine.dispatch('apiToken.rotate', {}));
    expect(rotated.token).not.toBe(token);
  });
});
