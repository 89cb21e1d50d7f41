import { beforeEach, describe, expect, it } from 'vitest';
import { createApprovalGateway, type ApprovalRefusalCode, type ApproveRequest, type GatewayResult } from '../../../main/skills/approval/approval-gateway.ts';
import { createRegistryRepositories } from '../../../main/skills/registry/registry-repositories.ts';
import { createAuthorizer } from '../../../main/skills/rbac/authorize.ts';
import { loadRbacPolicy } from '../../../main/skills/rbac/roles.ts';
import { LOCKOUT_POLICY } from '../../../main/skills/approval/attempt-limiter.ts';
import { PENDING_TTL_MS } from '../../../main/skills/pipeline.ts';
import type { BiometricProvider } from '../../../main/skills/approval/biometric.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openFlow, type Flow } from '../registry/flow-fixtures.ts';
import { rawAuditText } from './security-fixtures.ts';

const tempDir = useTempDir();

let flow: Flow;
let gateway: ReturnType<typeof createApprovalGateway>;
let pending: SkillVersionRecord;

function gatewayFor(f: Flow, factors: Flow['factors'] | null = f.factors) {
  const { store } = f.engine;
  return createApprovalGateway({ store, repos: createRegistryRepositories(store), authorizer: createAuthorizer(loadRbacPolicy(), store.auditLog), factors });
}

beforeEach(async (context) => {
  flow = await openFlow(tempDir());
  context.onTestFinished(() => flow.close());
  gateway = gatewayFor(flow);
  pending = await flow.pendingWaterTracker();
});

/** Approval by the owner of the pending version as shown, with a fresh code unless one is given. */
const request = async (overrides: Partial<ApproveRequest> = {}): Promise<ApproveRequest> => ({
  versionId: pending.id, shownContentSha256: pending.contentSha256, actor: 'owner', ...overrides,
  totpCode: 'totpCode' in overrides ? overrides.totpCode! : await flow.nextCode(),
});

const store = () => flow.engine.store;
const eventNames = () => flow.events().map((e) => e.event);

/** Refused with `code`: nothing deployed, an approvals row and an audit entry saying why. */
function expectRefused(result: GatewayResult<ApprovalRefusalCode>, code: ApprovalRefusalCode, versionStatus: SkillVersionRecord['status'] = 'pending') {
  expect(result).toMatchObject({ ok: false, code });
  if (result.ok) return;
  expect(result.message.en.length).toBeGreaterThan(5);
  expect(result.message.pl.length).toBeGreaterThan(5);
  expect(result.message.pl).not.toBe(result.message.en);
  expect(store().versions.get(pending.id)!.status).toBe(versionStatus);
  expect(store().versions.active(pending.slug)).toBeNull();
  expect(store().skills.list()[0]!.activeVersion).toBeNull();
  expect(flow.approvals(pending.id).at(-1)).toMatchObject({ outcome: 'refused', reason: code, contentSha256: pending.contentSha256 });
  expect(flow.events().filter((e) => e.event === 'approval.refused').at(-1)).toMatchObject({ versionId: pending.id, data: { code } });
  expect(eventNames()).not.toContain('skill.deployed');
}

