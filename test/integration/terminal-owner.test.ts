// The owner without a window: review, approve, reject and roll back on a terminal, the
// authenticator set up there, and the token rotation that will not seal under a typo. The
// interactive commands run in a real pseudo-terminal (util-linux `script`), and are refused
// without one. The store is prepared in this process with the same passphrase the command uses.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../main/engine.ts';
import { createPassphraseSecretBox } from '../../main/skills/approval/secret-box.ts';
import { loadIntegrityKey } from '../../main/skills/approval/integrity-key-file.ts';
import type { AuditEntry, SkillVersionRecord } from '../../shared/contract/records.ts';
import { codeAt, createClock, secretFromUri } from '../unit/approval/security-fixtures.ts';
import { generateWith, waterTrackerUpdate, WATER_REQUEST } from '../bridge/approval-engine.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { foundry } from '../helpers/run-foundry.ts';
import { foundryInTerminal } from '../helpers/pseudo-terminal.ts';

const tempDir = useTempDir();
const PASSPHRASE = 'headless owner passphrase';
const APPROVAL_PASSPHRASE = 'only typed at the terminal';
const SLUG = 'custom-water-tracker';
const BIN = path.resolve(import.meta.dirname, '../../bin/foundry.js');

interface Prepared {
  env: NodeJS.ProcessEnv;
  secret: string;
  version: SkillVersionRecord;
}

/**
 * A store as the owner leaves it after `foundry totp enroll`, `foundry approval-passphrase set` and
 * `foundry generate`: the water tracker's first version pending. `steps` then approve the newest
 * version or generate its update, in this process, on a clock that moves 30 s per code.
 */
async function prepare(steps: ('approve' | 'update')[] = []): Promise<Prepared> {
  const dataDir = tempDir();
  const box = createPassphraseSecretBox(PASSPHRASE);
  // In the past, so the codes spent here are older than the one the terminal is given later.
  const clock = createClock(Date.now() - 5 * 60_000);
  const engine = openEngine({ dataDir, now: clock.now, env: {}, secretBox: box, integrityKey: await loadIntegrityKey(dataDir, box), log: { rejected() {}, failed() {} } });
  try {
    const started = await engine.approval.totp!.startEnrollment('owner@server');
    if (!started.ok) throw new Error(started.message.en);
    const secret = secretFromUri(started.offer.uri);
    expect((await engine.approval.totp!.confirmEnrollment(await codeAt(secret, clock.now()))).ok).toBe(true);
    await engine.approval.fallback.setUp(APPROVAL_PASSPHRASE);
    let version = await generate(engine);
    for (const step of steps) {
      if (step === 'update') {
        version = await generateWith(engine, waterTrackerUpdate);
        continue;
      }
      clock.advance(30_000);
      const code = await codeAt(secret, clock.now());
      await engine.approval.withPassphrase(APPROVAL_PASSPHRASE, () => engine.service.approve('owner', {
        versionId: version.id, shownContentSha256: version.contentSha256, totpCode: code,
      }));
    }
    return { env: { FOUNDRY_DATA_DIR: dataDir, FOUNDRY_PASSPHRASE: PASSPHRASE }, secret, version };
  } finally {
    await engine.close();
  }
}

async function generate(engine: ReturnType<typeof openEngine>): Promise<SkillVersionRecord> {
  const result = await engine.service.generate('owner', WATER_REQUEST);
  if (result.outcome !== 'pending') throw new Error('the pipeline left nothing pending');
  return result.version;
}

/** The store as a later command sees it: the version's status and the audit entries about it. */
async function storeState(env: NodeJS.ProcessEnv, versionId: string): Promise<{ status: string; events: AuditEntry[] }> {
  const box = createPassphraseSecretBox(PASSPHRASE);
  const engine = openEngine({ dataDir: env.FOUNDRY_DATA_DIR!, env: {}, secretBox: box, integrityKey: await loadIntegrityKey(env.FOUNDRY_DATA_DIR!, box) });
  try {
    const events = engine.store.auditLog.page({ limit: 1000, offset: 0 }).items.filter((e) => e.versionId === versionId);
    return { status: engine.store.versions.get(versionId)!.status, events };
  } finally {
    await engine.close();
  }
}

/** The code the authenticator shows 30 s from now: a step after the one spent at enrolment. */
const nextCode = (secret: string) => codeAt(secret, new Date(Date.now() + 30_000));

