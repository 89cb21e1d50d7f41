// The assistant as an attacker with a shell: it writes foundry.db directly (better-sqlite3, its own
// connection, triggers dropped) and tries to approve, swap approved code, roll back, widen grants or
// hide what it did. Every attempt must be refused at run time and named by `foundry audit-log verify`.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFoundry } from '../../main/cli/foundry.ts';
import { openEngine } from '../../main/engine.ts';
import { loadIntegrityKey } from '../../main/skills/approval/integrity-key-file.ts';
import { versionContentHash } from '../../main/skills/registry/content-hash.ts';
import type { ChainVerification, SkillVersionRecord } from '../../shared/contract/records.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { BOX_PASSPHRASE, newBox } from '../unit/approval/security-fixtures.ts';
import { changedGoalGenerator, openFlow, rejection, type Flow } from '../unit/registry/flow-fixtures.ts';

const tempDir = useTempDir();
const SLUG = 'custom-water-tracker';

let dataDir: string;
let flow: Flow;
let v1: SkillVersionRecord;
let v2: SkillVersionRecord;

beforeEach(async () => {
  dataDir = tempDir();
  // The key as the command line keeps it: sealed by FOUNDRY_PASSPHRASE in the data directory.
  flow = await openFlow(dataDir, await loadIntegrityKey(dataDir, newBox()));
  v1 = await flow.approvedWaterTracker();
  v2 = await flow.approvedWaterTracker(changedGoalGenerator);
});
afterEach(() => flow.close());

/** What the attacker does: plain SQL on the file, append-only triggers out of the way. */
function attack(sql: string, ...params: unknown[]): void {
  const db = new Database(flow.engine.store.file);
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  db.prepare(sql).run(...params);
  db.close();
}

async function verify(env: NodeJS.ProcessEnv = { FOUNDRY_PASSPHRASE: BOX_PASSPHRASE }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFoundry(['audit-log', 'verify', '--json'], { out: (t) => out.push(t), err: (t) => err.push(t), env: { FOUNDRY_DATA_DIR: dataDir, ...env } });
  return { code, result: JSON.parse(out.join('\n')) as ChainVerification & { error?: { code: string } }, err: err.join('\n') };
}

const kinds = (result: ChainVerification) => [...new Set(result.problems!.map((p) => p.problem))];
const refusedRuns = () => flow.events().filter((e) => e.event === 'skill.run-refused');

describe('legitimate use keeps working', () => {
  it('an approved version runs with the writes it was granted, a rollback runs, and verify says intact', async () => {
    expect(await flow.service.execute('owner', SLUG, 'log_water', { amount_ml: 250 })).toMatchObject({ result: { success: true } });
    expect(await flow.service.execute('owner', SLUG, 'getData')).toMatchObject({ result: { goal: 2500 } });
    await flow.service.rollback('owner', SLUG, '1.0.0');
    expect(await flow.service.execute('owner', SLUG, 'getData')).toMatchObject({ result: { goal: 2000 } });
    expect(flow.engine.store.skills.list()).toEqual([expect.objectContaining({ slug: SLUG, approvalSeal: 'verified' })]);
    const { code, result } = await verify();
    expect(result).toMatchObject({ ok: true, keyed: true, problems: [] });
    expect(code).toBe(0);
  });
});

