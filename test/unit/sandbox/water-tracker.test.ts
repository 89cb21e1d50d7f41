import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../main/skills/registry/content-hash.ts';
import { action, call, openHarness, skillWith, waterTracker, type Harness } from './skills.ts';

let h: Harness;
beforeAll(() => {
  h = openHarness();
});
afterAll(() => h.close());

describe('the water tracker in the sandbox', () => {
  it('log_water writes a row, getData sums it, getInsights warns under 1000 ml', async () => {
    const logged = await h.sandbox.execute(action(waterTracker(), { amount_ml: 300 }, 'log_water', 'anna'));
    expect(logged.error).toBeUndefined();
    expect(logged.result).toEqual({ success: true });
    expect(h.rows('exo_water_entries')).toEqual([{ tenant_id: 'anna', amount_ml: 300, logged_at: expect.any(String) }]);

    await h.sandbox.execute(action(waterTracker(), { amount_ml: 450 }, 'log_water', 'anna'));
    await h.sandbox.execute(action(waterTracker(), { amount_ml: 5000 }, 'log_water', 'bob'));
    const data = await h.sandbox.execute(call(waterTracker(), 'getData', 'anna'));
    expect(data.result).toMatchObject({ total_ml: 750, entries: [{ amount_ml: 450, id: expect.any(Number) }, { amount_ml: 300 }] });

    const insights = await h.sandbox.execute(call(waterTracker(), 'getInsights', 'anna'));
    expect(insights.result).toEqual([{ type: 'warning', title: 'Pij więcej wody!', message: 'Tylko 750ml dziś' }]);
    const enough = await h.sandbox.execute(call(waterTracker(), 'getInsights', 'bob'));
    expect(enough.result).toEqual([]);
  });

  it('getActions returns the action definitions', async () => {
    const actions = await h.sandbox.execute(call(waterTracker(), 'getActions'));
    expect(actions.result).toEqual([expect.objectContaining({ slug: 'log_water', name: 'Zaloguj wodę' })]);
    expect(actions.record.action).toBe('getActions');
  });

  it('refuses writes that were not granted for this version', async () => {
    const before = h.rows('exo_water_entries').length;
    const outcome = await h.sandbox.execute(action(waterTracker([]), { amount_ml: 100 }, 'log_water', 'carol'));
    expect(outcome.result).toEqual({ success: false, error: 'Writing to exo_water_entries was not approved for this version of the skill.' });
    expect(h.rows('exo_water_entries')).toHaveLength(before);
  });

  it('records every execution with the hashes of its input and output', async () => {
    const params = { amount_ml: 250, note: 'po treningu' };
    const outcome = await h.sandbox.execute(action(waterTracker(), params, 'log_water', 'dave'));
    const input = canonicalJson({ method: 'executeAction', tenantId: 'dave', action: 'log_water', params });
    expect(outcome.record).toMatchObject({
      skillSlug: 'custom-water-tracker',
      version: '1.0.0',
      action: 'log_water',
      trigger: 'test',
      actor: 'owner',
      status: 'succeeded',
      error: null,
      inputSha256: sha256Hex(input),
      outputSha256: sha256Hex(canonicalJson({ success: true })),
    });
    expect(outcome.record.durationMs).toBeGreaterThan(0);
    expect(outcome.record.peakHeapBytes).toBeGreaterThan(0);
    const stored = h.store.executions.page({ limit: 1, offset: 0 }).items[0];
    expect(stored).toEqual(outcome.record);
    const versionId = h.store.db.prepare<[number], { version_id: string }>('SELECT version_id FROM executions WHERE id = ?').get(outcome.record.id);
    expect(versionId?.version_id).toBe('water-v1');
  });

  it('reuses the warm isolate of a version', async () => {
    await h.sandbox.execute(call(waterTracker(), 'getActions'));
    const again = await h.sandbox.execute(call(waterTracker(), 'getActions'));
    expect(again.warm).toBe(true);
  });
});