describe('the owner on a terminal', () => {
  it('approves with the authenticator code and the hidden passphrase, for exactly the hash printed, and the skill then runs', async () => {
    const { env, secret, version } = await prepare();
    const session = foundryInTerminal(['approve', SLUG, version.version], env);
    await session.waitFor(/SHA-256 of exactly this content: ([0-9a-f]{64})/);
    const printedHash = /SHA-256 of exactly this content: ([0-9a-f]{64})/.exec(session.screen())![1];
    expect(session.screen()).toContain("New skill 'Śledzenie: woda' wants to:");
    await session.waitFor(/Code from your authenticator app/);
    session.type(await nextCode(secret));
    await session.waitFor(/Local approval passphrase \(nothing is shown as you type\): /);
    session.type(APPROVAL_PASSPHRASE);
    expect(await session.exited).toBe(0);
    expect(session.screen()).toContain(`Approved: ${SLUG}@v1.0.0 is the running version now.`);
    expect(session.screen()).not.toContain(APPROVAL_PASSPHRASE);

    const { status, events } = await storeState(env, version.id);
    expect(status).toBe('approved');
    const approved = events.find((e) => e.event === 'skill.approved')!;
    expect(approved).toMatchObject({ actor: 'owner', contentSha256: printedHash, data: { via: 'terminal' } });
    expect(approved.data.factors).toEqual([{ factor: 'totp', ok: true }, { factor: 'biometric', provider: 'passphrase-fallback', ok: true }]);

    const run = await foundry(['skills', 'run', SLUG, 'log_water', '--params', '{"amount_ml": 250}', '--json'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).result).toMatchObject({ success: true });
    const data = await foundry(['skills', 'data', SLUG, '--json'], env);
    expect(JSON.stringify(JSON.parse(data.out).result)).toContain('250');
  }, 120_000);

  it('approves nothing after a wrong code, and nothing when the passphrase prompt is cancelled', async () => {
    const { env, secret, version } = await prepare();
    const wrong = foundryInTerminal(['approve', SLUG, version.version], env);
    await wrong.waitFor(/Code from your authenticator app/);
    wrong.type('000000');
    expect(await wrong.exited).toBe(1);
    expect(wrong.screen()).toContain('Wrong code.');
    expect(wrong.screen()).not.toContain('Local approval passphrase (');

    const cancelled = foundryInTerminal(['approve', SLUG, version.version], env);
    await cancelled.waitFor(/Code from your authenticator app/);
    cancelled.type(await nextCode(secret));
    await cancelled.waitFor(/nothing is shown as you type\): /);
    cancelled.press('\u0003');
    expect(await cancelled.exited).toBe(1);
    expect(cancelled.screen()).toContain('Cancelled.');

    const { status, events } = await storeState(env, version.id);
    expect(status).toBe('pending');
    // Newest first.
    expect(events.filter((e) => e.event === 'approval.refused').map((e) => e.data.code)).toEqual(['biometric-cancelled', 'totp-invalid']);
  }, 120_000);

  it('refuses to approve, reject or roll back with piped input, and changes nothing', async () => {
    const { env, version } = await prepare();
    for (const args of [['approve', SLUG, '1.0.0'], ['reject', SLUG, '1.0.0', '--reason', 'no'], ['rollback', SLUG, '1.0.0']]) {
      const piped = spawnSync(process.execPath, ['--no-node-snapshot', BIN, ...args], { env: { ...process.env, ...env }, input: '123456\nsecret\nyes\n', encoding: 'utf8', timeout: 60_000 });
      expect(piped.status).toBe(1);
      expect(piped.stderr).toContain('runs only in a terminal');
    }
    const { status, events } = await storeState(env, version.id);
    expect(status).toBe('pending');
    expect(events.map((e) => e.event)).not.toContain('approval.refused');
  }, 120_000);

  it('rejects with the reason after both factors, and nothing after a wrong code', async () => {
    const { env, secret, version } = await prepare();
    const wrong = foundryInTerminal(['reject', SLUG, version.version, '--reason', 'I track water on paper'], env);
    await wrong.waitFor(/Code from your authenticator app/);
    wrong.type('000000');
    expect(await wrong.exited).toBe(1);
    expect(wrong.screen()).not.toContain('Local approval passphrase (');
    expect((await storeState(env, version.id)).status).toBe('pending');

    const session = foundryInTerminal(['reject', SLUG, version.version, '--reason', 'I track water on paper'], env);
    await session.waitFor(/Code from your authenticator app/);
    session.type(await nextCode(secret));
    await session.waitFor(/nothing is shown as you type\): /);
    session.type(APPROVAL_PASSPHRASE);
    expect(await session.exited).toBe(0);
    const { status, events } = await storeState(env, version.id);
    expect(status).toBe('rejected');
    expect(events.find((e) => e.event === 'skill.rejected')).toMatchObject({ actor: 'owner', data: { reason: 'I track water on paper', via: 'terminal' } });
  }, 120_000);

  it('rolls back to an earlier approved version after both factors', async () => {
    const { env, secret } = await prepare(['approve', 'update', 'approve']);
    const session = foundryInTerminal(['rollback', SLUG, '1.0.0'], env);
    await session.waitFor(/Code from your authenticator app/);
    session.type(await nextCode(secret));
    await session.waitFor(/nothing is shown as you type\): /);
    session.type(APPROVAL_PASSPHRASE);
    expect(await session.exited).toBe(0);
    expect(session.screen()).toContain(`Rolled back: ${SLUG}@v1.0.0 is the running version again.`);
    const shown = await foundry(['skills', 'show', SLUG, '--json'], env);
    expect(JSON.parse(shown.out).skill.activeVersion).toBe('1.0.0');
  }, 180_000);

  it('sets up the authenticator: a QR code and the URI, confirmed with one code typed at the terminal', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir(), FOUNDRY_PASSPHRASE: PASSPHRASE };
    const session = foundryInTerminal(['totp', 'enroll', '--account', 'me@server'], env);
    await session.waitFor(/The code the app shows now/);
    expect(session.screen()).toMatch(/[█▀▄]{10}/);
    const uri = /otpauth:\/\/totp\/\S+/.exec(session.screen())![0];
    expect(uri).toContain('me%40server');
    session.type(await codeAt(secretFromUri(uri), new Date()));
    expect(await session.exited).toBe(0);
    expect(session.screen()).toContain('The authenticator app is set up for me@server.');
    expect((await foundry(['totp', 'status'], env)).out).toContain('set up for me@server');
  }, 120_000);
});

