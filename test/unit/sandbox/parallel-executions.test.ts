// Several executions at once: a skill waiting on the network no longer holds up the others, one
// version runs one at a time unless the owner allows more, each execution's writes stay its own,
// and every skill reads its settings as foundry.config.
import { describe, expect, it } from 'vitest';
import type { HttpCallRequest, HttpCallResult, HttpClient } from '../../../main/skills/http/index.ts';
import { action, skillWith, useHarnesses, WATER_MANIFEST, type Harness } from './skills.ts';
import type { ExecutionRequest, SandboxSkill } from '../../../main/skills/sandbox/index.ts';

/** An HTTP client whose answers the test releases one by one, so the order of events is the test's. */
function gatedClient() {
  const waiting: { request: HttpCallRequest; answer: (body: string) => void }[] = [];
  let arrived: () => void = () => {};
  const client: HttpClient = {
    send: (request) =>
      new Promise<HttpCallResult>((resolve) => {
        waiting.push({
          request,
          answer: (body) =>
            resolve({
              response: { status: 200, headers: {}, body, url: request.url },
              error: null,
              record: {
                method: request.method, origin: 'api.example.com', path: '/', status: 200, error: null, address: '93.184.215.14', redirects: 0,
                requestBytes: 0, responseBytes: body.length, durationMs: 1, requestSha256: 'x', responseSha256: 'y', source: 'network',
              },
            }),
        });
        arrived();
      }),
  } as HttpClient;
  return {
    client,
    waiting,
    /** Resolves once `count` requests are waiting for their answer. */
    until(count: number): Promise<void> {
      return new Promise((resolve) => {
        const check = () => (waiting.length >= count ? resolve() : (arrived = check));
        check();
      });
    },
  };
}

const FETCHES = skillWith(`const answer = await foundry.http.get('https://api.example.com/price'); return answer.body;`, { http: ['api.example.com'] });
const live: ExecutionRequest['network'] = { mode: 'live', secretValue: async () => null, localAllowances: [] };

function withNetwork(skill: SandboxSkill, params: Record<string, unknown> = {}): ExecutionRequest {
  return { ...action(skill, params), network: live };
}

describe('executions in parallel', () => {
  const open = useHarnesses();

  it('runs another skill to the end while one waits for its HTTP answer', async () => {
    const gate = gatedClient();
    const h: Harness = open({}, undefined, { httpClient: gate.client });
    const waiting = h.sandbox.execute(withNetwork(FETCHES));
    await gate.until(1);
    const quick = await h.sandbox.execute(action(skillWith(`return 'done meanwhile';`)));
    expect(quick.result).toBe('done meanwhile');
    gate.waiting[0]!.answer('42 zł');
    expect((await waiting).result).toBe('42 zł');
  }, 30_000);

  it('runs one version one at a time by default, and several when the owner allows it', async () => {
    const gate = gatedClient();
    const h: Harness = open({}, undefined, { httpClient: gate.client });
    const first = h.sandbox.execute(withNetwork(FETCHES));
    const second = h.sandbox.execute(withNetwork(FETCHES));
    await gate.until(1);
    // The second execution of the same version has not started: it waits for the first.
    await h.sandbox.execute(action(skillWith(`return 1;`)));
    expect(gate.waiting).toHaveLength(1);
    gate.waiting[0]!.answer('first');
    await gate.until(2);
    gate.waiting[1]!.answer('second');
    expect([(await first).result, (await second).result]).toEqual(['first', 'second']);

    const both = [0, 1].map(() => h.sandbox.execute({ ...withNetwork(FETCHES), concurrency: { total: 8, perSkill: 2 } }));
    await gate.until(4);
    gate.waiting[2]!.answer('a');
    gate.waiting[3]!.answer('b');
    expect((await Promise.all(both)).map((o) => o.result).sort()).toEqual(['a', 'b']);
  }, 30_000);

  it('keeps each execution’s writes its own: a failed one commits nothing while another commits', async () => {
    const gate = gatedClient();
    const h: Harness = open({}, undefined, { httpClient: gate.client });
    const writer = (marker: string, fail: boolean): SandboxSkill => ({
      ...skillWith(
        `await supabase.from('exo_water_entries').insert({ tenant_id, amount_ml: 1, marker: '${marker}' });
         await foundry.http.get('https://api.example.com/');
         ${fail ? `throw new Error('failed after writing');` : `return 'kept';`}`,
        { http: ['api.example.com'], reads: ['exo_water_entries'], writes: ['exo_water_entries'] },
        ['exo_water_entries'],
      ),
      slug: 'custom-water-tracker',
      manifest: { ...WATER_MANIFEST, capabilities: { ...WATER_MANIFEST.capabilities, http: ['api.example.com'] } },
    });
    const failing = h.sandbox.execute(withNetwork(writer('failing', true)));
    const succeeding = h.sandbox.execute(withNetwork(writer('succeeding', false)));
    await gate.until(2);
    gate.waiting[0]!.answer('');
    gate.waiting[1]!.answer('');
    expect((await failing).record.status).toBe('failed');
    expect((await succeeding).record.status).toBe('succeeded');
    expect(h.rows('exo_water_entries').map((row) => row.marker)).toEqual(['succeeding']);
  }, 30_000);

  it('hands the skill its settings as a frozen foundry.config', async () => {
    const h: Harness = open();
    const reads = skillWith(`
      let changed = 'no';
      try { (foundry.config as any).city = 'Gdańsk'; changed = 'yes'; } catch { changed = 'refused'; }
      return { city: foundry.config.city, nested: (foundry.config as any).units.temperature, changed };`);
    const outcome = await h.sandbox.execute({ ...action(reads), config: { city: 'Kraków', units: { temperature: 'C' } } });
    expect(outcome.result).toEqual({ city: 'Kraków', nested: 'C', changed: 'refused' });
    const without = await h.sandbox.execute(action(skillWith(`return Object.keys(foundry.config).length;`)));
    expect(without.result).toBe(0);
  }, 30_000);
});