describe('the query allowlist', () => {
  const entries = { reads: ['exo_probe_entries'], writes: ['exo_probe_entries'] };

  it('refuses rpc and delete with a plain error object', async () => {
    const probe = skillWith(
      `const rpc = await supabase.rpc('drop_everything', {});
       const del = await supabase.from('exo_probe_entries').delete().eq('id', 1);
       return { rpc, del, rpcIsPlain: Object.getPrototypeOf(rpc.error) === Object.prototype };`,
      entries,
      ['exo_probe_entries'],
    );
    const outcome = await h.sandbox.execute(action(probe));
    expect(outcome.result).toEqual({
      rpc: { data: null, error: { message: 'rpc() is never allowed in a skill.' } },
      del: { data: null, error: { message: 'delete() is never allowed in a skill.' } },
      rpcIsPlain: true,
    });
  });

  it('refuses tables the manifest does not declare', async () => {
    const probe = skillWith(
      `return [
         await supabase.from('exo_secrets').select('*'),
         await supabase.from('exo_secrets').insert({ a: 1 }),
         await supabase.from('executions').select('*'),
       ];`,
      entries,
      ['exo_probe_entries'],
    );
    const outcome = await h.sandbox.execute(action(probe));
    expect(outcome.result).toEqual([
      { data: null, error: { message: 'This skill did not declare reading exo_secrets.' } },
      { data: null, error: { message: 'Writing to exo_secrets was not approved for this version of the skill.' } },
      { data: null, error: { message: '"executions" is not a valid skill table name.' } },
    ]);
  });

  it('refuses unknown methods and malformed columns', async () => {
    const probe = skillWith(
      `return [
         await supabase.from('exo_probe_entries').select('*').neq('a', 1),
         await supabase.from('exo_probe_entries').select('*').eq("a') OR 1=1 --", 1),
         await supabase.from('exo_probe_entries').update({ a: 1 }),
         await supabase.from('exo_probe_entries').insert({ id: 7 }),
       ].map((r) => r.error.message);`,
      entries,
      ['exo_probe_entries'],
    );
    const outcome = await h.sandbox.execute(action(probe));
    expect(outcome.result).toEqual([
      'neq() is not available; allowed: from, select, eq, single, limit, order, insert, update.',
      'eq() takes a column name and a string, number, boolean or null.',
      'update() needs at least one eq(column, value) filter.',
      'insert(): "id" is not a column name a skill may write.',
    ]);
  });

  it('lets an execution read its own pending writes, and update them', async () => {
    const probe = skillWith(
      `await supabase.from('exo_probe_entries').insert([{ tenant_id, n: 1, tag: 'a' }, { tenant_id, n: 2, tag: 'b' }]);
       await supabase.from('exo_probe_entries').update({ tag: 'z' }).eq('n', 2).eq('tenant_id', tenant_id);
       const all = await supabase.from('exo_probe_entries').select('n, tag').eq('tenant_id', tenant_id).order('n', { ascending: false });
       const one = await supabase.from('exo_probe_entries').select('*').eq('tag', 'a').eq('tenant_id', tenant_id).single();
       const none = await supabase.from('exo_probe_entries').select('*').eq('tag', 'nope').single();
       return { all: all.data, one: one.data.n, none: none.error.message };`,
      entries,
      ['exo_probe_entries'],
    );
    const outcome = await h.sandbox.execute(action(probe, {}, 'probe', 'pending-reader'));
    expect(outcome.result).toEqual({
      all: [{ n: 2, tag: 'z' }, { n: 1, tag: 'a' }],
      one: 1,
      none: 'single() expects exactly one row, found none.',
    });
    expect(h.rows('exo_probe_entries', 'custom-probe')).toEqual([
      { tenant_id: 'pending-reader', n: 1, tag: 'a' },
      { tenant_id: 'pending-reader', n: 2, tag: 'z' },
    ]);
  });

  it('refuses foundry.skills.call with a plain error outside the registry, and foundry.http without a network to use', async () => {
    const probe = skillWith(`let refused = ''; try { await foundry.http.get('https://example.com/'); } catch (e) { refused = (e as Error).message; }
      let call = ''; try { await foundry.skills.call('custom-x', 'a', {}); } catch (e) { call = (e as Error).message; }
      return [refused.length > 0, call];`);
    const outcome = await h.sandbox.execute(action(probe));
    expect(outcome.result).toEqual([true, 'foundry.skills.call: skills call other skills only once approved (not in a dry run).']);
    expect(outcome.record.http).toHaveLength(1);
    expect(outcome.record.http[0]).toMatchObject({ method: 'GET', status: null, address: null });
  });

  it('returns logs, and notifications only when the skill declares them', async () => {
    const body = `foundry.log('hello', { n: 1 }); console.warn('careful'); return foundry.notify('Woda', 'Wypij szklankę');`;
    const declared = await h.sandbox.execute(action(skillWith(body, { notifications: true })));
    expect(declared.result).toEqual({ error: null });
    expect(declared.notifications).toEqual([{ title: 'Woda', body: 'Wypij szklankę' }]);
    expect(declared.logs).toEqual(['hello {"n":1}', '[warn] careful']);

    const undeclared = await h.sandbox.execute(action(skillWith(body)));
    expect(undeclared.result).toEqual({ error: { message: 'This skill did not declare notifications.' } });
    expect(undeclared.notifications).toEqual([]);
  });

  it('drops the notifications of a failed execution', async () => {
    const outcome = await h.sandbox.execute(action(skillWith(`foundry.notify('a', 'b'); throw new Error('nope');`, { notifications: true })));
    expect(outcome.record.status).toBe('failed');
    expect(outcome.error?.code).toBe('skill-error');
    expect(outcome.notifications).toEqual([]);
  });
});