describe('tampering with approvals is refused at run time and named by verify', () => {
  it('swapping the code of the running version (hash recomputed) is refused as changed, and audited', async () => {
    const code = v2.code.replace('2500', '9999');
    attack('UPDATE exo_skill_versions SET code = ?, content_sha256 = ? WHERE id = ?', code, versionContentHash({ ...v2, code }), v2.id);
    const refused = await rejection(flow.service.execute('owner', SLUG, 'getData'));
    expect(refused).toMatchObject({ code: 'conflict', reason: 'content-changed' });
    expect(refused.userMessage.pl).toMatch(/nie zostanie uruchomiona/);
    expect(refusedRuns()).toEqual([expect.objectContaining({ skillSlug: SLUG, data: expect.objectContaining({ reason: 'content-changed' }) })]);
    expect(flow.engine.store.skills.list()[0]).toMatchObject({ approvalSeal: 'tampered' });
    const { code: exit, result } = await verify();
    expect(exit).toBe(1);
    expect(kinds(result)).toEqual(['unsealed-approval']);
  });

  it('approving a pending version by writing rows is refused: no seal vouches for it', async () => {
    const pending = await flow.pendingWaterTracker();
    attack("UPDATE exo_skill_versions SET status = 'approved' WHERE id = ?", pending.id);
    attack("INSERT INTO approvals (version_id, content_sha256, outcome, factors, actor, created_at) VALUES (?, ?, 'approved', '[]', 'owner', ?)", pending.id, pending.contentSha256, new Date().toISOString());
    attack("UPDATE exo_generated_skills SET active_version_id = ?, status = 'active' WHERE slug = ?", pending.id, SLUG);
    const refused = await rejection(flow.service.execute('owner', SLUG, 'getData'));
    expect(refused).toMatchObject({ code: 'conflict', reason: 'approval-unproven' });
    // The assistant may run approved skills only: to it, this one is simply not approved.
    expect(await rejection(flow.service.execute('assistant', SLUG, 'getData'))).toMatchObject({ code: 'forbidden' });
    expect(refused.userMessage.en).toMatch(/cannot be proven/);
    expect(kinds((await verify()).result)).toEqual(['unsealed-approval']);
  });

  it('rolling back by pointing the skill at an older approved version is refused', async () => {
    attack('UPDATE exo_generated_skills SET active_version_id = ? WHERE slug = ?', v1.id, SLUG);
    expect(await rejection(flow.service.execute('owner', SLUG, 'getData'))).toMatchObject({ reason: 'approval-unproven' });
    expect(kinds((await verify()).result)).toEqual(['unsealed-approval']);
  });

  it('a forged seal (wrong MAC) for a pending version is refused and named a forged approval', async () => {
    const pending = await flow.pendingWaterTracker();
    attack("UPDATE exo_skill_versions SET status = 'approved' WHERE id = ?", pending.id);
    attack('UPDATE exo_generated_skills SET active_version_id = ? WHERE slug = ?', pending.id, SLUG);
    attack(
      `INSERT INTO approval_seals (decision, skill_slug, version_id, version, content_sha256, granted_writes, decided_at, prev_mac, mac)
       SELECT 'approved', ?, ?, ?, ?, '["exo_water_entries"]', ?, mac, ? FROM approval_seals ORDER BY id DESC LIMIT 1`,
      SLUG, pending.id, pending.version, pending.contentSha256, new Date().toISOString(), 'f'.repeat(64),
    );
    expect(await rejection(flow.service.execute('owner', SLUG, 'getData'))).toMatchObject({ reason: 'approval-unproven' });
    const { result } = await verify();
    expect(kinds(result)).toEqual(['forged-approval']);
  });

  it('removing the newest seal to make an older approval the running one is seen', async () => {
    attack('DELETE FROM approval_seals WHERE id = (SELECT max(id) FROM approval_seals)');
    attack('UPDATE exo_generated_skills SET active_version_id = ? WHERE slug = ?', v1.id, SLUG);
    expect(await rejection(flow.service.execute('owner', SLUG, 'getData'))).toMatchObject({ reason: 'approval-unproven' });
    expect(kinds((await verify()).result)).toEqual(['forged-approval']);
  });

  it('widening the writes a seal grants breaks its MAC', async () => {
    attack(`UPDATE approval_seals SET granted_writes = '["exo_water_entries","exo_other_table"]' WHERE id = (SELECT max(id) FROM approval_seals)`);
    expect(await rejection(flow.service.execute('owner', SLUG, 'log_water', { amount_ml: 100 }))).toMatchObject({ reason: 'approval-unproven' });
    expect(kinds((await verify()).result)).toEqual(['forged-approval']);
  });
});

describe('tampering with the audit log is named by kind', () => {
  it('an edited entry', async () => {
    attack("UPDATE audit_log SET actor = 'system' WHERE event = 'skill.approved'");
    expect(kinds((await verify()).result)).toEqual(['edited']);
  });

  it('an entry deleted from the middle', async () => {
    attack("DELETE FROM audit_log WHERE seq = (SELECT min(seq) FROM audit_log WHERE event = 'skill.approved')");
    expect(kinds((await verify()).result)).toContain('deleted');
  });

  it('a log cut at the end', async () => {
    attack('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)');
    attack("UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM audit_log) WHERE name = 'audit_log'");
    const { code, result } = await verify();
    expect(code).toBe(1);
    expect(kinds(result)).toEqual(['truncated']);
  });

  it('a log rewritten and re-chained, its seals stripped', async () => {
    attack('UPDATE audit_log SET mac = NULL WHERE seq = 2');
    expect(kinds((await verify()).result)).toEqual(['unsealed']);
  });

  it('the text report names each kind on its own line', async () => {
    attack("UPDATE audit_log SET actor = 'system' WHERE seq = 1");
    attack('UPDATE exo_generated_skills SET active_version_id = ? WHERE slug = ?', v1.id, SLUG);
    const err: string[] = [];
    const code = await runFoundry(['audit-log', 'verify'], { out: () => {}, err: (t) => err.push(t), env: { FOUNDRY_DATA_DIR: dataDir, FOUNDRY_PASSPHRASE: BOX_PASSPHRASE } });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/edited: .*entry 1/);
    expect(err.join('\n')).toMatch(/unsealed approval: .*custom-water-tracker/);
  });
});

describe('without the key', () => {
  it('nothing generated runs, approvals are refused, and verify will not call the log intact', async () => {
    const pending = await flow.pendingWaterTracker();
    await flow.close();
    const keyless = openEngine({ dataDir, now: flow.clock.now, log: { rejected() {}, failed() {} }, env: {}, integrityKey: null });
    try {
      const refused = await rejection(keyless.service.execute('owner', SLUG, 'getData'));
      expect(refused).toMatchObject({ code: 'conflict', reason: 'no-integrity-key' });
      expect(refused.userMessage.pl).toMatch(/FOUNDRY_PASSPHRASE/);
      expect(await keyless.service.execute('owner', 'energy-monitor', 'getActions')).toMatchObject({ slug: 'energy-monitor' });
      const approval = await rejection(keyless.service.approve('owner', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: '123456' }));
      expect(approval).toMatchObject({ reason: 'no-integrity-key' });
    } finally {
      await keyless.close();
    }
    const { code, result } = await verify({});
    expect(code).toBe(1);
    expect(result).toMatchObject({ ok: false, keyed: false, error: { code: 'no-integrity-key' } });
    flow = await openFlow(tempDir());
  });
});
