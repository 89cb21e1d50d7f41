// `foundry serve` end to end: an approved skill run through the assistant's API notifies, and the
// notification is on GET /api/notifications; nothing on the API marks it read.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../main/cli/commands/index.ts';
import { cliSecretBox } from '../../main/cli/cli-secret-box.ts';
import { loadIntegrityKey } from '../../main/skills/approval/integrity-key-file.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { request } from '../unit/api/harness.ts';
import { openFlow } from '../unit/registry/flow-fixtures.ts';
import { approvedReminder } from '../unit/notifications/reminder-fixtures.ts';

const tempDir = useTempDir();
const command = (name: string) => COMMANDS.find((c) => c.name === name)!;

function run(name: string, args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const done = command(name).run(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { done, out, err };
}

describe('notifications on the assistant’s local API', () => {
  it('a skill the assistant runs through `foundry serve` notifies, and GET /api/notifications shows it unread', async () => {
    const dataDir = tempDir();
    const env = { FOUNDRY_DATA_DIR: dataDir, FOUNDRY_PASSPHRASE: 'correct horse battery staple' };
    // The owner approved a reminder (with both factors, sealed with the key `foundry serve` opens) and added one that is due.
    const flow = await openFlow(dataDir, await loadIntegrityKey(dataDir, cliSecretBox(env)!));
    // On today's clock: `foundry serve` archives skills unused for 30 days when it starts.
    flow.clock.set(Date.now());
    const { slug } = await approvedReminder(flow);
    await flow.service.execute('owner', slug, 'add_reminder', { title: 'Stand up and stretch', due_at: new Date(Date.now() - 60_000).toISOString() });
    await flow.close();

    const rotate = run('token', ['rotate'], env);
    expect(await rotate.done).toBe(0);
    const token = rotate.out.join('');
    const serve = run('serve', ['--port', '0', '--json'], env);
    await expect.poll(() => serve.out.length, { timeout: 10_000 }).toBe(1);
    const { url } = JSON.parse(serve.out[0]!) as { url: string };
    try {
      expect(await request(url, { path: '/api/notifications' }, token)).toMatchObject({ status: 200, json: { items: [], unread: 0 } });
      const ran = await request(url, { method: 'POST', path: '/api/skills/execute', body: { slug, action: 'notify_due', params: {} } }, token);
      expect(ran).toMatchObject({ status: 200, json: { result: { success: true, data: { notified: 1 } } } });

      const listed = await request(url, { path: '/api/notifications' }, token);
      expect(listed).toMatchObject({ status: 200, json: { unread: 1, items: [{ kind: 'skill', skillSlug: slug, body: 'Stand up and stretch', readAt: null }] } });
      expect((await request(url, { path: '/api/notifications' }, null)).status).toBe(401);
      expect((await request(url, { method: 'POST', path: '/api/notifications', body: {} }, token)).status).toBe(405);
    } finally {
      process.emit('SIGINT', 'SIGINT');
      expect(await serve.done).toBe(0);
    }
  });
});
