// The home view's one engine path, outside the window: `foundry today` (text and --json) and
// GET /api/today on `foundry serve`, over a water tracker the owner approved and logged water with.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../main/cli/commands/index.ts';
import { cliSecretBox } from '../../main/cli/cli-secret-box.ts';
import { loadIntegrityKey } from '../../main/skills/approval/integrity-key-file.ts';
import { openFoundryStore } from '../../main/store/index.ts';
import type { TodayBoard } from '../../shared/contract/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { request } from '../unit/api/harness.ts';
import { openFlow } from '../unit/registry/flow-fixtures.ts';

const tempDir = useTempDir();
const command = (name: string) => COMMANDS.find((c) => c.name === name)!;

function run(name: string, args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const done = command(name).run(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { done, out, err };
}

async function waterTrackerWith250ml(): Promise<NodeJS.ProcessEnv> {
  const dataDir = tempDir();
  const env = { FOUNDRY_DATA_DIR: dataDir, FOUNDRY_PASSPHRASE: 'correct horse battery staple' };
  const flow = await openFlow(dataDir, await loadIntegrityKey(dataDir, cliSecretBox(env)!));
  const { slug } = await flow.approvedWaterTracker();
  // On today's clock: `foundry serve` archives skills unused for 30 days when it starts.
  flow.clock.set(Date.now());
  await flow.service.execute('owner', slug, 'log_water', { amount_ml: 250 });
  await flow.close();
  return env;
}

const dashboardActors = (env: NodeJS.ProcessEnv) => {
  const store = openFoundryStore(env.FOUNDRY_DATA_DIR!);
  try {
    return store.executions.page({ offset: 0, limit: 50 }).items.filter((e) => e.trigger === 'dashboard' && e.action === 'getData').map((e) => e.actor);
  } finally {
    store.close();
  }
};

describe('what my skills know today, outside the window', () => {
  it('foundry today prints each card as a person reads it, and --json the same board', async () => {
    const env = await waterTrackerWith250ml();
    const text = run('today', [], env);
    expect(await text.done).toBe(0);
    const printed = text.out.join('\n');
    expect(printed).toContain('Śledzenie: woda (custom-water-tracker v1.0.0)');
    expect(printed).toContain('total_ml: 250 ml');
    expect(printed).toMatch(/last 7 days \(ml\): .* 250; goal 2000/);
    expect(printed).toContain(`quick entry (Log water): foundry skills run custom-water-tracker log_water --params '{"amount_ml": …}'`);
    expect(printed).toContain('Notifications (0 unread)');

    const json = run('today', ['--json'], env);
    expect(await json.done).toBe(0);
    const board = JSON.parse(json.out.join('')) as TodayBoard;
    expect(board.cards[0]).toMatchObject({ slug: 'custom-water-tracker', headline: { key: 'total_ml', value: 250 }, quickAction: { slug: 'log_water' } });
    expect(dashboardActors(env)).toEqual(['owner', 'owner']);
  });

  it('refuses an argument it does not take, reading nothing', async () => {
    const env = await waterTrackerWith250ml();
    const refused = run('today', ['water'], env);
    expect(await refused.done).toBe(2);
    expect(refused.err.join('')).toContain('usage: foundry today [--json]');
    expect(dashboardActors(env)).toEqual([]);
  });

  it('GET /api/today answers the assistant with the same cards, read as its runs', async () => {
    const env = await waterTrackerWith250ml();
    const rotate = run('token', ['rotate'], env);
    expect(await rotate.done).toBe(0);
    const token = rotate.out.join('');
    const serve = run('serve', ['--port', '0', '--json'], env);
    await expect.poll(() => serve.out.length, { timeout: 10_000 }).toBe(1);
    const { url } = JSON.parse(serve.out[0]!) as { url: string };
    try {
      const answer = await request(url, { path: '/api/today' }, token);
      expect(answer).toMatchObject({ status: 200, json: { cards: [{ slug: 'custom-water-tracker', headline: { value: 250, unit: 'ml' } }], upcoming: [], unreadNotifications: 0 } });
      expect((await request(url, { path: '/api/today' }, null)).status).toBe(401);
    } finally {
      process.emit('SIGINT', 'SIGINT');
      expect(await serve.done).toBe(0);
    }
    expect(dashboardActors(env)).toEqual(['assistant']);
  });
});