describe('approving with both factors', () => {
  it('deploys the exact version shown: approved, active, audited and recorded with both factors', async () => {
    const code = await flow.nextCode();
    const result = await gateway.approve({ versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: code, actor: 'owner' });

    expect(result).toMatchObject({ ok: true, version: { id: pending.id, status: 'approved', decidedBy: 'owner', tag: 'custom-water-tracker@v1.0.0' } });
    expect(store().versions.active(pending.slug)?.id).toBe(pending.id);
    expect(store().skills.list()[0]).toMatchObject({ status: 'active', activeVersion: '1.0.0' });
    expect(flow.approvals(pending.id)).toEqual([
      expect.objectContaining({
        outcome: 'approved', actor: 'owner', contentSha256: pending.contentSha256,
        factors: [{ factor: 'totp', ok: true }, { factor: 'biometric', provider: 'test', ok: true }],
      }),
    ]);
    const approved = flow.events().find((e) => e.event === 'skill.approved')!;
    expect(approved).toMatchObject({ actor: 'owner', versionId: pending.id, contentSha256: pending.contentSha256 });
    expect(flow.events().find((e) => e.event === 'skill.deployed')).toMatchObject({ data: { version: '1.0.0', previousVersion: null } });
    expect(eventNames()).toContain('totp.verified');
    // The person at this computer was asked once, and told what for.
    expect(flow.prompts).toEqual([{ en: expect.stringContaining('Śledzenie: woda'), pl: expect.stringContaining('Śledzenie: woda') }]);
    // The code is a secret: it is nowhere in the audit log.
    expect(rawAuditText(store())).not.toContain(code);
    expect(store().auditLog.verify().ok).toBe(true);
  });

  it('refuses the assistant even with both valid factors, without spending the code or asking this computer', async () => {
    const code = await flow.nextCode();
    const result = await gateway.approve({ versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: code, actor: 'assistant' });
    expectRefused(result, 'forbidden');
    expect(flow.approvals(pending.id).at(-1)).toMatchObject({ actor: 'assistant' });
    expect(eventNames()).toContain('access.denied');
    expect(flow.prompts).toEqual([]);
    expect(eventNames()).not.toContain('totp.verified');
    // The scheduler neither; and an unknown principal from an untyped caller is refused too.
    expectRefused(await gateway.approve(await request({ totpCode: code, actor: 'scheduler' })), 'forbidden');
    expectRefused(await gateway.approve(await request({ totpCode: code, actor: 'root' as never })), 'forbidden');
    // The same code still approves for the owner: nothing was spent.
    expect(await gateway.approve({ versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: code, actor: 'owner' })).toMatchObject({ ok: true });
  });
});

describe('one factor is not enough', () => {
  it('refuses TOTP only: the check on this computer denied', async () => {
    flow.biometric.setting = 'deny';
    expectRefused(await gateway.approve(await request()), 'biometric-failed');
    expect(flow.prompts).toHaveLength(1);
    expect(flow.approvals(pending.id).at(-1)!.factors).toEqual([{ factor: 'totp', ok: true }, { factor: 'biometric', provider: 'test', ok: false, reason: 'failed' }]);
  });

  it('refuses TOTP only: the check on this computer cancelled', async () => {
    flow.biometric.setting = 'cancel';
    expectRefused(await gateway.approve(await request()), 'biometric-cancelled');
  });

  it('refuses the biometric only: no code entered, and does not ask this computer', async () => {
    for (const totpCode of ['', '   ', undefined as unknown as string]) {
      expectRefused(await gateway.approve(await request({ totpCode })), 'totp-required');
    }
    expect(flow.prompts).toEqual([]);
  });

  it('refuses a wrong code before any prompt on this computer', async () => {
    const right = await flow.nextCode();
    const wrong = right === '000000' ? '111111' : '000000';
    expectRefused(await gateway.approve(await request({ totpCode: wrong })), 'totp-invalid');
    expect(flow.prompts).toEqual([]);
    expect(flow.approvals(pending.id).at(-1)!.factors).toEqual([{ factor: 'totp', ok: false, reason: 'invalid' }]);
  });

  it('refuses a replayed code: one spent on a refused attempt cannot be used again', async () => {
    flow.biometric.setting = 'deny';
    const code = await flow.nextCode();
    expectRefused(await gateway.approve(await request({ totpCode: code })), 'biometric-failed');
    flow.biometric.setting = 'approve';
    expectRefused(await gateway.approve(await request({ totpCode: code })), 'totp-replayed');
    expect(flow.prompts).toHaveLength(1);
  });

  it('refuses even the right code during a lockout', async () => {
    const wrong = (await flow.currentCode()) === '000000' ? '111111' : '000000';
    let last: GatewayResult<ApprovalRefusalCode> | null = null;
    for (let i = 0; i < LOCKOUT_POLICY.maxFailures; i++) last = await gateway.approve(await request({ totpCode: wrong }));
    expect(last).toMatchObject({ ok: false, lockedUntil: expect.any(String) });

    const result = await gateway.approve(await request());
    expectRefused(result, 'totp-locked');
    expect(result).toMatchObject({ lockedUntil: expect.any(String) });
    expect(flow.prompts).toEqual([]);
  });

  it('refuses everything when this computer has no check at all, before the code is spent', async () => {
    flow.biometric.setting = 'none';
    const code = await flow.nextCode();
    const result = await gateway.approve(await request({ totpCode: code }));
    expectRefused(result, 'no-biometric');
    if (!result.ok) expect(result.message.en).toContain('passphrase');
    flow.biometric.setting = 'approve';
    expect(await gateway.approve(await request({ totpCode: code }))).toMatchObject({ ok: true });
  });

  it('refuses where no factors can be asked (the command line)', async () => {
    expectRefused(await gatewayFor(flow, null).approve(await request()), 'factors-unavailable');
  });
});

