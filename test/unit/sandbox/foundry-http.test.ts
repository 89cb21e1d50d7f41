// foundry.http end to end: skill code in the isolate → the host → main's guarded client → a real
// local HTTPS server, and back. The guard's own rules are tested in test/unit/http; here, what a
// skill sees, what is recorded, and that a secret's value never reaches the skill, the record,
// the logs or the database.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeResolver, json, testClient, useServers } from '../http/servers.ts';
import { action, skillWith, useHarnesses, type Harness } from './skills.ts';
import type { ExecutionRequest, SandboxSkill } from '../../../main/skills/sandbox/index.ts';

const SECRET = 'sk-live-7f3a9c2e41b8d6f0';

describe('foundry.http in the sandbox', () => {
  const open = useHarnesses();
  const serve = useServers();

  async function setUp(): Promise<{ h: Harness; origin: string; seen: () => { url: string; headers: Record<string, unknown>; body: string }[] }> {
    const server = await serve((request, response) => {
      if (request.url.startsWith('/price')) return json(response, 200, { price: 119.99, currency: 'PLN' });
      if (request.url === '/echo') return json(response, 201, { got: JSON.parse(request.body || 'null') });
      return json(response, 404, { error: 'no such thing' });
    }, { tls: true });
    const h = open({}, undefined, { httpClient: testClient({ resolve: fakeResolver({ localhost: ['127.0.0.1'] }).resolve }) });
    return { h, origin: `localhost:${server.port}`, seen: () => server.requests as never };
  }

  const live = (skill: SandboxSkill, secrets: Record<string, string> = {}): ExecutionRequest => ({
    ...action(skill),
    network: { mode: 'live', secretValue: async (name) => secrets[name] ?? null, localAllowances: [] },
  });

  it('gets and posts JSON from an approved host, and records each request without its query values', async () => {
    const { h, origin } = await setUp();
    const skill = skillWith(
      `const price = await foundry.http.get('https://${origin}/price?item=kettle&max=120');
       const posted = await foundry.http.post('https://${origin}/echo', { note: 'hello' });
       const missing = await foundry.http.fetch('https://${origin}/nothing', { method: 'GET' });
       return { price: price.json(), ok: price.ok, type: price.headers['content-type'], posted: [posted.status, posted.json()], missing: [missing.status, missing.ok] };`,
      { http: [origin] },
    );
    const outcome = await h.sandbox.execute(live(skill));
    expect(outcome.result).toEqual({
      price: { price: 119.99, currency: 'PLN' }, ok: true, type: 'application/json', posted: [201, { got: { note: 'hello' } }], missing: [404, false],
    });
    expect(outcome.record.http.map((r) => [r.method, r.origin, r.path, r.status, r.address, r.source])).toEqual([
      ['GET', origin, '/price?item=&max=', 200, '127.0.0.1', 'network'],
      ['POST', origin, '/echo', 201, '127.0.0.1', 'network'],
      ['GET', origin, '/nothing', 404, '127.0.0.1', 'network'],
    ]);
    // A POST reached a server: retrying this execution could repeat its effect.
    expect(outcome.nonIdempotentRequests).toBe(1);
    // Stored with the execution, as Activity shows it.
    expect(h.store.executions.page({ offset: 0, limit: 1 }).items[0]!.http).toHaveLength(3);
  }, 30_000);

  it('fails the request inside the skill, with the reason, for a host the skill was not approved for', async () => {
    const { h, origin } = await setUp();
    const skill = skillWith(
      `try { await foundry.http.get('https://${origin}/price'); return 'reached'; } catch (e) { return (e as Error).message; }`,
      { http: ['api.example.com'] },
    );
    const outcome = await h.sandbox.execute(live(skill));
    expect(outcome.result).toMatch(/not among this skill.s approved hosts/);
    expect(outcome.record.http[0]).toMatchObject({ status: null, address: null });
  }, 30_000);

  it('refuses requests over the per-execution bound inside the skill', async () => {
    const { h, origin } = await setUp();
    const skill = skillWith(
      `const answers: string[] = [];
       for (let i = 0; i < 4; i++) { try { await foundry.http.get('https://${origin}/price'); answers.push('ok'); } catch (e) { answers.push((e as Error).message); } }
       return answers;`,
      { http: [origin] },
    );
    const outcome = await h.sandbox.execute({ ...live(skill), network: { ...live(skill).network!, limits: { maxRequests: 2 } } });
    expect(outcome.result).toEqual(['ok', 'ok', 'foundry.http: at most 2 requests per execution.', 'foundry.http: at most 2 requests per execution.']);
    expect(outcome.record.http).toHaveLength(2);
  }, 30_000);

  it('puts a secret in only on the way out: the server gets it, the skill, the record, the logs and the database never do', async () => {
    const { h, origin, seen } = await setUp();
    const skill: SandboxSkill = {
      ...skillWith(
        `const answer = await foundry.http.get('https://${origin}/price?key={{secret:SHOP_KEY}}', { headers: { authorization: 'Bearer {{secret:SHOP_KEY}}' } });
         foundry.log('asked with', answer.url);
         return { url: answer.url, price: answer.json().price };`,
        { http: [origin] },
      ),
    };
    skill.manifest = { ...skill.manifest, secrets: [{ name: 'SHOP_KEY', hosts: [origin] }] };
    const outcome = await h.sandbox.execute(live(skill, { SHOP_KEY: SECRET }));
    expect(outcome.result).toEqual({ url: `https://${origin}/price?key={{secret:SHOP_KEY}}`, price: 119.99 });
    expect(seen()[0]).toMatchObject({ url: `/price?key=${SECRET}`, headers: expect.objectContaining({ authorization: `Bearer ${SECRET}` }) });
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
    h.store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(h.store.file).includes(SECRET)).toBe(false);
  }, 30_000);

  it('answers from the sample answers in a dry run and sends nothing', async () => {
    const { h, origin, seen } = await setUp();
    const skill = skillWith(`return (await foundry.http.get('https://${origin}/price?item=kettle')).json();`, { http: [origin] });
    const outcome = await h.sandbox.execute({
      ...action(skill),
      network: { mode: 'samples', samples: [{ url: `https://${origin}/price`, body: { price: 80 } }] },
    });
    expect(outcome.result).toEqual({ price: 80 });
    expect(outcome.record.http[0]).toMatchObject({ source: 'sample', status: 200, address: null });
    expect(seen()).toHaveLength(0);
  }, 30_000);
});