describe('reviewing on the command line', () => {
  it('lists what waits and shows it as the window does: disclosure, audit, dry run, code', async () => {
    const { env, version } = await prepare();
    const list = await foundry(['review'], env);
    expect(list.out).toContain(`${SLUG}`);
    expect(list.out).toContain(version.contentSha256.slice(0, 12));
    const shown = await foundry(['review', 'show', SLUG], env);
    expect(shown.code).toBe(0);
    for (const part of [version.contentSha256, "New skill 'Śledzenie: woda' wants to:", 'Risk:', '== Audit: ', '== Dry run', 'executeAction log_water', '== Code (skill.ts) ==', 'log_water']) {
      expect(shown.out).toContain(part);
    }
    expect((await foundry(['skills', 'code', SLUG], env)).out).toContain(version.code);
  }, 120_000);

  it('shows a new version as a unified diff against the running one', async () => {
    const { env, version } = await prepare(['approve', 'update']);
    const shown = await foundry(['review', 'show', SLUG, '--diff'], env);
    expect(shown.out).toContain(`Changes against the running version (${SLUG}@v1.0.0 → ${version.tag})`);
    expect(shown.out).toMatch(/^-.*goal: 2000/m);
    expect(shown.out).toMatch(/^\+.*goal: 2500/m);
  }, 120_000);
});

describe('foundry token rotate', () => {
  it('refuses a passphrase that does not open the other secrets, and the token stays the same', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir(), FOUNDRY_PASSPHRASE: PASSPHRASE };
    const first = await foundry(['token', 'rotate', '--json'], env);
    expect(first.code).toBe(0);
    const typo = await foundry(['token', 'rotate'], { ...env, FOUNDRY_PASSPHRASE: `${PASSPHRASE}x` });
    expect(typo.code).toBe(1);
    expect(typo.err).toContain('this passphrase does not match the one that sealed your other secrets');
    expect(JSON.parse((await foundry(['token', 'show', '--json'], env)).out).token).toBe(JSON.parse(first.out).token);
  });
});