describe('an approval is bound to the exact version shown', () => {
  it('refuses when the disclosure showed another hash', async () => {
    expectRefused(await gateway.approve(await request({ shownContentSha256: 'f'.repeat(64) })), 'content-changed');
    expect(flow.events().filter((e) => e.event === 'approval.refused').at(-1)!.data).toMatchObject({ shownContentSha256: 'f'.repeat(64) });
  });

  it('refuses when the stored code was edited after the disclosure, even with the stored hash', async () => {
    store().db.prepare("UPDATE exo_skill_versions SET code = code || '\n// changed' WHERE id = ?").run(pending.id);
    expectRefused(await gateway.approve(await request()), 'content-changed');
    expect(flow.prompts).toEqual([]);
    expect(eventNames()).not.toContain('totp.verified');
  });

  it('refuses when the stored manifest was edited (a write capability slipped in)', async () => {
    const manifest = { ...pending.manifest, capabilities: { ...pending.manifest.capabilities, http: ['evil.example'] } };
    store().db.prepare('UPDATE exo_skill_versions SET manifest = ? WHERE id = ?').run(JSON.stringify(manifest), pending.id);
    expectRefused(await gateway.approve(await request()), 'content-changed');
  });

  it('refuses when the content changes while the factors are being asked', async () => {
    const { select } = flow.factors.biometrics;
    const tampering = {
      async select() {
        const selection = await select();
        if (selection.state !== 'ready') return selection;
        const provider: BiometricProvider = {
          ...selection.provider,
          async verify(reason) {
            store().db.prepare("UPDATE exo_skill_versions SET skill_md = skill_md || '\nextra' WHERE id = ?").run(pending.id);
            return selection.provider.verify(reason);
          },
        };
        return { ...selection, provider };
      },
    };
    const tamperedGateway = gatewayFor(flow, { totp: flow.factors.totp, biometrics: tampering });
    expectRefused(await tamperedGateway.approve(await request()), 'content-changed');
  });
});

describe('pending versions expire after 24 hours', () => {
  it('refuses an approval after 24 hours and rejects the version automatically, audited', async () => {
    flow.clock.advance(PENDING_TTL_MS);
    const result = await gateway.approve(await request());
    expectRefused(result, 'expired', 'expired');
    expect(flow.approvals(pending.id).map((a) => [a.outcome, a.actor])).toEqual([['rejected', 'system'], ['refused', 'owner']]);
    expect(flow.events().find((e) => e.event === 'skill.expired')).toMatchObject({ actor: 'system', versionId: pending.id });
    expect(store().skills.list()[0]!.status).toBe('rejected');
    // Asked again, it stays expired.
    expectRefused(await gateway.approve(await request()), 'expired', 'expired');
  });

  it('expirePending rejects only versions past their 24 hours, once', async () => {
    expect(gateway.expirePending()).toEqual([]);
    flow.clock.advance(PENDING_TTL_MS - 1000);
    expect(gateway.expirePending()).toEqual([]);
    flow.clock.advance(1000);
    expect(gateway.expirePending().map((v) => [v.id, v.status])).toEqual([[pending.id, 'expired']]);
    expect(gateway.expirePending()).toEqual([]);
    expect(flow.events().filter((e) => e.event === 'skill.expired')).toHaveLength(1);
    expect(store().skills.counts().pendingReviews).toBe(0);
  });
});

describe('deciding once', () => {
  it('refuses a second approval of the same version', async () => {
    expect(await gateway.approve(await request())).toMatchObject({ ok: true });
    const again = await gateway.approve(await request());
    expect(again).toMatchObject({ ok: false, code: 'not-pending' });
    expect(flow.approvals(pending.id).map((a) => a.outcome)).toEqual(['approved', 'refused']);
  });

  it('refuses an older proposal once a newer version runs, and keeps the newer one running', async () => {
    // Two proposals stacked as they were before one pending proposal per skill: 1.0.0 and 1.1.0.
    const newer = store().versions.create({
      code: pending.code, manifest: pending.manifest, configSchema: pending.configSchema, skillMd: pending.skillMd, sampleInputs: pending.sampleInputs,
      generator: pending.generator, version: '1.1.0', status: 'pending', auditReport: pending.auditReport, dryRun: null, disclosure: null, steps: [], need: null,
      expiresAt: pending.expiresAt,
    });
    expect(await gateway.approve({ versionId: newer.id, shownContentSha256: newer.contentSha256, totpCode: await flow.nextCode(), actor: 'owner' })).toMatchObject({ ok: true });

    const older = await gateway.approve(await request());
    expect(older).toMatchObject({ ok: false, code: 'superseded', message: { en: expect.stringContaining('older than version 1.1.0, which runs now'), pl: expect.stringContaining('starsza niż działająca teraz wersja 1.1.0') } });
    expect(store().versions.active(pending.slug)?.version).toBe('1.1.0');
    expect(store().versions.get(pending.id)!.status).toBe('pending');
    expect(flow.events().filter((e) => e.event === 'approval.refused').at(-1)).toMatchObject({ versionId: pending.id, data: { code: 'superseded' } });
    // Asked before any factor: this computer was asked only for 1.1.0.
    expect(flow.prompts).toHaveLength(1);
  });

  it('rejects with a reason in one step, and only the owner can', async () => {
    expect(gateway.reject({ versionId: pending.id, reason: 'nope', actor: 'assistant' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(gateway.reject({ versionId: pending.id, reason: '   ', actor: 'owner' })).toMatchObject({ ok: false, code: 'reason-required' });
    expect(gateway.reject({ versionId: 'missing', reason: 'x', actor: 'owner' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(store().versions.get(pending.id)!.status).toBe('pending');

    const result = gateway.reject({ versionId: pending.id, reason: ' Too many permissions ', actor: 'owner' });
    expect(result).toMatchObject({ ok: true, version: { status: 'rejected', decisionReason: 'Too many permissions', decidedBy: 'owner' } });
    expect(flow.approvals(pending.id)).toEqual([expect.objectContaining({ outcome: 'rejected', reason: 'Too many permissions' })]);
    expect(flow.events().find((e) => e.event === 'skill.rejected')).toMatchObject({ actor: 'owner', data: { reason: 'Too many permissions' } });
    expect(store().skills.list()[0]!.status).toBe('rejected');
    expect(await gateway.approve(await request())).toMatchObject({ ok: false, code: 'not-pending' });
    expect(store().auditLog.verify().ok).toBe(true);
  });

  it('refuses an unknown version with an audit entry', async () => {
    const result = await gateway.approve(await request({ versionId: 'no-such-version' }));
    expect(result).toMatchObject({ ok: false, code: 'not-found' });
    expect(flow.events().at(-1)).toMatchObject({ event: 'approval.refused', data: { code: 'not-found' } });
  });
});
